package com.maintenanceaccess.it.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.authorization.Authz;
import com.maintenanceaccess.it.support.BrowserExtension;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Realm;
import com.maintenanceaccess.it.workspace.pages.ApprovalsPage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Workspace → Approvals (issue 23, four eyes), with account roles only: the compliance officer who
 * asked for a certifying-staff authorization sees it waiting and is told that another person
 * decides it; a second officer reads who asked, what, for whom and when, and approves it in the
 * browser, after which the technician holds the record and the token carries it. An account
 * administrator who reads German rejects another administrator's request to make a member
 * compliance officer, which then is not given. No ids or API paths on the page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApprovalsPageIT {

    @RegisterExtension
    final BrowserExtension browser = new BrowserExtension();

    private final Realm realm = Realm.maintenance();
    private final Authz authz = new Authz(realm);
    private String account;
    private String alias;

    @BeforeAll
    void account() {
        account = realm.createAccount("ws-approvals", true, Map.of());
        alias = realm.adminGet("/organizations/" + account).get("alias").asText();
    }

    @Test
    void aSecondOfficerApprovesCertifyingStaffInTheBrowser() {
        String requester = person("ws-appr-officer-1", "Olga", "Officer", Map.of(), "compliance-officer");
        String second = person("ws-appr-officer-2", "Oskar", "Second", Map.of(), "compliance-officer");
        String technician = person("ws-appr-tech", "Tess", "Technician", Map.of());
        Http.Response asked = Http.postJson(realm.url("/mx/users/" + technician + "/authorizations"), realm.userToken(requester), Authz.crs("CRS-WS-APPR"));
        assertEquals(202, asked.status(), asked::toString);
        String id = asked.json().get("approval").get("id").asText();

        ApprovalsPage own = new ApprovalsPage(browser.driver(), realm).open(alias, realm.username(requester), Realm.TEST_PASSWORD);
        own.awaitListed(id);
        String sentence = own.sentence(id);
        assertTrue(sentence.contains("Olga Officer") && sentence.contains("Tess Technician")
                && sentence.contains("Certifying staff (CRS) CRS-WS-APPR") && sentence.contains("A320-family"), sentence);
        assertFalse(own.offersApprove(id), "the requester is not offered to approve her own request");
        assertTrue(own.notYours(id).contains("You asked for this"), own.notYours(id));
        assertTrue(own.status(id).contains("Can be approved until"), own.status(id));
        assertNoIds(own.text(), id, technician, requester);

        ApprovalsPage page = new ApprovalsPage(browser.driver("second"), realm).open(alias, realm.username(second), Realm.TEST_PASSWORD);
        page.awaitListed(id);
        assertEquals("", page.notYours(id));
        page.approve(id, "licence and training records seen");
        assertTrue(page.awaitDone("Tess Technician").contains("now holds"), page.done());
        page.awaitNotListed(id);
        page.show("approved").awaitListed(id);
        assertTrue(page.status(id).contains("Approved by Oskar Second"), page.status(id));
        assertTrue(page.status(id).contains("licence and training records seen"), page.status(id));
        page.screenshotForDocs("approvals");

        JsonNode records = authz.list(realm.userToken(second), technician);
        assertEquals(1, records.size(), records::toString);
        assertEquals("CRS-WS-APPR", authz.mxAuth(technician).get(0).get("ref").asText());
    }

    @Test
    void anAdministratorRejectsACompliancOfficerRoleInGerman() {
        String requester = person("ws-appr-admin-1", "Ada", "Admin", Map.of(), "account-administrator");
        String second = person("ws-appr-admin-2", "Anke", "Zweite", Map.of("locale", List.of("de")), "account-administrator");
        String member = person("ws-appr-member", "Max", "Mitglied", Map.of());
        Http.Response put = Http.putJson(realm.url("/mx/accounts/" + account + "/people/" + member + "/account-roles"),
                realm.userToken(requester), Map.of("roles", List.of("compliance-officer")));
        assertEquals(200, put.status(), put::toString);
        String id = put.json().get("pendingApprovals").get(0).get("id").asText();

        ApprovalsPage page = new ApprovalsPage(browser.driver(), realm).open(alias, realm.username(second), Realm.TEST_PASSWORD);
        page.awaitListed(id);
        String sentence = page.sentence(id);
        assertTrue(sentence.contains("Ada Admin hat am") && sentence.contains("Max Mitglied")
                && sentence.contains("die Kontorolle Compliance-Beauftragte(r)"), sentence);
        assertTrue(page.status(id).contains("Kann bis"), page.status(id));
        assertNoIds(page.text(), id, member, requester);
        page.reject(id, "nicht nötig");
        assertTrue(page.awaitDone("Max Mitglied").contains("abgelehnt"), page.done());
        page.awaitNotListed(id);

        Http.Response person = Http.get(realm.url("/mx/accounts/" + account + "/people/" + member), realm.userToken(second));
        assertEquals(List.of(), Http.JSON.convertValue(person.json().get("accountRoles"), List.class), person::toString);
    }

    private String person(String prefix, String first, String last, Map<String, Object> attributes, String... roles) {
        String id = realm.createUser(prefix, Map.of("firstName", first, "lastName", last, "attributes", attributes));
        realm.addMember(account, id);
        for (String role : roles) {
            realm.grantAccountRole(account, id, role);
        }
        return id;
    }

    private static void assertNoIds(String text, String... ids) {
        for (String id : ids) {
            assertFalse(text.contains(id), "no id on the page: " + id + " in " + text);
        }
        assertFalse(text.contains("/mx/"), "no API path on the page: " + text);
    }
}
