package com.maintenanceaccess.it.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.support.AppLogin;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Realm;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A realm written by the release before templates were held per account: templates are realm
 * roles mapped to people (made here through the admin API, exactly as that release's people API
 * and console wrote them). The server restarts and migrates: a person in exactly one account has
 * them in that account (and no realm role mapping any more); a person in two accounts or none
 * keeps them, counted in no account's token, marked and listed for operators and in the start
 * log. One admin event; the next start changes nothing and writes none.
 */
final class TemplateMigration implements UpgradeScenario {

    private final Realm realm = Realm.maintenance();
    private String accountA;
    private String accountB;
    private String single;
    private String contractor;
    private String homeless;
    private String singleName;
    private String contractorName;
    private String homelessName;
    private String aliasA;
    private String nobody;

    @Override
    public void prepare() {
        accountA = realm.createAccount("mig-a", true, Map.of());
        accountB = realm.createAccount("mig-b", true, Map.of());
        single = realm.accountPerson(accountA, "mig-single");
        realm.grantRealmRole(single, "planner", "technician");
        contractor = realm.contractor(accountA, accountB, "mig-contractor");
        realm.grantRealmRole(contractor, "certifying-staff");
        homeless = realm.createUser("mig-homeless", Map.of());
        realm.grantRealmRole(homeless, "stores");
        singleName = realm.username(single);
        contractorName = realm.username(contractor);
        homelessName = realm.username(homeless);
    }

    /** Nothing to write: the admin API wrote the realm roles as that release did. */
    @Override
    public void writeOlderRelease() {
    }

    @Override
    public void checkUpgraded() throws Exception {
        // Moved: the account holds them, the realm role mappings are gone, the token counts them.
        assertEquals(List.of("planner", "technician"), realm.templatesIn(accountA, single));
        assertFalse(realmRoles(single).contains("planner") || realmRoles(single).contains("technician"));
        assertTrue(perms(single, "openid").contains("workorders:create"));

        // Not moved: kept realm-wide, counted in no account's token, listed.
        assertTrue(realmRoles(contractor).contains("certifying-staff"));
        assertEquals(List.of(), realm.templatesIn(accountA, contractor));
        aliasA = realm.adminGet("/organizations/" + accountA).get("alias").asText();
        assertEquals(List.of(), perms(contractor, "openid organization:" + aliasA), "a realm-level template counts in no account");
        JsonNode listed = unassigned();
        assertEquals(List.of("templates"), strings(person(listed, contractor).get("unassigned")));
        assertEquals(List.of("certifying-staff"), strings(person(listed, contractor).get("realmLevelTemplates")));
        assertEquals(2, person(listed, contractor).get("accounts").size());
        assertEquals(contractorName, person(listed, contractor).get("username").asText());
        assertEquals(0, person(listed, homeless).get("accounts").size());
        assertTrue(person(listed, single).isMissingNode(), "the moved person is not listed");
        String log = Files.readString(realm.server().log());
        assertTrue(log.contains("hold role templates in no or several accounts") && log.contains(contractorName)
                && log.contains(homelessName), "the start log lists them");

        List<JsonNode> events = migrationEvents(singleName);
        assertEquals(1, events.size(), events::toString);
        assertEquals("maintenance-access:migration", events.get(0).path("authDetails").path("clientId").asText());
        assertTrue(events.get(0).path("representation").asText().contains(contractorName));

        // The listing is for realm operators with view-users only.
        nobody = realm.accountPerson(accountA, "mig-admin", "account-administrator");
        assertEquals(403, Http.get(realm.url("/mx/migration/unassigned"), realm.userToken(nobody)).status());
    }

    @Override
    public void checkNextStart() {
        // Idempotent: the next start moves nothing and writes no event; the lists stay.
        assertEquals(1, migrationEvents(singleName).size());
        assertEquals(1, migrationEvents(contractorName).size(), "no second event naming the contractor");
        assertEquals(List.of("planner", "technician"), realm.templatesIn(accountA, single));
        assertFalse(person(unassigned(), contractor).isMissingNode());

        // An operator assigns the listed contractor: A holds the template, the realm level not.
        String manager = realm.createUser("mig-manager", Map.of());
        realm.grantRealmManagement(manager, "view-users", "manage-users");
        String managerToken = realm.userToken(manager);
        String viewer = realm.createUser("mig-viewer", Map.of());
        realm.grantRealmManagement(viewer, "view-users");
        assertEquals(403, assign(contractor, aliasA, realm.userToken(nobody)).status(), "not for account administrators");
        assertEquals(403, assign(contractor, aliasA, realm.userToken(viewer)).status(), "not with view-users only");
        Http.Response notMember = assign(homeless, aliasA, managerToken);
        assertEquals(400, notMember.status(), notMember::toString);
        assertEquals("account", notMember.json().get("problems").get(0).get("field").asText(), notMember::toString);
        assertTrue(realmRoles(homeless).contains("stores"), "a refusal changes nothing");
        Http.Response noAccount = Http.postJson(realm.url("/mx/migration/unassigned/" + contractor + "/assign"), managerToken, Map.of());
        assertEquals(400, noAccount.status(), noAccount::toString);
        assertTrue(noAccount.body().contains("account"), noAccount::toString);

        Http.Response assigned = assign(contractor, aliasA, managerToken);
        assertEquals(200, assigned.status(), assigned::toString);
        assertEquals(List.of("certifying-staff"), realm.templatesIn(accountA, contractor));
        assertEquals(List.of(), realm.templatesIn(accountB, contractor), "only the chosen account");
        assertFalse(realmRoles(contractor).contains("certifying-staff"));
        assertTrue(person(unassigned(), contractor).isMissingNode(), "no longer listed");
        assertTrue(perms(contractor, "openid organization:" + aliasA).contains("workorders:release"));
        List<JsonNode> assignEvents = assignEvents(contractor);
        assertEquals(1, assignEvents.size(), assignEvents::toString);
        String change = assignEvents.get(0).path("representation").asText();
        assertTrue(change.contains("\"before\"") && change.contains("\"after\"") && change.contains("certifying-staff"), change);
        assertEquals(manager, assignEvents.get(0).path("authDetails").path("userId").asText());

        // Idempotent: the same answer, nothing moves, no second event.
        Http.Response again = assign(contractor, accountA, managerToken);
        assertEquals(200, again.status(), again::toString);
        assertEquals(assigned.json(), again.json());
        assertEquals(1, assignEvents(contractor).size());
    }

    private Http.Response assign(String userId, String account, String token) {
        return Http.postJson(realm.url("/mx/migration/unassigned/" + userId + "/assign"), token, Map.of("account", account));
    }

    private List<JsonNode> assignEvents(String userId) {
        List<JsonNode> events = new ArrayList<>();
        realm.adminGet("/admin-events?resourceTypes=CUSTOM&max=1000").forEach(event -> {
            if ("MX_MIGRATION_ASSIGN".equals(event.path("details").path("mx_kind").asText())
                    && event.path("resourcePath").asText().endsWith(userId)) {
                events.add(event);
            }
        });
        return events;
    }

    private JsonNode unassigned() {
        String operator = realm.createUser("mig-operator", Map.of());
        realm.grantRealmManagement(operator, "view-users");
        Http.Response response = Http.get(realm.url("/mx/migration/unassigned"), realm.userToken(operator));
        assertEquals(200, response.status(), response::toString);
        return response.json();
    }

    private static JsonNode person(JsonNode listed, String id) {
        for (JsonNode person : listed.get("people")) {
            if (person.get("id").asText().equals(id)) {
                return person;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private List<String> realmRoles(String userId) {
        return strings(realm.adminGet("/users/" + userId + "/role-mappings/realm")).stream().toList();
    }

    private List<String> perms(String userId, String scope) {
        JsonNode tokens = AppLogin.login(realm.url(""), realm.username(userId), Realm.TEST_PASSWORD, scope);
        return strings(AppLogin.claims(tokens.get("access_token").asText()).get("mx_perms"));
    }

    private List<JsonNode> migrationEvents(String mentioning) {
        List<JsonNode> events = new ArrayList<>();
        realm.adminGet("/admin-events?resourceTypes=CUSTOM&max=1000").forEach(event -> {
            if ("MX_TEMPLATE_MIGRATION".equals(event.path("details").path("mx_kind").asText())
                    && event.path("representation").asText().contains(mentioning)) {
                events.add(event);
            }
        });
        return events;
    }

    /** Strings of an array; role representations by their name. */
    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(value -> values.add(value.isObject() ? value.path("name").asText() : value.asText()));
        }
        return values;
    }
}
