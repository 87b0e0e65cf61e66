package com.maintenanceaccess.it.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.support.Browser;
import com.maintenanceaccess.it.support.BrowserExtension;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Realm;
import com.maintenanceaccess.it.support.pages.InvitationPage;
import com.maintenanceaccess.it.support.pages.LoginPage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The invited person's side, in a real browser: e-mail, page, password, logged in. */
class InvitationFlowIT {

    @RegisterExtension
    final BrowserExtension browsers = new BrowserExtension();

    private final InvitationSupport it = new InvitationSupport();

    @Test
    void anInviteeReadsTheMailOpensTheLinkSetsAPasswordAndIsLoggedIn() throws Exception {
        Realm realm = it.realm;
        String account = it.account("Acme MRO");
        String role = InvitationSupport.unique("planner");
        assertEquals(201, Http.postJson(realm.adminUrl("/roles"), realm.adminToken(),
                Map.of("name", role, "description", "Planner")).status());
        String userId = it.invitee("inv-flow", Map.of("firstName", "Pat", "lastName", "Smith"));
        JsonNode roleRep = realm.adminGet("/roles/" + role);
        assertEquals(204, Http.postJson(realm.adminUrl("/users/" + userId + "/role-mappings/realm"),
                realm.adminToken(), List.of(roleRep)).status());
        String email = it.email(userId);

        Http.Response invited = it.invite(userId, 5, account);
        assertEquals(201, invited.status(), invited::toString);
        assertEquals("pending", invited.json().get("status").asText());
        assertEquals(it.adminId(), invited.json().get("invitedBy").asText());

        String[] mail = InvitationSupport.mail(email, 1);
        assertEquals("Your invitation to Maintenance Access", mail[2]);
        assertTrue(mail[0].contains("Hello Pat Smith,"), mail[0]);
        assertTrue(mail[0].contains("Ada Admin has invited you"), mail[0]);
        assertTrue(mail[0].contains("Acme MRO " + account), mail[0]);
        assertTrue(mail[0].contains(role + " (Planner)"), mail[0]);
        assertTrue(mail[0].matches("(?s).*valid until [A-Z][a-z]+ \\d{1,2}, \\d{4}, \\d{1,2}:\\d{2}.* UTC\\..*"), mail[0]);
        assertTrue(mail[1].contains("id=\"mx-invitation-link\""), mail[1]);
        String link = InvitationSupport.link(email, 1);

        ChromeDriver browser = browsers.driver();
        InvitationPage page = new InvitationPage(browser).open(link);
        assertEquals("Acme MRO " + account, page.account());
        assertEquals("Ada Admin", page.inviter());
        assertEquals(role + " (Planner)", page.role());
        assertTrue(page.expiry().endsWith("UTC"));
        assertTrue(page.hasFooter(), "maintenance theme");
        Browser.screenshot(browser, "invitation-page");

        // The realm's policy applies: too short is refused, and nothing is accepted yet.
        page.setPassword("Short-1");
        String error = page.passwordError();
        assertTrue(error.contains("12"), error);
        assertEquals("pending", it.invitation(userId).get("status").asText());

        page.setPassword(InvitationSupport.GOOD_PASSWORD);
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().contains("/login-actions/"));

        JsonNode accepted = it.invitation(userId);
        assertEquals("accepted", accepted.get("status").asText());
        assertTrue(accepted.get("acceptedAt").isTextual());
        assertEquals(1, realm.adminGet("/users/" + userId + "/sessions").size(), "a logged-in session");
        JsonNode user = realm.adminGet("/users/" + userId);
        assertTrue(user.get("emailVerified").asBoolean());
        assertFalse(user.get("requiredActions").toString().contains("mx-accept-invitation"));
        String orgId = realm.adminGet("/organizations?search=" + account).get(0).get("id").asText();
        assertEquals(1, realm.adminGet("/organizations/" + orgId + "/members?search=" + user.get("username").asText()).size(),
                "member of the account");
        assertEquals(200, Http.postForm(realm.url("/protocol/openid-connect/token"), Map.of("grant_type", "password",
                "client_id", Realm.TEST_CLIENT, "client_secret", Realm.TEST_CLIENT_SECRET, "username", email,
                "password", InvitationSupport.GOOD_PASSWORD)).status(), "the new password works");

        JsonNode events = realm.adminGet("/events?type=CUSTOM_REQUIRED_ACTION&user=" + userId);
        assertEquals(1, events.size(), events::toString);
        assertEquals("accepted", events.get(0).get("details").get("mx_invitation").asText());
        assertEquals("mx-accept-invitation", events.get(0).get("details").get("custom_required_action").asText());
        assertEquals(orgId, events.get(0).get("details").get("account").asText());

        // The same link again, in a fresh browser: the clear page, nothing else.
        browser.manage().deleteAllCookies();
        browser.get(link);
        String unusable = page.unusable();
        assertTrue(unusable.contains("ask your administrator"), unusable);
        assertFalse(browser.getPageSource().contains(email), "names nobody");
    }

    @Test
    void aHostileFirstNameIsTextInTheMailAndOnThePage() throws Exception {
        Realm realm = it.realm;
        String hostile = "<img src=x onerror=alert(1)>";
        String username = InvitationSupport.unique("inv-xss");
        // The user profile refuses such a name through the admin API; imported data can carry it.
        Http.Response imported = Http.postJson(realm.adminUrl("/partialImport"), realm.adminToken(), Map.of(
                "ifResourceExists", "FAIL",
                "users", List.of(Map.of("username", username, "email", username + "@mro.example",
                        "firstName", hostile, "lastName", "O'Brien & <b>Co</b>", "enabled", true))));
        assertEquals(200, imported.status(), imported::toString);
        String userId = realm.adminGet("/users?exact=true&username=" + username).get(0).get("id").asText();

        assertEquals(201, it.invite(userId, null, null).status());
        String[] mail = InvitationSupport.mail(username + "@mro.example", 1);
        assertTrue(mail[0].contains("Hello " + hostile + " O'Brien & <b>Co</b>,"), "plain text keeps it as text: " + mail[0]);
        assertFalse(mail[1].contains("<img"), mail[1]);
        assertFalse(mail[1].contains("<b>Co"), mail[1]);
        assertTrue(mail[1].contains("&lt;img src=x onerror=alert(1)&gt;"), mail[1]);

        ChromeDriver browser = browsers.driver();
        browser.get(InvitationSupport.link(username + "@mro.example", 1));
        InvitationPage page = new InvitationPage(browser);
        String greeting = page.greeting();
        assertEquals("Welcome, " + hostile + " O'Brien & <b>Co</b>.", greeting);
        assertTrue(page.elements("#mx-invitation img, #mx-invitation b").isEmpty());
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
    }

    @Test
    void beforeAcceptanceNobodyLogsInEvenWithAPasswordAnAdministratorSet() throws Exception {
        Realm realm = it.realm;
        // Invited before getting in (a person who has a password is never invited: InvitationTakeoverIT);
        // then a realm operator sets a password in the admin console.
        String userId = it.invitee("inv-pw", Map.of());
        assertEquals(201, it.invite(userId, null, null).status());
        String username = realm.username(userId);
        Http.Response reset = Http.send("PUT", realm.adminUrl("/users/" + userId + "/reset-password"), realm.adminToken(),
                "application/json", "{\"type\":\"password\",\"value\":\"" + Realm.TEST_PASSWORD + "\",\"temporary\":false}");
        assertEquals(204, reset.status(), reset::toString);

        Http.Response grant = Http.postForm(realm.url("/protocol/openid-connect/token"), Map.of(
                "grant_type", "password", "client_id", Realm.TEST_CLIENT, "client_secret", Realm.TEST_CLIENT_SECRET,
                "username", username, "password", Realm.TEST_PASSWORD));
        assertEquals(400, grant.status(), grant::toString);

        ChromeDriver browser = browsers.driver();
        browser.get(realm.url("/account"));
        new LoginPage(browser).signIn(username, Realm.TEST_PASSWORD);
        InvitationPage invitation = new InvitationPage(browser);
        String page = invitation.unusable();
        assertTrue(page.contains("ask your administrator"), page);
        assertFalse(invitation.offersPassword(), "no way to set a password here");
        assertEquals(0, realm.adminGet("/users/" + userId + "/sessions").size());
        assertEquals("pending", it.invitation(userId).get("status").asText());
    }
}
