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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * "Continue with an identity provider whose verified e-mail matches", in a real browser against a
 * second realm of the test server acting as the partner's OpenID Connect provider.
 */
// Alone, no other test class beside it: it lands in the app at the app client's root URL, which
// WorkspaceWalkIT points at its own app while it runs.
@Isolated
class InvitationIdentityProviderIT {

    private static final String APP_URL = "http://localhost:3000/";
    private static PartnerIdentityProvider partner;

    @RegisterExtension
    final BrowserExtension browsers = new BrowserExtension();

    private final InvitationSupport it = new InvitationSupport();
    private final Realm realm = it.realm;

    @BeforeAll
    static void addPartner() {
        partner = new PartnerIdentityProvider(Realm.maintenance(), "Partner SSO");
    }

    @AfterAll
    static void removePartner() {
        if (partner != null) {
            partner.close();
        }
    }

    @Test
    void anInviteeContinuesWithAProviderThatVouchesForTheAddressAndLandsInTheApp() throws Exception {
        String account = it.account("Partner MRO");
        String userId = it.invitee("inv-idp", Map.of("firstName", "Robin", "lastName", "Jones"));
        String email = it.email(userId);
        String partnerUser = partner.user(email, true);
        assertEquals(201, it.invite(userId, 5, account).status());
        String link = InvitationSupport.link(email, 1);

        ChromeDriver browser = browsers.driver();
        InvitationPage invitationPage = new InvitationPage(browser).open(link);
        WebElement button = invitationPage.provider(partner.alias);
        assertEquals("Continue with Partner SSO", button.getText());
        Browser.screenshot(browser, "invitation-page-with-identity-provider");
        button.click();
        signInAtPartner(browser, partnerUser);
        String landed = awaitLeavingKeycloak(browser);
        assertTrue(landed.startsWith(APP_URL) && landed.contains("code="), "lands in the app with a code: " + landed);

        JsonNode invitation = it.invitation(userId);
        assertEquals("accepted", invitation.get("status").asText());
        assertTrue(invitation.get("history").toString().contains("accepted by=invitee"), invitation::toString);
        assertEquals(1, realm.adminGet("/users/" + userId + "/sessions").size(), "logged in as the invited user");
        JsonNode user = realm.adminGet("/users/" + userId);
        assertTrue(user.get("emailVerified").asBoolean());
        assertFalse(user.get("requiredActions").toString().contains("mx-accept-invitation"));
        JsonNode links = realm.adminGet("/users/" + userId + "/federated-identity");
        assertEquals(1, links.size(), links::toString);
        assertEquals(partner.alias, links.get(0).get("identityProvider").asText());
        assertEquals(partnerUser, links.get(0).get("userName").asText());
        assertEquals(1, usersWithEmail(email), "no second user");
        assertEquals(0, realm.adminGet("/users?exact=true&username=" + partnerUser).size(), "no user created");
        String orgId = realm.adminGet("/organizations?search=" + account).get(0).get("id").asText();
        assertEquals(1, realm.adminGet("/organizations/" + orgId + "/members?search=" + user.get("username").asText())
                .size(), "member of the account");

        JsonNode events = realm.adminGet("/events?type=CUSTOM_REQUIRED_ACTION&user=" + userId);
        assertEquals(1, events.size(), events::toString);
        JsonNode details = events.get(0).get("details");
        assertEquals("accepted", details.get("mx_invitation").asText());
        assertEquals("identity-provider", details.get("method").asText());
        assertEquals(partner.alias, details.get("identity_provider").asText());
        assertEquals("mx-accept-invitation", details.get("custom_required_action").asText());
        assertEquals(orgId, details.get("account").asText());

        // The same link again, in a fresh browser: the clear page.
        browser.manage().deleteAllCookies();
        browser.get(link);
        String page = invitationPage.unusable();
        assertTrue(page.contains("ask your administrator"), page);

        // From now on the partner account is a way in: the login page's button signs them in directly.
        ChromeDriver fresh = browsers.restart();
        fresh.get(realm.url("/account"));
        new LoginPage(fresh).continueWith(partner.alias);
        signInAtPartner(fresh, partnerUser);
        new WebDriverWait(fresh, Duration.ofSeconds(30)).until(d -> realm.adminGet("/users/" + userId + "/sessions").size() == 2);
    }

    @Test
    void aProviderAccountWithAnotherAddressIsRefusedAndNothingChanges() throws Exception {
        String userId = it.invitee("inv-idp-other", Map.of());
        String email = it.email(userId);
        String partnerEmail = "other-" + UUID.randomUUID().toString().substring(0, 8) + "@partner.example";
        String partnerUser = partner.user(partnerEmail, true);
        assertEquals(201, it.invite(userId, null, null).status());
        String link = InvitationSupport.link(email, 1);

        continueWithPartner(link, partnerUser);
        assertRefusedAndUnchanged(userId, email, partnerUser, partnerEmail, "email-mismatch");

        // The invitation is untouched: its link still takes a password.
        assertEquals(302, InvitationSupport.accept(link, InvitationSupport.GOOD_PASSWORD).statusCode());
        assertEquals("accepted", it.invitation(userId).get("status").asText());
    }

    @Test
    void aProviderThatDoesNotConfirmTheAddressIsRefusedAndNothingChanges() throws Exception {
        String userId = it.invitee("inv-idp-unverified", Map.of());
        String email = it.email(userId);
        // Same address, but the partner never verified it: its ID token says email_verified=false.
        String partnerUser = partner.user(email, false);
        assertEquals(201, it.invite(userId, null, null).status());

        continueWithPartner(InvitationSupport.link(email, 1), partnerUser);
        assertRefusedAndUnchanged(userId, email, partnerUser, null, "email-unverified");
    }

    @Test
    void aPendingInviteeCannotUseTheLoginPagesProviderButtonInsteadOfTheLink() throws Exception {
        String userId = it.invitee("inv-idp-bypass", Map.of());
        String email = it.email(userId);
        String partnerUser = partner.user(email, true);
        assertEquals(201, it.invite(userId, null, null).status());

        ChromeDriver browser = browsers.driver();
        browser.get(realm.url("/account"));
        new LoginPage(browser).continueWith(partner.alias);
        signInAtPartner(browser, partnerUser);
        String page = new InvitationPage(browser).unusable();
        assertTrue(page.contains("ask your administrator"), page);
        assertEquals("pending", it.invitation(userId).get("status").asText());
        assertEquals(0, realm.adminGet("/users/" + userId + "/federated-identity").size(), "no link");
        assertEquals(0, realm.adminGet("/users/" + userId + "/sessions").size());
        assertEquals(1, usersWithEmail(email), "no second user");
    }

    @Test
    void anyoneElseLogsInWithTheProviderAsWithKeycloaksDefaultFirstBrokerLogin() {
        String partnerEmail = "newcomer-" + UUID.randomUUID().toString().substring(0, 8) + "@partner.example";
        String partnerUser = partner.user(partnerEmail, true);

        ChromeDriver browser = browsers.driver();
        browser.get(realm.url("/account"));
        new LoginPage(browser).continueWith(partner.alias);
        signInAtPartner(browser, partnerUser);
        // Keycloak's default steps: a new user from the provider's profile (it has every required field).
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> usersWithEmail(partnerEmail) == 1);
        JsonNode user = realm.adminGet("/users?exact=true&email=" + encode(partnerEmail)).get(0);
        JsonNode links = realm.adminGet("/users/" + user.get("id").asText() + "/federated-identity");
        assertEquals(partner.alias, links.get(0).get("identityProvider").asText());
    }

    @Test
    void markupInANameOrAProviderNameIsText() throws Exception {
        String hostile = "<img src=x onerror=alert(1)>";
        String providerAlias = "hostile-" + UUID.randomUUID().toString().substring(0, 8);
        partner.register(providerAlias, hostile + " Partner & <b>Co</b>", PartnerIdentityProvider.FIRST_BROKER_LOGIN_FLOW);
        // Behind Keycloak's own first-broker-login flow a provider cannot accept invitations: not offered.
        String plainAlias = "plain-" + UUID.randomUUID().toString().substring(0, 8);
        partner.register(plainAlias, "Plain SSO", "first broker login");
        String username = InvitationSupport.unique("inv-idp-xss");
        // The user profile refuses such a name through the admin API; imported data can carry it.
        Http.Response imported = Http.postJson(realm.adminUrl("/partialImport"), realm.adminToken(), Map.of(
                "ifResourceExists", "FAIL",
                "users", List.of(Map.of("username", username, "email", username + "@mro.example",
                        "firstName", hostile, "lastName", "Jones", "enabled", true))));
        assertEquals(200, imported.status(), imported::toString);
        String userId = realm.adminGet("/users?exact=true&username=" + username).get(0).get("id").asText();
        assertEquals(201, it.invite(userId, null, null).status());

        ChromeDriver browser = browsers.driver();
        InvitationPage invitation = new InvitationPage(browser).open(InvitationSupport.link(username + "@mro.example", 1));
        assertEquals("Welcome, " + hostile + " Jones.", invitation.greeting());
        assertEquals("Continue with " + hostile + " Partner & <b>Co</b>", invitation.provider(providerAlias).getText());
        assertEquals("Continue with Partner SSO", invitation.provider(partner.alias).getText());
        assertFalse(invitation.offers(plainAlias), "not offered");
        assertTrue(invitation.elements("#mx-invitation img, #mx-invitation b, #mx-invitation-idps img, "
                + "#mx-invitation-idps b").isEmpty());
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
    }

    @Test
    void aForgedProviderChoiceIsRefusedOnThePageAndChangesNothing() throws Exception {
        String userId = it.invitee("inv-idp-forged", Map.of());
        String email = it.email(userId);
        assertEquals(201, it.invite(userId, null, null).status());

        ChromeDriver browser = browsers.driver();
        InvitationPage invitation = new InvitationPage(browser).open(InvitationSupport.link(email, 1));
        // A provider the page does not offer (none of that alias): the page again, with an error.
        browser.executeScript("document.getElementById(arguments[0]).value = 'no-such-provider'",
                InvitationPage.providerId(partner.alias));
        invitation.provider(partner.alias).click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> d.getPageSource().contains("This sign-in option is not available"));
        assertEquals(1, invitation.shown(), "still the invitation page");
        assertEquals("pending", it.invitation(userId).get("status").asText());
        assertEquals(0, realm.adminGet("/users/" + userId + "/sessions").size());
    }

    @Test
    void theBundledFlowKeepsKeycloaksDefaultStepsForEveryoneElse() {
        List<String> defaults = steps("first broker login");
        assertTrue(defaults.size() > 5, defaults::toString);
        assertEquals(defaults, steps("mx default first broker login"));
        JsonNode top = realm.adminGet("/authentication/flows/" + encodePath(PartnerIdentityProvider.FIRST_BROKER_LOGIN_FLOW)
                + "/executions");
        assertEquals("mx-invitation-idp-link", top.get(0).get("providerId").asText());
        assertEquals("ALTERNATIVE", top.get(0).get("requirement").asText());
        assertEquals("mx default first broker login", top.get(1).get("displayName").asText());
        assertEquals("ALTERNATIVE", top.get(1).get("requirement").asText());
        assertEquals(PartnerIdentityProvider.FIRST_BROKER_LOGIN_FLOW,
                realm.adminGet("").get("firstBrokerLoginFlow").asText(), "the realm's default for new providers");
    }

    /** A flow's steps as "level requirement authenticator-or-flow {config}", sub-flows by position only. */
    private List<String> steps(String flowAlias) {
        List<String> steps = new java.util.ArrayList<>();
        for (JsonNode step : realm.adminGet("/authentication/flows/" + encodePath(flowAlias) + "/executions")) {
            String config = step.has("authenticationConfig")
                    ? realm.adminGet("/authentication/config/" + step.get("authenticationConfig").asText()).get("config").toString()
                    : "";
            steps.add(step.get("level").asInt() + " " + step.get("requirement").asText() + " "
                    + (step.path("authenticationFlow").asBoolean() ? "sub-flow" : step.get("providerId").asText()) + " " + config);
        }
        return steps;
    }

    private void continueWithPartner(String link, String partnerUser) {
        new InvitationPage(browsers.driver()).open(link).provider(partner.alias).click();
        signInAtPartner(browsers.driver(), partnerUser);
    }

    /** Signs in on the partner's login page, once the browser is there (the maintenance page has a username field too). */
    private void signInAtPartner(ChromeDriver browser, String partnerUser) {
        String partnerPages = "/realms/" + partner.realmName + "/";
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains(partnerPages));
        new LoginPage(browser).signIn(partnerUser, PartnerIdentityProvider.PARTNER_PASSWORD);
    }

    private void assertRefusedAndUnchanged(String userId, String email, String partnerUser, String partnerEmail,
            String reason) {
        ChromeDriver browser = browsers.driver();
        String page = new InvitationPage(browser).unusable();
        assertTrue(page.contains("ask your administrator"), page);
        assertTrue(page.contains("did not confirm the e-mail address"), page);
        String source = browser.getPageSource();
        assertFalse(source.contains(email), "names nobody");
        if (partnerEmail != null) {
            assertFalse(source.contains(partnerEmail), "names nobody");
        }
        assertEquals("pending", it.invitation(userId).get("status").asText());
        assertEquals(0, realm.adminGet("/users/" + userId + "/federated-identity").size(), "no link");
        assertEquals(0, realm.adminGet("/users/" + userId + "/sessions").size(), "nobody logged in");
        assertEquals(0, realm.adminGet("/users?exact=true&username=" + partnerUser).size(), "no user created");
        if (partnerEmail != null) {
            assertEquals(0, usersWithEmail(partnerEmail), "no user created");
        }
        assertEquals(1, usersWithEmail(email));
        assertTrue(realm.adminGet("/users/" + userId).get("requiredActions").toString().contains("mx-accept-invitation"));
        JsonNode refused = realm.adminGet("/events?type=CUSTOM_REQUIRED_ACTION_ERROR&user=" + userId);
        assertEquals(1, refused.size(), refused::toString);
        assertEquals("mx_invitation_idp_refused", refused.get(0).get("error").asText());
        assertEquals(reason, refused.get(0).get("details").get("reason").asText());
        assertEquals(0, realm.adminGet("/events?type=CUSTOM_REQUIRED_ACTION&user=" + userId).size(), "nothing accepted");
    }

    /** Waits until the browser left the server (the app at localhost:3000 is not running) and returns that URL. */
    private String awaitLeavingKeycloak(ChromeDriver browser) {
        String base = realm.server().baseUrl();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().startsWith(base));
        return browser.getCurrentUrl();
    }

    private int usersWithEmail(String email) {
        return realm.adminGet("/users?exact=true&email=" + encode(email)).size();
    }

    private static String encodePath(String value) {
        return encode(value).replace("+", "%20");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
