package com.maintenanceaccess.it.account;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.maintenanceaccess.app.AppServer;
import com.maintenanceaccess.it.support.BrowserExtension;
import com.maintenanceaccess.it.support.Realm;
import com.maintenanceaccess.it.support.pages.AppPage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.Order;

/**
 * The reference app (app/) in Chromium for a person in two accounts (issue 22, item 3): a planner
 * in A and a stores person in B chooses the account at login (Keycloak's organization selection,
 * the app asks for scope "organization") and sees that account's pages only; logging in again
 * and choosing the other account shows the other's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// Runs the reference app on its one port (mx.it.app-port): one such class at a time, these three
// first (@Order; the walk is the longest class: started late, it ran alone at the end).
@ResourceLock("reference-app")
@Order(2)
class AppAccountChoiceIT {

    @RegisterExtension
    final BrowserExtension browser = new BrowserExtension();

    private final Realm realm = Realm.maintenance();
    private final int port = Integer.getInteger("mx.it.app-port", 3600);
    private AppServer app;
    private String aliasA;
    private String aliasB;
    private String contractor;

    @BeforeAll
    void twoAccountsAndTheApp() throws Exception {
        String features = "mx.features";
        String accountA = realm.createAccount("choice-a", true, Map.of(features, List.of("planning", "stores")));
        String accountB = realm.createAccount("choice-b", true, Map.of(features, List.of("planning", "stores")));
        aliasA = realm.adminGet("/organizations/" + accountA).get("alias").asText();
        aliasB = realm.adminGet("/organizations/" + accountB).get("alias").asText();
        contractor = realm.contractor(accountA, accountB, "choice");
        realm.grantTemplate(accountA, contractor, "planner");
        realm.grantTemplate(accountB, contractor, "stores");
        app = new AppServer(port, realm.server().baseUrl(), Realm.NAME);
        app.start();
    }

    @AfterAll
    void stopApp() {
        app.stop();
    }

    @Test
    void choosingAShowsAsPagesOnly() {
        AppPage page = new AppPage(browser.driver(), port)
                .signInChoosing(realm.username(contractor), Realm.TEST_PASSWORD, aliasA);
        List<String> allowed = page.allowedPages();
        assertTrue(allowed.contains("planning.workorders"), allowed::toString);
        assertTrue(allowed.stream().noneMatch(p -> p.startsWith("stores.")), "B's stores pages in A: " + allowed);
        assertTrue(page.who().contains(aliasA), page.who());
    }

    @Test
    void choosingBShowsBsPagesOnly() {
        AppPage page = new AppPage(browser.driver(), port)
                .signInChoosing(realm.username(contractor), Realm.TEST_PASSWORD, aliasB);
        List<String> allowed = page.allowedPages();
        assertTrue(allowed.contains("stores.inventory"), allowed::toString);
        assertFalse(allowed.contains("planning.workorders"), "A's planner pages in B: " + allowed);
        assertTrue(page.who().contains(aliasB), page.who());
    }
}
