package com.maintenanceaccess.it.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.maintenanceaccess.it.support.BrowserExtension;
import com.maintenanceaccess.it.support.Realm;
import com.maintenanceaccess.it.workspace.pages.AccountConsole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The realm's account console runs the maintenance account theme for a plain user, in English and German. */
class AccountConsoleThemeIT {

    @RegisterExtension
    final BrowserExtension browser = new BrowserExtension();

    private final Realm realm = Realm.maintenance();

    @Test
    void aUserSeesKeycloaksAccountConsoleInTheMaintenanceLook() throws Exception {
        String user = realm.createUser("console-user", Map.of("firstName", "Tess", "lastName", "Technician"));
        AccountConsole console = new AccountConsole(browser.driver(), realm).open("", realm.username(user), Realm.TEST_PASSWORD);

        assertTrue(console.brandLogoSource().endsWith("/account/maintenance/logo.svg"),
                "the header shows the maintenance logo from the maintenance account theme: " + console.brandLogoSource());
        assertEquals("rgba(11, 37, 69, 1)", console.headerBackground(), "the navy header of the maintenance look");
        // No account role: of the workspace only their own records (WorkspaceMenuIT: the menu per role).
        assertEquals(List.of("My authorizations"), console.workspaceMenu());
        // Keycloak's own page still works inside the theme: the personal-info form with the user's name.
        assertEquals("Personal info", console.pageTitle());

        Path shot = console.screenshotForDocs("account-console");
        assertTrue(Files.size(shot) > 10_000, "a real screenshot was written to " + shot);
    }

    @Test
    void theWorkspaceSpeaksGermanToAGermanUser() {
        String user = realm.createUser("console-de", Map.of("attributes", Map.of("locale", List.of("de"))));
        AccountConsole console = new AccountConsole(browser.driver(), realm).open("", realm.username(user), Realm.TEST_PASSWORD);
        assertEquals(List.of("Meine Berechtigungen"), console.workspaceMenu());
    }

    @Test
    void aPathThatNamesNoPageSaysSoInTheFrameAndLeadsBack() {
        String user = realm.createUser("console-lost", Map.of());
        AccountConsole console = new AccountConsole(browser.driver(), realm)
                .open("mx/no-such-page", realm.username(user), Realm.TEST_PASSWORD);
        assertEquals("This page does not exist", console.errorPageTitle());
        assertEquals(List.of("My authorizations"), console.workspaceMenu(), "the frame and its menu stay");
        assertTrue(console.errorPageText().contains("Back to the account console"), console.errorPageText());
        console.backFromErrorPage();
        assertEquals("Personal info", console.pageTitle());
    }

    @Test
    void theErrorPageSpeaksGermanToAGermanUser() {
        String user = realm.createUser("console-lost-de", Map.of("attributes", Map.of("locale", List.of("de"))));
        AccountConsole console = new AccountConsole(browser.driver(), realm)
                .open("mx/keine-seite", realm.username(user), Realm.TEST_PASSWORD);
        assertEquals("Diese Seite gibt es nicht", console.errorPageTitle());
        assertTrue(console.errorPageText().contains("Zurück zur Kontokonsole"), console.errorPageText());
    }
}
