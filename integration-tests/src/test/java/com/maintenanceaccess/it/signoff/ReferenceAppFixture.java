package com.maintenanceaccess.it.signoff;

import com.maintenanceaccess.app.AppServer;
import com.maintenanceaccess.it.authorization.Authz;
import com.maintenanceaccess.it.support.BrowserExtension;
import com.maintenanceaccess.it.support.Realm;
import com.maintenanceaccess.it.support.pages.AppPage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the reference app's browser tests share: the app (app/) started against the test server for
 * the class, an account of its own with the workshop, stores and planning features, a compliance
 * officer's token, members holding one template, and signing in to the app in Chromium.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReferenceAppFixture {

    @RegisterExtension
    final BrowserExtension browser = new BrowserExtension();

    final Realm realm = Realm.maintenance();
    final Authz authz = new Authz(realm);
    final int port = Integer.getInteger("mx.it.app-port", 3600);
    private final String accountPrefix;
    private final String firstName;
    private AppServer app;
    String officerToken;
    String account;

    /** {@code accountPrefix}: the class's account; {@code firstName}: its members' first name. */
    ReferenceAppFixture(String accountPrefix, String firstName) {
        this.accountPrefix = accountPrefix;
        this.firstName = firstName;
    }

    @BeforeAll
    void startApp() throws Exception {
        officerToken = realm.userToken(authz.officer());
        account = realm.createAccount(accountPrefix, true, Map.of("mx.features", List.of("workshop", "stores", "planning")));
        app = new AppServer(port, realm.server().baseUrl(), Realm.NAME);
        app.start();
    }

    @AfterAll
    void stopApp() {
        app.stop();
    }

    /** A member of the class's account holding {@code template} there. */
    String member(String prefix, String template) {
        return member(prefix, template, Map.of());
    }

    /** The same, with more of the user's representation ({@code attributes}: e.g. their locale). */
    String member(String prefix, String template, Map<String, Object> extra) {
        Map<String, Object> user = new java.util.HashMap<>(Map.of("firstName", firstName, "lastName", prefix));
        user.putAll(extra);
        String id = realm.createUser(prefix, user);
        realm.addMember(account, id);
        realm.grantTemplate(account, id, template);
        return id;
    }

    AppPage signIn(String userId) {
        return new AppPage(browser.driver(), port).signIn(realm.username(userId), Realm.TEST_PASSWORD);
    }
}
