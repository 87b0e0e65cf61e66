package com.maintenanceaccess.it.signoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.maintenanceaccess.it.authorization.Authz;
import com.maintenanceaccess.it.invitation.InvitationSupport;
import com.maintenanceaccess.it.support.Browser;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Realm;
import com.maintenanceaccess.it.support.pages.AppPage;
import com.maintenanceaccess.it.support.pages.InvitationPage;
import com.maintenanceaccess.it.support.pages.LoginPage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The reference app's signing form and landing (issue 24 item 7), in Chromium: the form adapts to
 * the kind of signoff, keeps what the signer entered across the step-up login, a Back into
 * Keycloak's step-up page after signing ends on a clear page without a second signature, "Release a
 * work package" is under an open "Work packages", and an invited person who accepts lands in the
 * app signed in.
 */
// Alone, no other test class beside it: it changes the reference app's client, which every app test signs in through.
@Isolated
class AppSignoffFormIT extends ReferenceAppFixture {

    AppSignoffFormIT() {
        super("app-form", "Form");
    }

    @Test
    void theFormAdaptsToTheKindOfSignoff() {
        AppPage page = signIn(member("app-form-kinds", "certifying-staff"));
        page.choose("inspection");
        assertEquals("Category of the work inspected", page.textOf("category-caption"));
        assertTrue(page.shown("sign-inspects"), "an RII names the signature of the work inspected");
        assertTrue(page.field("sign-declaration").contains("independently inspected"), page.field("sign-declaration"));
        assertFalse(page.field("sign-declaration").contains("release to service"), "not a release's wording");
        assertTrue(page.textOf("sign").contains("inspection"), page.textOf("sign"));

        page.choose("release");
        assertEquals("Maintenance category", page.textOf("category-caption"));
        assertFalse(page.shown("sign-inspects"));
        assertFalse(page.shown("sign-task"), "a release covers the work order, not one task");
        assertTrue(page.field("sign-declaration").contains("release to service"), page.field("sign-declaration"));

        page.fill("sign-declaration", "My own words.").choose("task");
        assertEquals("My own words.", page.field("sign-declaration"), "a declaration the signer wrote is kept");
    }

    @Test
    void theFormIsKeptAcrossTheStepUpAndBackDoesNotSignAgain() {
        String tech = member("app-form-keep", "certifying-staff");
        authz.grant(officerToken, tech, Authz.crs("CRS-APP-KEEP"));
        AppPage page = signIn(tech);
        page.fill("sign-category", "base");
        WebElement result = page.sign("release", "WO-KEEP-1", null, Realm.TEST_PASSWORD);
        assertEquals("accepted", result.getAttribute("class"), result.getText());
        assertEquals("WO-KEEP-1", page.field("sign-workorder"), "what the signer entered is still there");
        assertEquals("base", page.field("sign-category"));
        assertEquals("release", page.field("sign-type"));
        assertTrue(page.field("sign-declaration").contains("release to service"));

        ChromeDriver driver = browser.driver();
        driver.navigate().back();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> !d.findElements(By.id("password")).isEmpty()
                || (!d.findElements(By.id("sign-note")).isEmpty() && d.findElement(By.id("sign-note")).isDisplayed()));
        if (!driver.findElements(By.id("password")).isEmpty()) {
            // Keycloak asks for the step-up again (the level's window passed): a working page.
            new LoginPage(driver).reenterPassword(Realm.TEST_PASSWORD);
        }
        WebElement note = Browser.await(driver, By.id("sign-note"));
        assertTrue(note.getText().contains("already sent") && note.getText().contains("does not sign it again"), note.getText());
        assertEquals("WO-KEEP-1", page.field("sign-workorder"), "the form is still the signer's");
        JsonNode signed = Http.get(realm.url("/mx/signoffs?outcome=accepted&person=" + tech), officerToken).json();
        assertEquals(1, signed.get("signoffs").size(), "one signature, not two: " + signed);
    }

    @Test
    void releaseAWorkPackageIsUnderAnOpenWorkPackagesSection() {
        String tech = member("app-form-wp", "certifying-staff");
        authz.grant(officerToken, tech, Authz.crs("CRS-APP-WP"));
        AppPage page = signIn(tech);
        WebElement section = browser.driver().findElement(By.cssSelector("#pages li[data-page='planning.workpackages']"));
        assertEquals("allowed", section.getAttribute("class"), section.getText());
        WebElement release = section.findElement(By.cssSelector("li[data-page='planning.workpackages.release']"));
        assertEquals("allowed", release.getAttribute("class"), release.getText());
        assertTrue(page.allowedPages().contains("planning.workpackages.release"));
    }

    @Test
    void anInvitedPersonLandsInTheAppSignedIn() throws Exception {
        String admin = realm.createUser("app-form-admin", Map.of("firstName", "Ada", "lastName", "Admin"));
        realm.addMember(account, admin);
        realm.grantAccountRole(account, admin, "account-administrator");
        // The invitation lands at the app client's base URL: for this test, the app it serves.
        JsonNode client = realm.adminGet("/clients?clientId=maintenance-app").get(0);
        String rootUrl = client.get("rootUrl").asText();
        String clientUrl = realm.adminUrl("/clients/" + client.get("id").asText());
        try {
            ((ObjectNode) client).put("rootUrl", "http://localhost:" + port);
            assertEquals(204, Http.putJson(clientUrl, realm.adminToken(), client).status());
            String email = "app-form-" + UUID.randomUUID().toString().substring(0, 8) + "@mro.example";
            Http.Response invited = Http.postJson(realm.url("/mx/accounts/" + account + "/people"), realm.userToken(admin),
                    Map.of("firstName", "Ivy", "lastName", "Invited", "email", email, "templates", List.of("technician")));
            assertEquals(201, invited.status(), invited::toString);
            String link = InvitationSupport.link(email, 1);
            ChromeDriver driver = browser.driver();
            new InvitationPage(driver).open(link).setPassword(InvitationSupport.GOOD_PASSWORD);
            String who = Browser.await(driver, By.id("who")).getText();
            assertTrue(who.contains("Ivy Invited"), who);
            assertTrue(driver.getCurrentUrl().startsWith("http://localhost:" + port + "/"), driver.getCurrentUrl());
            assertFalse(driver.findElement(By.id("login")).isDisplayed(), "no second Log in");
            Browser.await(driver, By.cssSelector("#pages li"));
        } finally {
            ((ObjectNode) client).put("rootUrl", rootUrl);
            Http.putJson(clientUrl, realm.adminToken(), client);
        }
    }
}
