package com.maintenanceaccess.it.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Mail;
import com.maintenanceaccess.it.support.Realm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The account people API as the account console uses it, with an account administrator who
 * holds no realm-management role: create-and-invite, list and search, templates, account roles,
 * removal, grantable templates, GET /mx/me; and separation of duties on each write.
 */
class AccountPeopleIT {

    private final Realm realm = Realm.maintenance();
    private String account;
    private String admin;
    private String adminToken;

    @BeforeEach
    void anAccountWithAnAdministrator() {
        account = realm.createAccount("people", true, Map.of());
        admin = realm.accountPerson(account, "people-admin", "account-administrator");
        adminToken = realm.userToken(admin);
    }

    private String people(String path) {
        return realm.url("/mx/accounts/" + account + "/people" + path);
    }

    private Http.Response create(String email, List<String> templates) {
        return Http.postJson(people(""), adminToken, Map.of("firstName", "Nina", "lastName", "New", "email", email,
                "templates", templates, "expiresInDays", 5));
    }

    @Test
    void anAdministratorCreatesAndInvitesAPersonInOneCall() {
        String email = "nina-" + UUID.randomUUID().toString().substring(0, 8) + "@mro.example";
        Http.Response created = create(email, List.of("planner"));
        assertEquals(201, created.status(), created::toString);
        JsonNode person = created.json();
        assertEquals(email, person.get("email").asText());
        assertEquals(List.of("planner"), strings(person.get("templates")));
        assertEquals("pending", person.get("invitation").get("status").asText(), person::toString);
        assertFalse(person.get("deactivated").asBoolean());
        String id = person.get("id").asText();

        // user, roles, membership, invitation: all there
        assertTrue(realm.adminGet("/organizations/" + account + "/members").toString().contains(id));
        // The template is held in this account (its organization group), not as a realm role.
        assertFalse(realm.adminGet("/users/" + id + "/role-mappings/realm").toString().contains("\"planner\""));
        JsonNode groups = realm.adminGet("/organizations/" + account + "/groups?search=planner&exact=true&briefRepresentation=false");
        assertEquals("planner", groups.get(0).path("attributes").path("mx.template").path(0).asText(), groups::toString);
        assertTrue(realm.adminGet("/organizations/" + account + "/groups/" + groups.get(0).get("id").asText() + "/members")
                .toString().contains(id), "the console's Organizations → Groups → members shows the person");
        Mail.await(email, 1, Duration.ofSeconds(30));
        JsonNode events = realm.adminGet("/admin-events?resourcePath=accounts/" + account + "/people/" + id + "&max=5");
        assertEquals(1, events.size(), events::toString);
        assertEquals("CUSTOM", events.get(0).get("resourceType").asText());
        assertEquals("MX_ACCOUNT_PERSON", events.get(0).path("details").path("mx_kind").asText(), events.get(0)::toString);
        assertEquals(admin, events.get(0).get("authDetails").get("userId").asText());

        JsonNode read = Http.get(people("/" + id), adminToken).json();
        assertTrue(read.get("invitation").get("history").size() >= 1, read::toString);
    }

    /**
     * No dead ends (issue 24): a typo in the address is corrected with the username it became, and a
     * revoked invitation is sent again, both by the account's administrator through the invitation API.
     */
    @Test
    void aMistypedAddressIsCorrectedWithItsUsernameAndARevokedInvitationIsSentAgain() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String typo = "nina-" + tag + "@mro.exmaple";
        String right = "nina-" + tag + "@mro.example";
        String id = create(typo, List.of("planner")).json().get("id").asText();
        assertEquals(typo, realm.adminGet("/users/" + id).get("username").asText(), "made from the address");

        Http.Response corrected = Http.putJson(realm.url("/mx/invitations/" + id + "/email"), adminToken, Map.of("email", right));
        assertEquals(200, corrected.status(), corrected::toString);
        JsonNode user = realm.adminGet("/users/" + id);
        assertEquals(right, user.get("email").asText());
        assertEquals(right, user.get("username").asText(), "the username follows the corrected address");
        Mail.await(right, 1, Duration.ofSeconds(30));

        Http.Response revoked = Http.postJson(realm.url("/mx/invitations/" + id + "/revoke"), adminToken, null);
        assertEquals("revoked", revoked.json().get("status").asText(), revoked::toString);
        Http.Response again = Http.postJson(realm.url("/mx/invitations/" + id + "/resend"), adminToken, null);
        assertEquals(200, again.status(), again::toString);
        assertEquals("pending", again.json().get("status").asText(), again::toString);
        Mail.await(right, 2, Duration.ofSeconds(30));
    }

    @Test
    void badInputCreatesNobody() {
        String email = "bad-" + UUID.randomUUID().toString().substring(0, 8) + "@mro.example";
        Http.Response noName = Http.postJson(people(""), adminToken, Map.of("email", email));
        assertEquals(400, noName.status(), noName::toString);
        assertTrue(fields(noName).containsAll(List.of("firstName", "lastName")), noName::toString);
        Http.Response unknownTemplate = create(email, List.of("planner", "pilot"));
        assertEquals(400, unknownTemplate.status(), unknownTemplate::toString);
        assertEquals(List.of("templates[1]"), fields(unknownTemplate));
        Http.Response badAddress = create("not-an-address", List.of("planner"));
        assertEquals(List.of("email"), fields(badAddress));
        // Keycloak's own check accepts a host name without a domain ending; no mail would arrive there.
        Http.Response noEnding = create("nora.newhire@demo-mro", List.of("planner"));
        assertEquals(400, noEnding.status(), noEnding::toString);
        assertEquals(List.of("email"), fields(noEnding));
        assertTrue(noEnding.json().get("problems").get(0).get("message").asText().contains("domain ending"), noEnding::toString);
        Http.Response noTemplate = create(email, List.of());
        assertEquals(400, noTemplate.status(), noTemplate::toString);
        assertEquals(List.of("templates"), fields(noTemplate));
        Http.Response templatesMissing = Http.postJson(people(""), adminToken,
                Map.of("firstName", "No", "lastName", "Job", "email", email));
        assertEquals(List.of("templates"), fields(templatesMissing));
        Http.Response unknownField = Http.postJson(people(""), adminToken, Map.of("email", email, "admin", true));
        assertEquals(List.of("admin"), fields(unknownField));
        assertEquals(0, realm.adminGet("/users?email=" + email + "&exact=true").size(), "nobody was created");
        assertEquals(1, realm.adminGet("/organizations/" + account + "/members").size(), "only the administrator");
    }

    @Test
    void theListPagesSearchesAndFilters() {
        List<String> ids = new ArrayList<>();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 3; i++) {
            ids.add(create("list-" + tag + "-" + i + "@mro.example", List.of(i == 0 ? "stores" : "planner")).json().get("id").asText());
        }
        JsonNode page = Http.get(people("?first=0&max=2"), adminToken).json();
        assertEquals(2, page.get("people").size(), page::toString);
        assertEquals(4, page.get("total").asInt(), "three people and the administrator");
        JsonNode next = Http.get(people("?first=2&max=2"), adminToken).json();
        assertEquals(2, next.get("people").size(), next::toString);

        JsonNode search = Http.get(people("?search=list-" + tag + "-1"), adminToken).json();
        assertEquals(List.of(ids.get(1)), ids(search));
        JsonNode stores = Http.get(people("?template=stores"), adminToken).json();
        assertEquals(List.of(ids.get(0)), ids(stores));
        JsonNode invited = Http.get(people("?state=invited"), adminToken).json();
        assertEquals(3, invited.get("people").size(), invited::toString);

        Http.Response bad = Http.get(people("?max=1000&state=sleeping&template=pilot"), adminToken);
        assertEquals(400, bad.status());
        assertEquals(List.of("max", "state", "template"), fields(bad));
    }

    @Test
    void templatesAccountRolesAndRemovalAreChangedByAnotherAdministratorNeverByOneself() {
        String id = create("roles-" + UUID.randomUUID().toString().substring(0, 8) + "@mro.example", List.of("planner"))
                .json().get("id").asText();
        Http.Response templates = Http.putJson(people("/" + id + "/templates"), adminToken, Map.of("templates", List.of("stores")));
        assertEquals(200, templates.status(), templates::toString);
        assertEquals(List.of("stores"), strings(templates.json().get("templates")));

        Http.Response roles = Http.putJson(people("/" + id + "/account-roles"), adminToken, Map.of("roles", List.of("auditor")));
        assertEquals(200, roles.status(), roles::toString);
        assertEquals(List.of("auditor"), strings(roles.json().get("accountRoles")));
        String alias = realm.adminGet("/organizations/" + account).get("alias").asText();
        assertEquals(200, Http.get(realm.adminUrl("/group-by-path/mx-accounts/" + alias + "/auditor"), realm.adminToken()).status(),
                "the role is a group a realm operator sees in the console");

        // Separation of duties: nobody changes their own templates, account roles or membership.
        for (Http.Response own : List.of(
                Http.putJson(people("/" + admin + "/templates"), adminToken, Map.of("templates", List.of("account-administrator"))),
                Http.putJson(people("/" + admin + "/account-roles"), adminToken, Map.of("roles", List.of("compliance-officer"))),
                Http.delete(people("/" + admin), adminToken))) {
            assertEquals(403, own.status(), own::toString);
            assertTrue(own.json().get("error_description").asText().startsWith("separation of duties"), own::toString);
        }
        assertEquals(List.of("account-administrator"), strings(Http.get(people("/" + admin), adminToken).json().get("accountRoles")));

        assertEquals(204, Http.delete(people("/" + id), adminToken).status());
        assertEquals(404, Http.get(people("/" + id), adminToken).status(), "no longer in the account");
        assertFalse(realm.adminGet("/organizations/" + account + "/members").toString().contains(id));
        assertEquals(0, realm.adminGet("/users/" + id + "/groups").size(), "the account's roles went with the membership");
    }

    @Test
    void anAuditorReadsButDoesNotWrite() {
        String auditor = realm.accountPerson(account, "people-auditor", "auditor");
        String token = realm.userToken(auditor);
        assertEquals(200, Http.get(people(""), token).status());
        Http.Response write = Http.postJson(people(""), token, Map.of("firstName", "A", "lastName", "B", "email", "x@mro.example"));
        assertEquals(403, write.status(), write::toString);
        assertTrue(write.json().get("error_description").asText().contains("account-administrator"), write::toString);
        assertEquals(403, Http.get(realm.url("/mx/accounts/" + account + "/grantable-templates"), token).status());
    }

    @Test
    void grantableTemplatesAndMe() {
        JsonNode templates = Http.get(realm.url("/mx/accounts/" + account + "/grantable-templates"), adminToken).json();
        JsonNode accountAdministrator = null;
        for (JsonNode t : templates) {
            if (t.get("name").asText().equals("account-administrator")) {
                accountAdministrator = t;
            }
        }
        assertTrue(accountAdministrator.get("privileged").asBoolean(), templates::toString);
        // Keycloak's JSON writer leaves out null fields: no readOnlyVariantOf means "not a variant".
        assertFalse(accountAdministrator.get("readOnly").asBoolean(), templates::toString);
        assertTrue(accountAdministrator.path("readOnlyVariantOf").isMissingNode()
                || accountAdministrator.path("readOnlyVariantOf").isNull(), templates::toString);

        JsonNode me = Http.get(realm.url("/mx/me"), adminToken).json();
        assertFalse(me.get("operator").asBoolean());
        assertEquals(admin, me.get("user").get("id").asText());
        assertEquals(1, me.get("accounts").size(), me::toString);
        assertEquals(account, me.get("accounts").get(0).get("id").asText());
        assertEquals(List.of("account-administrator"), strings(me.get("accounts").get(0).get("roles")));

        String operator = realm.createUser("people-operator", Map.of());
        realm.grantRealmManagement(operator, "view-users");
        JsonNode operatorMe = Http.get(realm.url("/mx/me"), realm.userToken(operator)).json();
        assertTrue(operatorMe.get("operator").asBoolean());
        assertTrue(operatorMe.get("accounts").toString().contains(account));
        assertEquals(List.of("account-administrator", "compliance-officer", "auditor"),
                strings(operatorMe.get("accounts").get(0).get("roles")));
        assertEquals(401, Http.get(realm.url("/mx/me"), null).status());
    }

    @Test
    void aRoleCountsOnlyWhileThePersonIsAMemberOfTheAccount() {
        String former = realm.createUser("people-former", Map.of());
        realm.grantAccountRole(account, former, "account-administrator"); // group, but no membership
        String token = realm.userToken(former);
        assertEquals(404, Http.get(people(""), token).status());
        assertEquals(0, Http.get(realm.url("/mx/me"), token).json().get("accounts").size());
    }

    private static List<String> fields(Http.Response response) {
        List<String> fields = new ArrayList<>();
        response.json().path("problems").forEach(p -> fields.add(p.get("field").asText()));
        return fields;
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("people").forEach(p -> ids.add(p.get("id").asText()));
        return ids;
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(v -> list.add(v.asText()));
        return list;
    }
}
