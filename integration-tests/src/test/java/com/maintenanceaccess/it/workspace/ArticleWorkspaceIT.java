package com.maintenanceaccess.it.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.invitation.InvitationSupport;
import com.maintenanceaccess.it.support.BrowserExtension;
import com.maintenanceaccess.it.authorization.Authz;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Realm;
import com.maintenanceaccess.it.workspace.pages.AuthorizationsPage;
import com.maintenanceaccess.it.workspace.pages.PeoplePage;
import com.maintenanceaccess.it.workspace.pages.PersonPage;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The product article (create, invite, check, explain, deactivate; grant and suspend an
 * authorization) done in the account console by the account's own people, who hold account
 * roles and no realm-management role, as the demo's ada.admin and cora.compliance do. The other
 * workspace tests prove each page; this one proves the whole job needs no REST call and no
 * operator.
 */
class ArticleWorkspaceIT {

    @RegisterExtension
    final BrowserExtension browser = new BrowserExtension();

    private final Realm realm = Realm.maintenance();

    @Test
    void theAccountAdministratorDoesTheArticleAndTheComplianceOfficerGrantsAndSuspends() throws Exception {
        String account = realm.createAccount("ws-article", true, Map.of());
        String alias = realm.adminGet("/organizations/" + account).get("alias").asText();
        String admin = accountPerson(account, "ws-article-admin", "account-administrator");
        String officer = accountPerson(account, "ws-article-officer", "compliance-officer");

        // Create and invite: the form makes the person with a role template in this account.
        String email = "ws-article-" + UUID.randomUUID().toString().substring(0, 8) + "@mro.example";
        PeoplePage people = new PeoplePage(browser.driver(), realm).open(alias, realm.username(admin), Realm.TEST_PASSWORD);
        people.invite("Tia", "Technician", email, List.of("technician"));
        people.awaitDone(email);
        people.search(email).awaitState(email, "Pending");

        InvitationSupport.accept(InvitationSupport.link(email, 1), InvitationSupport.GOOD_PASSWORD);
        people.reload(alias).search(email).awaitState(email, "Accepted");
        String person = realm.adminGet("/users?exact=true&email=" + email).get(0).get("id").asText();

        // Check: the membership, the template and the setup review after accepting.
        PersonPage page = new PersonPage(browser.driver(), realm).openIn(alias, person, realm.username(admin), Realm.TEST_PASSWORD);
        assertTrue(page.member(), "the invited person is a member of the account");
        assertTrue(page.templateChecked("technician"), "the template chosen in the invitation");
        page = new PersonPage(browser.driver(), realm).open(person, realm.username(admin), Realm.TEST_PASSWORD);
        assertEquals("Accepted", page.invitationState());
        assertTrue(page.setupReview().get("invitation-accepted"), page.setupReview()::toString);

        // Explain: a technician without a certifying-staff authorization cannot open the release page.
        Map<String, Boolean> checks = page.explain(PersonPageIT.RELEASE);
        assertEquals(PersonPageIT.CHECKS, List.copyOf(checks.keySet()));
        assertFalse(page.explainAllowed());
        assertTrue(checks.get("invitation-accepted"));
        assertTrue(checks.get("user-enabled"));
        assertTrue(checks.get("account-member"));
        assertTrue(checks.get("role-assigned"));
        assertFalse(checks.get("personnel-authorization"));

        // The compliance officer grants a certifying-staff record in the form, then suspends it.
        String reference = "UK.145.ART-" + person.substring(0, 6).toUpperCase();
        browser.restart();
        AuthorizationsPage records = new AuthorizationsPage(browser.driver(), realm).open(person, realm.username(officer),
                Realm.TEST_PASSWORD);
        records.fill(AuthorizationsPageIT.crs(reference, "B1.1", LocalDate.now(ZoneOffset.UTC).plusDays(60)));
        records.grant();
        // Certifying staff waits for a second person (issue 23): a realm operator approves it.
        records.awaitDone("second compliance officer");
        new Authz(realm).approveWaiting(account, person);
        records = new AuthorizationsPage(browser.driver(), realm).open(person, realm.username(officer), Realm.TEST_PASSWORD);
        records.awaitState(reference, "Valid");
        records.change(reference, "suspend", "audit finding ART-1");
        records.awaitState(reference, "Suspended");
        JsonNode stored = Http.get(realm.url("/mx/users/" + person + "/authorizations"), realm.userToken(officer)).json();
        assertEquals(1, stored.size(), stored::toString);
        assertEquals("suspended", stored.get(0).path("status").asText(), stored::toString);

        // Deactivate with a reason, as the account administrator: the person's sessions end.
        String refreshToken = realm.passwordGrant(realm.username(person), InvitationSupport.GOOD_PASSWORD)
                .get("refresh_token").asText();
        browser.restart();
        page = new PersonPage(browser.driver(), realm).open(person, realm.username(admin), Realm.TEST_PASSWORD);
        page.deactivate("left the company");
        page.awaitDone("Deactivated:");
        assertFalse(realm.adminGet("/users/" + person).get("enabled").asBoolean());
        assertEquals(400, Http.postForm(realm.url("/protocol/openid-connect/token"), Map.of(
                "grant_type", "refresh_token", "client_id", Realm.TEST_CLIENT, "client_secret", Realm.TEST_CLIENT_SECRET,
                "refresh_token", refreshToken)).status(), "the person's session has ended");
    }

    /** A member with account roles only: no realm-management role (checked), as the demo's people. */
    private String accountPerson(String account, String prefix, String role) {
        String id = realm.accountPerson(account, prefix, role);
        assertTrue(realm.adminGet("/users/" + id + "/role-mappings").path("clientMappings").path("realm-management").isMissingNode(),
                "no realm-management role");
        return id;
    }
}
