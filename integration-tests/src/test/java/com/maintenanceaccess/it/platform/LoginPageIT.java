package com.maintenanceaccess.it.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.maintenanceaccess.it.support.Browser;
import com.maintenanceaccess.it.support.BrowserExtension;
import com.maintenanceaccess.it.support.Realm;
import com.maintenanceaccess.it.support.pages.LoginPage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A person opening the maintenance realm's login page in a real browser sees the maintenance theme. */
class LoginPageIT {

    @RegisterExtension
    final BrowserExtension browser = new BrowserExtension();

    private final Realm realm = Realm.maintenance();

    @Test
    void loginPageRendersInTheMaintenanceTheme() throws Exception {
        browser.driver().get(realm.url("/account"));
        LoginPage login = new LoginPage(browser.driver()).await();

        String footer = login.footer();
        assertTrue(footer.contains("authorised maintenance personnel only"), footer);
        assertEquals("maintenance access", login.header().toLowerCase());
        assertTrue(login.maintenanceStylesheets() == 1, "the maintenance stylesheet is linked");
        assertTrue(login.usernameShown());

        Path shot = Browser.screenshot(browser.driver(), "login-page");
        assertTrue(Files.size(shot) > 10_000, "a real screenshot was written to " + shot);
    }

    @Test
    void aWrongPasswordShowsAnErrorAndNoHintWhetherTheUserExists() {
        browser.driver().get(realm.url("/account"));
        LoginPage login = new LoginPage(browser.driver());
        login.signIn("no-such-person@mro.example", "wrong-password-123");
        String error = login.fieldError();
        assertEquals("Invalid username or password.", error);
        assertTrue(login.hasFooter());
    }
}
