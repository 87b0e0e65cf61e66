package com.maintenanceaccess.it.authorization;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.maintenanceaccess.it.support.Browser;
import com.maintenanceaccess.it.support.Realm;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** The records as people see them: in the admin console's user page and, read-only, in the account console. */
class ConsolePagesIT {

    private final Authz authz = new Authz();
    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open();
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    private void login(String userId) {
        Browser.signIn(browser, authz.realm.username(userId), Realm.TEST_PASSWORD);
    }

    private WebElement text(String text) {
        return Browser.await(browser, By.xpath("//*[normalize-space(text())='" + text + "']"));
    }

    @Test
    void theAdminConsoleShowsTheGroupOnTheUserPage() {
        String officer = authz.officer();
        String person = authz.realm.createUser("console-page", Map.of());
        authz.grant(authz.realm.userToken(officer), person, Authz.inspection("RII-PAGE-1"));

        browser.get(authz.realm.server().baseUrl() + "/admin/maintenance/console/#/maintenance/users/" + person + "/settings");
        login(officer);
        text("Personnel authorizations");
        String page = browser.findElement(By.tagName("body")).getAttribute("innerHTML");
        Browser.screenshot(browser, "admin-console-personnel-authorizations");
        assertTrue(page.contains("RII-PAGE-1"), "the stored record is on the user's page");
        // The realm operator sees the record in the real security-admin-console, and cannot edit it.
        List<WebElement> fields = browser.findElements(By.cssSelector("input, textarea")).stream()
                .filter(i -> String.valueOf(i.getAttribute("value")).contains("RII-PAGE-1")).toList();
        assertFalse(fields.isEmpty(), "the record is shown in a field");
        fields.forEach(field -> assertFalse(field.isEnabled() && field.getAttribute("readonly") == null,
                "the field is read-only in the admin console"));
    }

    @Test
    void theAccountConsoleShowsTheRecordsReadOnly() {
        String officer = authz.officer();
        String person = authz.realm.createUser("account-page", Map.of());
        authz.grant(authz.realm.userToken(officer), person, Authz.inspection("RII-PAGE-2"));

        browser.get(authz.realm.url("/account/"));
        login(person);
        text("Personnel authorizations");
        Browser.screenshot(browser, "account-console-personnel-authorizations");
        List<WebElement> inputs = browser.findElements(By.cssSelector("input[value*='RII-PAGE-2'], textarea"));
        WebElement field = inputs.stream().filter(i -> String.valueOf(i.getAttribute("value")).contains("RII-PAGE-2"))
                .findFirst().orElseThrow(() -> new AssertionError("the record is not shown: " + browser.getPageSource()));
        assertFalse(field.isEnabled() && field.getAttribute("readonly") == null, "the field is read-only");
    }
}
