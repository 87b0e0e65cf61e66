package com.maintenanceaccess.it.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.support.BrowserExtension;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Realm;
import com.maintenanceaccess.it.workspace.pages.AccessReviewPage;
import com.maintenanceaccess.it.workspace.pages.AccountSettingsPage;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Workspace → Account settings and Access review, in the real account console. */
class SettingsAndReviewPagesIT {

    @RegisterExtension
    final BrowserExtension browser = new BrowserExtension();

    private final Realm realm = Realm.maintenance();
    private String operator;

    @BeforeEach
    void setUp() {
        operator = Operators.operator(realm);
    }

    @Test
    void featuresAndSetupModeAreSavedFromTheForm() {
        String account = realm.createAccount("ws-settings", true, Map.of("mx.features", List.of("planning")));
        String until = LocalDate.now(ZoneOffset.UTC).plusDays(14).toString();

        AccountSettingsPage page = new AccountSettingsPage(browser.driver(), realm).open(account, operator, Realm.TEST_PASSWORD);
        assertTrue(page.featureChecked("planning"));
        assertTrue(page.formText().contains("Notices") && page.formText().contains("Access reviews"), page.formText());
        assertFalse(page.featureChecked("workshop"));
        page.toggleFeature("workshop").setupMode(true, until).save();
        assertTrue(page.done().contains("The account settings were saved."), page.done());
        page.screenshotForDocs("account-settings");

        JsonNode saved = realm.adminGet("/organizations/" + account);
        assertEquals(List.of("planning", "workshop"), sorted(saved.get("attributes").get("mx.features")));
        assertEquals("on", saved.get("attributes").get("mx.setup-mode").get(0).asText());
        assertTrue(saved.get("attributes").get("mx.setup-mode-until").get(0).asText().startsWith(until), saved::toString);
    }

    @Test
    void anAccountAdministratorSetsNoticesAndTheReviewScheduleInGerman() throws Exception {
        String account = realm.createAccount("ws-settings-notices", true, Map.of());
        String admin = realm.createUser("ws-settings-admin", Map.of("firstName", "Anke", "lastName", "Admin",
                "attributes", Map.of("locale", List.of("de"))));
        realm.addMember(account, admin);
        realm.grantAccountRole(account, admin, "account-administrator");
        AccountSettingsPage page = new AccountSettingsPage(browser.driver(), realm)
                .open(account, realm.username(admin), Realm.TEST_PASSWORD);
        assertTrue(page.formText().contains("Hinweise") && page.formText().contains("Zugriffspr\u00fcfungen"), page.formText());
        assertEquals("60, 30, 7", page.leadDays(), "the defaults are shown");
        assertTrue(page.officersChecked());

        // A lead time out of range: refused on its field, nothing changed.
        page.notices("45, 0", null, true, true).save();
        assertTrue(page.problem("notices.leadDays").contains("0"), page.problem("notices.leadDays"));
        assertFalse(realm.adminGet("/organizations/" + account).path("attributes").has("mx.notices.lead-days"), "nothing changed");

        page.notices("45, 14", "2, 5", false, true).review("6", "remove").save();
        assertTrue(page.awaitDone("gespeichert").contains("Die Konto-Einstellungen wurden gespeichert."), page.done());
        JsonNode attributes = realm.adminGet("/organizations/" + account).get("attributes");
        assertEquals("45,14", attributes.get("mx.notices.lead-days").get(0).asText(), attributes::toString);
        assertEquals("5,2", attributes.get("mx.notices.invitation-days").get(0).asText());
        assertEquals("off", attributes.get("mx.notices.officers").get(0).asText());
        assertFalse(attributes.has("mx.notices.administrators"), "on is the default: no attribute");
        assertEquals("6", attributes.get("mx.review.every-months").get(0).asText());
        assertEquals("remove", attributes.get("mx.review.undecided").get(0).asText());
        // Traceable: the admin event holds before and after.
        JsonNode event = realm.adminGet("/admin-events?resourceTypes=CUSTOM&resourcePath=accounts/" + account + "&max=1").get(0);
        JsonNode change = Http.JSON.readTree(event.get("representation").asText());
        assertEquals("[60,30,7]", change.get("before").get("notices").get("leadDays").toString(), change::toString);
        assertEquals("[45,14]", change.get("after").get("notices").get("leadDays").toString(), change::toString);
        assertEquals(0, change.get("before").get("review").get("everyMonths").asInt());
        assertEquals(6, change.get("after").get("review").get("everyMonths").asInt());
    }

    @Test
    void aDateInThePastIsRefusedOnTheDateField() {
        String account = realm.createAccount("ws-settings-bad", true, Map.of());
        AccountSettingsPage page = new AccountSettingsPage(browser.driver(), realm).open(account, operator, Realm.TEST_PASSWORD);
        page.setupMode(true, "2020-01-01").save();
        assertTrue(page.refusal().contains("setupMode.until"), page.refusal());
        assertFalse(realm.adminGet("/organizations/" + account).path("attributes").has("mx.setup-mode"), "nothing changed");
    }

    @Test
    void theAccessReviewListsAPersonWithoutAccount() {
        String loner = realm.createUser("ws-loner", Map.of());
        AccessReviewPage page = new AccessReviewPage(browser.driver(), realm).open(operator, Realm.TEST_PASSWORD);
        assertTrue(page.administrators().matches(".*\\d+.*"), page.administrators());
        assertTrue(page.findingsOf(realm.username(loner)).contains("no-account"));
        page.screenshotForDocs("access-review");

        page.threshold("inactiveDays", 0);
        assertFalse(page.thresholdProblem("inactiveDays").isBlank());
    }

    /**
     * Issue 24: a German account administrator reads the report's findings with role templates and
     * authorization types in words (not "certifying-staff requires certifying-staff"), and the
     * account's features by their names (the catalog's words), nowhere the account's alias.
     */
    @Test
    void aGermanAdministratorReadsFindingsAndFeaturesInWords() {
        String account = realm.createNamedAccount("ws-report-words", "Bericht Aviation", true,
                Map.of("mx.features", List.of("planning")));
        String alias = realm.adminGet("/organizations/" + account).get("alias").asText();
        String admin = realm.createUser("ws-report-admin", Map.of("firstName", "Anke", "lastName", "Admin",
                "attributes", Map.of("locale", List.of("de"))));
        realm.addMember(account, admin);
        realm.grantAccountRole(account, admin, "account-administrator");
        String person = realm.createUser("ws-report-person", Map.of());
        realm.addMember(account, person);
        realm.grantTemplate(account, person, "account-administrator");
        realm.grantTemplate(account, person, "certifying-staff");

        AccessReviewPage report = new AccessReviewPage(browser.driver(), realm).open(realm.username(admin), Realm.TEST_PASSWORD);
        List<String> details = report.detailsOf(realm.username(person));
        assertTrue(details.contains("hat Kontoadministration"), details::toString);
        assertTrue(details.contains("Freigabeberechtigtes Personal erfordert Freigabeberechtigtes Personal (CRS)"), details::toString);
        assertEquals(List.of(), com.maintenanceaccess.it.workspace.pages.PageText.findings(report.pageText(), List.of(alias)));

        AccountSettingsPage settings = new AccountSettingsPage(browser.driver(), realm)
                .open(alias, realm.username(admin), Realm.TEST_PASSWORD);
        assertEquals("Planung", settings.featureLabel("planning"));
        assertEquals("Werkstatt", settings.featureLabel("workshop"));
        assertEquals(List.of(), com.maintenanceaccess.it.workspace.pages.PageText.findings(settings.pageText(), List.of(alias)));
    }

    private static List<String> sorted(JsonNode values) {
        List<String> list = new java.util.ArrayList<>();
        values.forEach(value -> list.add(value.asText()));
        return list.stream().sorted().toList();
    }
}
