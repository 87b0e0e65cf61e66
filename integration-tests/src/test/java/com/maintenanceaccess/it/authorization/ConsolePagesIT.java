package com.maintenanceaccess.it.authorization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.maintenanceaccess.it.support.Browser;
import com.maintenanceaccess.it.support.BrowserExtension;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.KeycloakServer;
import com.maintenanceaccess.it.support.Realm;
import com.maintenanceaccess.it.support.pages.ConsolePage;
import com.maintenanceaccess.it.workspace.pages.PageText;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.junit.jupiter.api.parallel.Isolated;

/** The records as people see them: in the admin console's user page and, read-only, in the account console. */
// Alone, no other test class beside it: it changes the master realm's admin theme.
@Isolated
class ConsolePagesIT {

    @RegisterExtension
    final BrowserExtension browser = new BrowserExtension();

    private final Authz authz = new Authz();

    @Test
    void theAdminConsoleShowsTheGroupOnTheUserPage() {
        String officer = authz.officer();
        String person = authz.person("console-page");
        authz.grant(authz.realm.userToken(officer), person, Authz.inspection("RII-PAGE-1"));

        ConsolePage console = new ConsolePage(browser.driver()).openAdminUser(authz.realm.server().baseUrl(), person)
                .signIn(authz.realm.username(officer), Realm.TEST_PASSWORD);
        console.text("Personnel authorizations");
        String page = console.html();
        Browser.screenshot(browser.driver(), "admin-console-personnel-authorizations");
        assertTrue(page.contains("RII-PAGE-1"), "the stored record is on the user's page");
        // The realm operator sees the record in the real security-admin-console, and cannot edit it.
        List<WebElement> fields = console.fieldsShowing("RII-PAGE-1");
        assertFalse(fields.isEmpty(), "the record is shown in a field");
        fields.forEach(field -> assertFalse(field.isEnabled() && field.getAttribute("readonly") == null,
                "the field is read-only in the admin console"));
        // Issue 24 item 8: the group says in plain words where the records are read and changed
        // (the workspace), and the page names no API path.
        String shown = console.html();
        assertTrue(shown.contains("Kept by the compliance officers") && shown.contains("in the workspace (account console, Authorizations)"),
                "the group points to the workspace");
        assertFalse(console.html().contains("/mx/users/"), "no API path in the admin console");
        // The profile's texts are message keys (realm-config/maintenance-realm.json): in English here.
        String help = console.attributeHelp("mx_authorizations");
        assertTrue(help.startsWith("Read-only: this is how the records are stored.") && help.contains("Nobody changes them here"), help);
        assertFalse(console.visibleText().contains("${") || console.visibleText().contains("mxProfile"), console.visibleText());
        // ... and the records read as sentences (the maintenance admin theme's script), with a link
        // to the person's records in the workspace; the JSON fields and their disabled Add / − are hidden.
        WebElement record = readsInWords(person, "Inspection / required inspection item (RII) RII-PAGE-1: active; valid from ",
                "aircraft B737", "issued by Quality Manager", "Open this person's authorizations in the workspace");
        fields.forEach(field -> assertFalse(field.isDisplayed(), "the stored JSON is not shown"));
        assertTrue(browser.driver().findElements(By.cssSelector("[data-testid='addValue']")).stream()
                .noneMatch(WebElement::isDisplayed), "no Add button that does nothing");
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", record);
        Browser.screenshot(browser.driver(), "admin-console-personnel-authorizations-words");
    }

    /**
     * An operator whose locale is German reads the records in German: the script follows the admin
     * console's language (the texts the console loads for the operator), with dates the German way;
     * and the user profile's own texts (the group's header and description, the attribute's label and
     * help: message keys in the realm's profile, texts in the admin theme) are German too.
     */
    @Test
    void anOperatorInGermanReadsTheRecordsInGerman() {
        String officer = authz.officer();
        String person = authz.person("console-page-de");
        authz.grant(authz.realm.userToken(officer), person, Authz.inspection("RII-PAGE-DE"));
        String operator = authz.realm.createUser("operator-de", Map.of("attributes", Map.of("locale", List.of("de"))));
        authz.realm.grantRealmManagement(operator, "manage-users", "view-users");

        ConsolePage console = new ConsolePage(browser.driver()).openAdminUser(authz.realm.server().baseUrl(), person)
                .signIn(authz.realm.username(operator), Realm.TEST_PASSWORD);
        WebElement record = readsInWords(person, "Inspektion / prüfpflichtiger Arbeitsschritt (RII) RII-PAGE-DE: aktiv; gültig vom ",
                "Luftfahrzeuge B737", "ausgestellt von Quality Manager", "Berechtigungen dieser Person im Arbeitsbereich öffnen");
        assertTrue(record.getText().matches(".*gültig vom \\d{2}\\.\\d{2}\\.\\d{4} bis \\d{2}\\.\\d{2}\\.\\d{4}.*"), record.getText());
        String words = browser.driver().findElement(By.cssSelector("[data-mx='authorizations']")).getText();
        assertTrue(PageText.english(words).isEmpty(), words);
        console.text("Personalberechtigungen");
        String shown = console.visibleText();
        assertTrue(shown.contains("Was diese Person freigeben oder abzeichnen darf. Geführt von den Compliance-Beauftragten"), shown);
        assertFalse(shown.contains("Personnel authorizations") || shown.contains("Kept by the compliance officers"), shown);
        assertFalse(shown.contains("${") || shown.contains("mxProfile"), shown);
        String help = console.attributeHelp("mx_authorizations");
        assertTrue(help.startsWith("Nur lesbar: So sind die Einträge gespeichert.") && help.contains("Hier ändert sie niemand"), help);
        assertTrue(PageText.english(help).isEmpty(), help);
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", record);
        Browser.screenshot(browser.driver(), "admin-console-personnel-authorizations-words-de");
    }

    /**
     * The master realm's admin console, where the server's operators sign in, shows a maintenance
     * user's records in words too once its admin theme is the maintenance theme (set once per
     * deployment, docs/operations.md; the demo seeding sets it, RunCommandDemoIT). The master realm's
     * admin theme is set back afterwards: the server is shared by every test class of the run.
     */
    @Test
    void theMasterRealmsConsoleShowsTheRecordsInWords() {
        String officer = authz.officer();
        String person = authz.person("console-page-master");
        authz.grant(authz.realm.userToken(officer), person, Authz.inspection("RII-PAGE-M"));
        String master = authz.realm.server().baseUrl() + "/admin/realms/master";
        // Keycloak's default is no admin theme of the realm's own (keycloak.v2): an empty name.
        String before = Http.get(master, authz.realm.adminToken()).json().path("adminTheme").asText("");
        Http.Response themed = Http.putJson(master, authz.realm.adminToken(), Map.of("adminTheme", "maintenance"));
        assertTrue(themed.status() == 204, themed::toString);
        try {
            new ConsolePage(browser.driver()).openMasterAdminUser(authz.realm.server().baseUrl(), person)
                    .signIn(KeycloakServer.ADMIN_USER, KeycloakServer.ADMIN_PASSWORD);
            WebElement record = readsInWords(person, "Inspection / required inspection item (RII) RII-PAGE-M: active; valid from ",
                    "aircraft B737", "issued by Quality Manager", "Open this person's authorizations in the workspace");
            browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", record);
            Browser.screenshot(browser.driver(), "admin-console-master-personnel-authorizations-words");
        } finally {
            Http.Response restored = Http.putJson(master, authz.realm.adminToken(), Map.of("adminTheme", before));
            assertEquals(204, restored.status(), restored::toString);
            assertEquals(before, Http.get(master, authz.realm.adminToken()).json().path("adminTheme").asText(""),
                    "the master realm's admin theme is as before");
        }
    }

    /**
     * The records on the user page of the admin console now shown, as sentences: the first begins so and
     * holds those parts; the link to the person's records in the workspace reads so; no raw key, id or
     * API path. Returns the first record's line.
     */
    private WebElement readsInWords(String person, String begins, String scope, String issuer, String linkText) {
        WebElement record = Browser.await(browser.driver(), By.cssSelector("[data-mx='authorization']"));
        // The first sentences may be those of the console's first language (English) until the operator's is loaded.
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> d.findElement(
                By.cssSelector("[data-mx='authorization']")).getText().startsWith(begins));
        record = browser.driver().findElement(By.cssSelector("[data-mx='authorization']"));
        assertTrue(record.getText().contains(scope) && record.getText().contains(issuer) && record.getText().endsWith("."),
                record.getText());
        WebElement link = browser.driver().findElement(By.cssSelector("[data-mx='workspace-link']"));
        assertEquals(linkText, link.getText());
        assertTrue(link.getAttribute("href").endsWith("/realms/maintenance/account/mx/people/" + person + "/authorizations"),
                link.getAttribute("href"));
        String words = browser.driver().findElement(By.cssSelector("[data-mx='authorizations']")).getText();
        assertEquals(List.of(), PageText.findings(words), words);
        return record;
    }

    @Test
    void theAccountConsoleShowsTheRecordsReadOnly() {
        String officer = authz.officer();
        String person = authz.person("account-page");
        authz.grant(authz.realm.userToken(officer), person, Authz.inspection("RII-PAGE-2"));

        ConsolePage console = new ConsolePage(browser.driver()).openAccount(authz.realm.url(""))
                .signIn(authz.realm.username(person), Realm.TEST_PASSWORD);
        console.text("Personnel authorizations");
        Browser.screenshot(browser.driver(), "account-console-personnel-authorizations");
        WebElement field = console.fieldsShowing("RII-PAGE-2").stream().findFirst()
                .orElseThrow(() -> new AssertionError("the record is not shown: " + browser.driver().getPageSource()));
        assertFalse(field.isEnabled() && field.getAttribute("readonly") == null, "the field is read-only");
    }
}
