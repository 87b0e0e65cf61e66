package com.maintenanceaccess.it.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.maintenanceaccess.it.support.BrowserExtension;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Realm;
import com.maintenanceaccess.it.workspace.pages.ProvisioningPage;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
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

    @Test
    void anAdministratorChoosesTheInvitationMailAndMapsDirectoryGroups() {
        String account = realm.createAccount("ws-scim-set", true, Map.of());
        String alias = realm.adminGet("/organizations/" + account).get("alias").asText();
        String admin = realm.accountPerson(account, "ws-scim-set-admin", "account-administrator");

        ProvisioningPage page = new ProvisioningPage(browser.driver(), realm).open(alias, realm.username(admin), Realm.TEST_PASSWORD);
        assertTrue(page.onboardingChosen("identity-provider"), "no mail unless the administrator chooses it");
        page.chooseOnboarding("invitation");
        assertTrue(page.awaitDone("Provisioning settings saved").contains("saved"));
        page.addMapping("MRO Planners", "planner");
        assertFalse(page.offers(0, "account-administrator"), "a privileged template is not offered");
        page.saveMapping();
        page.awaitDone("Provisioning settings saved");
        page.screenshotForDocs("provisioning-settings");

        JsonNode saved = Http.get(settings(account), realm.userToken(admin)).json();
        assertEquals("invitation", saved.get("onboarding").asText(), saved::toString);
        assertEquals("MRO Planners", saved.get("groupMapping").get(0).get("group").asText(), saved::toString);
        assertEquals("planner", saved.get("groupMapping").get(0).get("template").asText(), saved::toString);
        assertNoIds(page.text(), account, admin);
    }

    @Test
    void aGermanAdministratorIsToldWhatIsWrongAndNothingIsSaved() {
        String account = realm.createAccount("ws-scim-de", true, Map.of());
        String alias = realm.adminGet("/organizations/" + account).get("alias").asText();
        String admin = realm.createUser("ws-scim-de-admin", Map.of("firstName", "Anke", "lastName", "Admin",
                "attributes", Map.of("locale", List.of("de"))));
        realm.addMember(account, admin);
        realm.grantAccountRole(account, admin, "account-administrator");

        ProvisioningPage page = new ProvisioningPage(browser.driver(), realm).open(alias, realm.username(admin), Realm.TEST_PASSWORD);
        String text = page.text();
        assertTrue(text.contains("Wie Personen aus dem Verzeichnis Zugang erhalten") && text.contains("Verzeichnisgruppen und Rollenvorlagen"),
                text);
        page.addMapping("Planer", "planner").addMapping("planer", "stores").saveMapping();
        assertTrue(page.problem("groupMapping[1].group").contains("planer"), page.problem("groupMapping[1].group"));
        assertTrue(page.refusal().contains("Nichts wurde gespeichert"), page.refusal());
        assertEquals(0, Http.get(settings(account), realm.userToken(admin)).json().get("groupMapping").size(), "nothing saved");
        page.chooseOnboarding("invitation");
        assertTrue(page.awaitDone("gespeichert").contains("Provisionierungseinstellungen"));
        assertNoIds(page.text(), account, admin);
    }

    private String settings(String account) {
        return realm.url("/mx/accounts/" + account + "/provisioning-settings");
    }

    private static void assertNoIds(String text, String... ids) {
        for (String id : ids) {
            assertFalse(text.contains(id), "no id on the page: " + id + " in " + text);
        }
        assertFalse(text.contains("/mx/"), "no API path on the page: " + text);
        assertFalse(text.contains("groupMapping") || text.contains("mx.scim"), "no field or attribute names: " + text);
    }
}
