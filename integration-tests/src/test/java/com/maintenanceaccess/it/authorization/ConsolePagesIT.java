package com.maintenanceaccess.it.authorization;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.maintenanceaccess.it.support.Browser;
import com.maintenanceaccess.it.support.BrowserExtension;
import com.maintenanceaccess.it.support.Realm;
import com.maintenanceaccess.it.support.pages.ConsolePage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The records as people see them: in the admin console's user page and, read-only, in the account console. */
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
        // ... and the records read as sentences (the maintenance admin theme's script), with a link
        // to the person's records in the workspace; the JSON fields and their disabled Add / − are hidden.
        WebElement record = Browser.await(browser.driver(), By.cssSelector("[data-mx='authorization']"));
        assertTrue(record.getText().startsWith("Inspection RII-PAGE-1: active; valid from "), record.getText());
        assertTrue(record.getText().contains("aircraft B737"), record.getText());
        WebElement link = browser.driver().findElement(By.cssSelector("[data-mx='workspace-link']"));
        assertTrue(link.getAttribute("href").endsWith("/realms/maintenance/account/mx/people/" + person + "/authorizations"),
                link.getAttribute("href"));
        fields.forEach(field -> assertFalse(field.isDisplayed(), "the stored JSON is not shown"));
        assertTrue(browser.driver().findElements(By.cssSelector("[data-testid='addValue']")).stream()
                .noneMatch(WebElement::isDisplayed), "no Add button that does nothing");
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", record);
        Browser.screenshot(browser.driver(), "admin-console-personnel-authorizations-words");
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
