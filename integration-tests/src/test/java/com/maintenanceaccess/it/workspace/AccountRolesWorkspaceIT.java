package com.maintenanceaccess.it.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.support.BrowserExtension;
import com.maintenanceaccess.it.authorization.Authz;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Realm;
import com.maintenanceaccess.it.workspace.pages.AccessReviewPage;
import com.maintenanceaccess.it.workspace.pages.AccountSettingsPage;
import com.maintenanceaccess.it.workspace.pages.AuthorizationsPage;
import com.maintenanceaccess.it.workspace.pages.CompliancePage;
import com.maintenanceaccess.it.workspace.pages.InvitationsPage;
import com.maintenanceaccess.it.workspace.pages.MyAuthorizationsPage;
import com.maintenanceaccess.it.workspace.pages.PeoplePage;
import com.maintenanceaccess.it.workspace.pages.PersonPage;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The workspace signed in with ACCOUNT roles (group membership, no realm-management role, as the
 * demo's account administrator, compliance officer and auditor): a person's roles and membership,
 * every page as each role, and an administrator of account A seeing nothing of account B on any
 * page. (A failed send and its retry: {@link FailedSendPageIT}, which takes the mail server away.)
 */
class AccountRolesWorkspaceIT {

    @RegisterExtension
    final BrowserExtension browsers = new BrowserExtension();

    private final Realm realm = Realm.maintenance();
    private String accountA;
    private String aliasA;

    @BeforeEach
    void setUp() {
        accountA = realm.createAccount("ws-roles-a", true, Map.of());
        aliasA = alias(accountA);
    }

    @Test
    void anAccountAdministratorChangesAPersonsRolesAndRemovesThemFromTheAccount() {
        String admin = accountPerson(accountA, "ws-admin", "account-administrator");
        String member = accountPerson(accountA, "ws-member");

        PersonPage page = new PersonPage(browsers.driver(), realm).openIn(aliasA, member, realm.username(admin), Realm.TEST_PASSWORD);
        assertTrue(page.member());
        assertFalse(page.templateChecked("planner"));
        page.toggleTemplate("planner").saveTemplates();
        page.awaitDone("role templates were saved");
        assertEquals(List.of("planner"), texts(person(admin, member).json().get("templates")));

        assertFalse(page.accountRoleChecked("auditor"));
        page.toggleAccountRole("auditor").saveAccountRoles();
        page.awaitDone("account roles were saved");
        assertEquals(List.of("auditor"), texts(person(admin, member).json().get("accountRoles")));
        page.screenshotForDocs("person-membership");

        page.removeFromAccount();
        assertEquals(404, person(admin, member).status(), "no longer a member of the account");
        assertEquals(0, realm.adminGet("/organizations/" + accountA + "/members?search=" + realm.username(member)).size());
        String auditors = realm.groupByPath("mx-accounts", aliasA, "auditor");
        assertEquals(0, realm.adminGet("/groups/" + auditors + "/members").size(), "the account role went with the membership");
        assertEquals(200, Http.get(realm.adminUrl("/users/" + member), realm.adminToken()).status(), "the user stays");
    }

    @Test
    void anAdministratorOfAccountASeesNothingOfAccountBOnAnyPage() {
        String accountB = realm.createAccount("ws-roles-b", true, Map.of());
        String aliasB = alias(accountB);
        String adminA = accountPerson(accountA, "ws-iso-admin-a", "account-administrator");
        String adminB = accountPerson(accountB, "ws-iso-admin-b", "account-administrator");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String mine = invite(adminA, aliasA, "ws-iso-" + run + "-a@mro.example");
        String theirs = invite(adminB, aliasB, "ws-iso-" + run + "-b@mro.example");
        String mineName = realm.username(mine);
        String theirsName = realm.username(theirs);
        ChromeDriver browser = browsers.driver();

        PeoplePage people = new PeoplePage(browser, realm).open(aliasA, realm.username(adminA), Realm.TEST_PASSWORD);
        assertEquals(List.of(aliasA), people.accountChoices(), "the switcher offers only the caller's account");
        people.search("ws-iso-" + run).awaitState(mineName, "Pending");
        assertFalse(people.lists(theirsName));
        people.reload(aliasB);
        assertTrue(people.refusal().contains("does not exist"), "account B by URL is unknown to A: " + people.refusal());
        assertFalse(people.lists(theirsName));

        PersonPage person = new PersonPage(browser, realm);
        person.go(PersonPage.path(theirs) + "?account=" + aliasA);
        assertFalse(person.member(), "B's person by URL is not a member of A");
        assertTrue(person.refusal().contains("does not exist"), person.refusal());
        person.go(PersonPage.path(theirs) + "?account=" + aliasB);
        assertFalse(person.member(), "nor readable through account B");

        InvitationsPage invitations = new InvitationsPage(browser, realm);
        invitations.go(InvitationsPage.PATH);
        invitations.filterByAddress("ws-iso-" + run);
        invitations.awaitListed(mineName);
        assertFalse(invitations.lists(theirsName));
        invitations.go(InvitationsPage.PATH + "?account=" + aliasB);
        assertTrue(invitations.refusal().contains("does not exist"), invitations.refusal());
        assertFalse(invitations.lists(theirsName));

        AuthorizationsPage authorizations = new AuthorizationsPage(browser, realm);
        authorizations.go(AuthorizationsPage.path(theirs));
        assertTrue(authorizations.refusal().contains("does not exist"), authorizations.refusal());

        // Disabled while holding a template: both are access-review findings of their own account.
        disable(mine);
        disable(theirs);
        AccessReviewPage review = new AccessReviewPage(browser, realm);
        review.go(AccessReviewPage.PATH);
        assertTrue(review.findingsOf(mineName).contains("disabled-with-roles"), "the report works for A");
        assertTrue(review.findingsOf(theirsName).isEmpty(), "and shows nobody of B");
        review.go(AccessReviewPage.PATH + "?account=" + aliasB);
        assertTrue(review.refusal().contains("does not exist"), review.refusal());

        AccountSettingsPage settings = new AccountSettingsPage(browser, realm);
        settings.go(AccountSettingsPage.PATH + "?account=" + aliasB);
        assertTrue(settings.refusal().contains("does not exist"), settings.refusal());
        assertFalse(settings.showsSettings(), "no settings of B");
    }

    @Test
    void theComplianceOfficerGrantsTheAuditorReadsButCannotGrantAndThePersonReadsTheirOwnAsText() {
        String officer = accountPerson(accountA, "ws-officer", "compliance-officer");
        String auditor = accountPerson(accountA, "ws-auditor", "auditor");
        String worker = accountPerson(accountA, "ws-worker");
        String reference = "UK.145.WSR-" + worker.substring(0, 6).toUpperCase();

        ChromeDriver officerBrowser = browsers.driver("officer");
        AuthorizationsPage officerPage = new AuthorizationsPage(officerBrowser, realm).open(worker, realm.username(officer),
                Realm.TEST_PASSWORD);
        officerPage.fill(AuthorizationsPageIT.crs(reference, "B1.1", LocalDate.now(ZoneOffset.UTC).plusDays(10)));
        officerPage.grant();
        // Certifying staff waits for a second person (issue 23): a realm operator approves it.
        officerPage.awaitDone("second compliance officer");
        new Authz(realm).approveWaiting(accountA, worker);
        officerPage = new AuthorizationsPage(officerBrowser, realm).open(worker, realm.username(officer), Realm.TEST_PASSWORD);
        officerPage.awaitState(reference, "Valid");
        // A typo is corrected, not granted twice: the same record with the new reference, one record.
        String typo = reference;
        reference = reference + "C";
        officerPage.correct(typo, reference, "reference mistyped at entry");
        officerPage.awaitDone("is corrected");
        officerPage.awaitState(reference, "Valid");
        assertEquals(1, officerPage.count(), "corrected, not granted a second time");
        officerPage.screenshotForDocs("authorizations-correct");
        CompliancePage compliance = new CompliancePage(officerBrowser, realm);
        compliance.go(CompliancePage.PATH);
        compliance.awaitExpiring(reference);
        assertFalse(compliance.showsRefusalNow());
        // The roster on screen, beside its CSV: the person by name, not a username or id.
        assertEquals("Test ws-worker", compliance.awaitRosterPerson(reference));
        compliance.screenshotForDocs("compliance-roster");
        AccessReviewPage officerReview = new AccessReviewPage(officerBrowser, realm);
        officerReview.go(AccessReviewPage.PATH);
        assertTrue(officerReview.refusal().contains("account administrator or auditor"), officerReview.refusal());

        ChromeDriver auditorBrowser = browsers.driver("auditor");
        AuthorizationsPage auditorPage = new AuthorizationsPage(auditorBrowser, realm).open(worker, realm.username(auditor),
                Realm.TEST_PASSWORD);
        auditorPage.awaitState(reference, "Valid");
        auditorPage.fill(AuthorizationsPageIT.crs(reference + "-2", "B1.1", LocalDate.now(ZoneOffset.UTC).plusDays(40)));
        auditorPage.grant();
        assertTrue(auditorPage.refusal().contains("compliance officer"), auditorPage.refusal());
        assertEquals(1, Http.get(realm.url("/mx/users/" + worker + "/authorizations"), realm.userToken(officer)).json().size(),
                "the auditor granted nothing");
        AccessReviewPage auditorReview = new AccessReviewPage(auditorBrowser, realm);
        auditorReview.go(AccessReviewPage.PATH);
        assertTrue(auditorReview.administrators().matches(".*\\d+.*"), auditorReview.administrators());
        ChromeDriver workerBrowser = browsers.driver("worker");
        MyAuthorizationsPage own = new MyAuthorizationsPage(workerBrowser, realm).open(realm.username(worker), Realm.TEST_PASSWORD);
        assertEquals("Valid", own.state(reference));
        String summary = own.summary(reference);
        assertTrue(summary.startsWith("Certifying staff (CRS) " + reference + ", licence B1.1 (UK CAA UK.66.123456)"), summary);
        assertTrue(summary.contains("aircraft A320-family; tasks line, base; bases LHR"), summary);
        assertFalse(summary.contains("{"), "text, not JSON: " + summary);
        assertEquals("Usable at signoff", own.usable(reference));
        String accountName = realm.adminGet("/organizations/" + accountA).get("name").asText();
        assertEquals("Issued by " + accountName, own.issuedBy(reference), "grouped by the account that issued it");
        own.screenshotForDocs("my-authorizations");

        PeoplePage auditorPeople = new PeoplePage(auditorBrowser, realm).reload(aliasA);
        auditorPeople.search(realm.username(worker));
        auditorPeople.awaitListed(realm.username(worker));
        // The auditor reads the list; the invitation form, which the server would refuse, is not offered.
        auditorPeople.awaitReadOnly();
        Http.Response refused = Http.postJson(realm.url("/mx/accounts/" + aliasA + "/people"), realm.userToken(auditor),
                Map.of("firstName", "Not", "lastName", "Allowed", "email", "ws-not-allowed-" + worker.substring(0, 6) + "@mro.example",
                        "templates", List.of("planner")));
        assertEquals(403, refused.status(), refused::toString);
        // The key the console shows in the person's words ("…you need to be its account administrator").
        assertTrue(refused.body().contains("\"key\":\"mxError.forbiddenManagePeople\""), refused::toString);
    }

    // ------------------------------------------------------------------------------------

    /** A member with account roles only: no realm-management role (checked), as the demo's people. */
    private String accountPerson(String account, String prefix, String... roles) {
        String id = realm.accountPerson(account, prefix, roles);
        assertTrue(realm.adminGet("/users/" + id + "/role-mappings").path("clientMappings").path("realm-management").isMissingNode(),
                "no realm-management role");
        return id;
    }

    private String alias(String accountId) {
        return realm.adminGet("/organizations/" + accountId).get("alias").asText();
    }

    private Http.Response person(String caller, String userId) {
        return Http.get(realm.url("/mx/accounts/" + accountA + "/people/" + userId), realm.userToken(caller));
    }

    /** Creates and invites a person with the planner template, as that account's administrator; returns the id. */
    private String invite(String admin, String alias, String email) {
        Http.Response created = Http.postJson(realm.url("/mx/accounts/" + alias + "/people"), realm.userToken(admin),
                Map.of("firstName", "Iso", "lastName", "Lated", "email", email, "templates", List.of("planner")));
        assertEquals(201, created.status(), created::toString);
        return created.json().get("id").asText();
    }

    private void disable(String userId) {
        com.fasterxml.jackson.databind.node.ObjectNode user = (com.fasterxml.jackson.databind.node.ObjectNode) realm.adminGet("/users/" + userId);
        user.put("enabled", false);
        user.remove("access");
        Http.Response response = Http.putJson(realm.adminUrl("/users/" + userId), realm.adminToken(), user);
        assertEquals(204, response.status(), response::toString);
    }

    private static List<String> texts(JsonNode values) {
        List<String> list = new ArrayList<>();
        values.forEach(value -> list.add(value.asText()));
        return list;
    }
}
