package com.maintenanceaccess.it.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.maintenanceaccess.it.support.Browser;
import com.maintenanceaccess.it.support.Realm;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** A person opening the maintenance realm's login page in a real browser sees the maintenance theme. */
class LoginPageIT {

    private final Realm realm = Realm.maintenance();
    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open();
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void loginPageRendersInTheMaintenanceTheme() throws Exception {
        browser.get(realm.url("/account"));
        Browser.await(browser, By.id("username"));

        String footer = browser.findElement(By.id("mx-footer")).getText();
        assertTrue(footer.contains("authorised maintenance personnel only"), footer);
        assertEquals("maintenance access", browser.findElement(By.id("kc-header-wrapper")).getText().toLowerCase());
        assertTrue(browser.findElements(By.cssSelector("link[href*='css/maintenance.css']")).size() == 1,
                "the maintenance stylesheet is linked");
        assertTrue(browser.findElement(By.id("username")).isDisplayed());

        Path shot = Browser.screenshot(browser, "login-page");
        assertTrue(Files.size(shot) > 10_000, "a real screenshot was written to " + shot);
    }

    @Test
    void aWrongPasswordShowsAnErrorAndNoHintWhetherTheUserExists() {
        browser.get(realm.url("/account"));
        Browser.signIn(browser, "no-such-person@mro.example", "wrong-password-123");
        String error = Browser.await(browser,
                By.cssSelector("[id^='input-error-']:not([id^='input-error-container'])")).getText();
        assertEquals("Invalid username or password.", error);
        assertTrue(browser.findElements(By.id("mx-footer")).size() == 1);
    }
}
