package com.maintenanceaccess.it.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.maintenanceaccess.it.support.BrowserExtension;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Realm;
import com.maintenanceaccess.it.workspace.pages.ProvisioningPage;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** t26-scim: Workspace → Provisioning, as an account administrator (account roles only), in the real console. */
class ProvisioningPageIT {

    @RegisterExtension
    final BrowserExtension browser = new BrowserExtension();

    private final Realm realm = Realm.maintenance();

    @Test
    void anAdministratorCreatesATokenSeesItOnceAndRevokesIt() {
        String account = realm.createAccount("ws-scim", true, Map.of());
        String alias = realm.adminGet("/organizations/" + account).get("alias").asText();
        String admin = realm.accountPerson(account, "ws-scim-admin", "account-administrator");

        ProvisioningPage page = new ProvisioningPage(browser.driver(), realm).open(alias, realm.username(admin), Realm.TEST_PASSWORD);
        page.create("Entra ID");
        assertTrue(page.awaitDone("Token created").contains("Token created"));
        String secret = page.secret();
        assertTrue(secret.startsWith("mxscim_"), secret);
        String baseUrl = page.baseUrl();
        assertTrue(baseUrl.endsWith("/mx/accounts/" + alias + "/scim/v2"), baseUrl);
        page.awaitStatus("Entra ID", "Active");
        page.screenshotForDocs("provisioning");

        // The secret the page showed works at the account's SCIM endpoint, until it is revoked on the page.
        assertEquals(200, Http.get(baseUrl + "/ServiceProviderConfig", secret).status());
        page.revoke("Entra ID");
        page.awaitStatus("Entra ID", "Revoked");
        assertFalse(page.showsSecret(), "the secret is gone from the page");
        assertEquals(401, Http.get(baseUrl + "/Users", secret).status());
    }
}
