package com.maintenanceaccess.it.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.support.AppLogin;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Realm;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Role templates are held per account: a contractor in two accounts (the standard fixture) is a
 * stores person in B and certifying staff in A, and neither account's administrator changes,
 * sees or brings into a token what the person holds in the other.
 */
class ContractorTemplatesIT {

    private final Realm realm = Realm.maintenance();
    private String accountA;
    private String accountB;
    private String aliasB;
    private String contractor;
    private String adminA;

    @BeforeEach
    void twoAccounts() {
        accountA = realm.createAccount("tpl-a", true, Map.of());
        accountB = realm.createAccount("tpl-b", true, Map.of());
        aliasB = realm.adminGet("/organizations/" + accountB).get("alias").asText();
        contractor = realm.contractor(accountA, accountB, "contractor");
        adminA = realm.accountPerson(accountA, "admin-a", "account-administrator");
        realm.grantTemplate(accountB, contractor, "stores");
    }

    @Test
    void aTemplateSetInAIsHeldInAOnlyAndTheTokenForBCarriesNoneOfIt() {
        Http.Response set = Http.putJson(people(accountA) + "/" + contractor + "/templates", realm.userToken(adminA),
                Map.of("templates", List.of("certifying-staff")));
        assertEquals(200, set.status(), set::toString);
        assertEquals(List.of("certifying-staff"), strings(set.json().get("templates")));
        assertEquals(List.of("stores"), templatesAsOperator(accountB), "B's side is untouched");

        JsonNode forB = claims("openid organization:" + aliasB);
        Set<String> perms = new TreeSet<>(strings(forB.get("mx_perms")));
        assertTrue(perms.contains("inventory:create"), perms::toString);
        assertFalse(perms.contains("signoffs:release") || perms.contains("workorders:release"),
                "A's certifying-staff permissions in B's token: " + perms);
        assertEquals(accountB, forB.path("mx_account").path("id").asText());
        assertNoRealmWideRoles(forB);
    }

    @Test
    void withoutAChosenAccountATwoAccountPersonHasNoPermissions() {
        realm.grantTemplate(accountA, contractor, "planner");
        JsonNode plain = claims("openid");
        assertEquals(List.of(), strings(plain.get("mx_perms")), "no guess, no union");
        assertTrue(plain.path("mx_account").isMissingNode());
        assertNoRealmWideRoles(plain);
    }

    @Test
    void aSingleAccountPersonGetsTheirAccountsTemplatesWithoutChoosing() {
        String planner = realm.accountPerson(accountA, "planner");
        realm.grantTemplate(accountA, planner, "planner");
        JsonNode tokens = AppLogin.login(realm.url(""), realm.username(planner), Realm.TEST_PASSWORD, "openid");
        Set<String> perms = new TreeSet<>(strings(AppLogin.claims(tokens.get("access_token").asText()).get("mx_perms")));
        assertTrue(perms.contains("workorders:create"), perms::toString);
    }

    @Test
    void aAdministratorNeitherSeesNorChangesTheBSide() {
        String token = realm.userToken(adminA);
        assertEquals(404, Http.get(people(accountB) + "/" + contractor, token).status());
        Http.Response change = Http.putJson(people(accountB) + "/" + contractor + "/templates", token,
                Map.of("templates", List.of()));
        assertEquals(404, change.status(), change::toString);
        Http.Response inA = Http.get(people(accountA) + "/" + contractor, token);
        assertEquals(200, inA.status(), inA::toString);
        assertEquals(List.of(), strings(inA.json().get("templates")), "B's stores is not shown in A");
        assertEquals(List.of("stores"), templatesAsOperator(accountB));
    }

    @Test
    void removalFromAKeepsBsTemplates() {
        realm.grantTemplate(accountA, contractor, "planner");
        Http.Response removed = Http.delete(people(accountA) + "/" + contractor, realm.userToken(adminA));
        assertEquals(204, removed.status(), removed::toString);

        assertEquals(List.of("stores"), templatesAsOperator(accountB));
        assertEquals(404, Http.get(realm.adminUrl("/organizations/" + accountA + "/members/" + contractor),
                realm.adminToken()).status(), "no longer a member of A");
        // Only B is left: the token needs no choice and carries B's templates only.
        Set<String> perms = new TreeSet<>(strings(claims("openid").get("mx_perms")));
        assertTrue(perms.contains("inventory:create"), perms::toString);
        assertFalse(perms.contains("workorders:create"), "A's planner went with the membership: " + perms);
    }

    @Test
    void nullTemplatesIsRefusedNamingTheFieldAndChangesNothing() {
        realm.grantTemplate(accountA, contractor, "planner");
        Http.Response refused = Http.send("PUT", people(accountA) + "/" + contractor + "/templates", realm.userToken(adminA),
                "application/json", "{\"templates\":null}");
        assertEquals(400, refused.status(), refused::toString);
        assertTrue(refused.body().contains("templates"), refused::toString);
        assertEquals(List.of("planner"), templatesAsOperator(accountA));
    }

    @Test
    void aAdministratorCannotDeactivateThePersonRealmWideAndIsNotToldWhereElseTheyWork() {
        Http.Response refused = Http.postJson(realm.url("/mx/users/" + contractor + "/deactivate"), realm.userToken(adminA),
                Map.of("reason", "left A"));
        assertEquals(409, refused.status(), refused::toString);
        assertFalse(refused.body().contains(accountB) || refused.body().contains(aliasB), refused::toString);
        assertTrue(realm.adminGet("/users/" + contractor).get("enabled").asBoolean(), "B keeps its person");
        // What A may do: end A's membership.
        assertEquals(204, Http.delete(people(accountA) + "/" + contractor, realm.userToken(adminA)).status());
        assertEquals(List.of("stores"), templatesAsOperator(accountB));
    }

    @Test
    void anExistingAddressIsInvitedToJoinAndTheAnswerIsThatOfANewPerson() throws Exception {
        String elsewhere = realm.accountPerson(accountB, "cole");
        realm.grantTemplate(accountB, elsewhere, "stores");
        String existing = realm.adminGet("/users/" + elsewhere).get("email").asText();
        String fresh = "fresh-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@mro.example";
        String token = realm.userToken(adminA);

        Http.Response forExisting = Http.postJson(people(accountA), token, Map.of("firstName", "Cole", "lastName", "C",
                "email", existing, "templates", List.of("planner")));
        Http.Response forNew = Http.postJson(people(accountA), token, Map.of("firstName", "Cole", "lastName", "C",
                "email", fresh, "templates", List.of("planner")));
        assertEquals(201, forExisting.status(), forExisting::toString);
        assertEquals(201, forNew.status(), forNew::toString);
        assertEquals(shape(forNew.json(), fresh), shape(forExisting.json(), existing), "the same answer, but for the address");
        assertFalse(forExisting.body().contains(accountB) || forExisting.body().contains(aliasB)
                || forExisting.body().contains("stores"), forExisting::toString);

        // Not a member of A until they accept; B's side untouched.
        assertEquals(404, Http.get(realm.adminUrl("/organizations/" + accountA + "/members/" + elsewhere), realm.adminToken()).status());
        assertEquals(404, Http.get(people(accountA) + "/" + elsewhere, token).status());

        // The invitation to join went to the existing address (accepting it: JoinAccountIT).
        String mail = String.join("\n", com.maintenanceaccess.it.invitation.InvitationSupport.mail(existing, 1));
        assertTrue(mail.contains("login-actions/action-token"), mail);
        assertEquals(List.of("stores"), realm.templatesIn(accountB, elsewhere));
    }

    /** An answer's person without what differs between two people: id, address, times. */
    private static String shape(JsonNode person, String email) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = person.deepCopy();
        copy.remove("id");
        copy.put("email", copy.get("email").asText().replace(email, "EMAIL"));
        copy.put("username", copy.get("username").asText().replace(email.toLowerCase(), "EMAIL"));
        com.fasterxml.jackson.databind.node.ObjectNode invitation = (com.fasterxml.jackson.databind.node.ObjectNode) copy.get("invitation");
        invitation.put("expiresAt", invitation.path("expiresAt").isNull() ? "null" : "T");
        invitation.put("sentAt", invitation.path("sentAt").isNull() ? "null" : "T");
        java.util.List<String> keys = new java.util.ArrayList<>();
        copy.fieldNames().forEachRemaining(keys::add);
        return keys + " " + copy;
    }

    // ------------------------------------------------------------------------------------

    private String people(String account) {
        return realm.url("/mx/accounts/" + account + "/people");
    }

    private List<String> templatesAsOperator(String account) {
        return realm.templatesIn(account, contractor);
    }

    private JsonNode claims(String scope) {
        JsonNode tokens = AppLogin.login(realm.url(""), realm.username(contractor), Realm.TEST_PASSWORD, scope);
        return AppLogin.claims(tokens.get("access_token").asText());
    }

    /** Nothing of the realm-wide union: no permission or template in realm_access, no module scope. */
    private static void assertNoRealmWideRoles(JsonNode claims) {
        assertEquals(List.of(), strings(claims.path("realm_access").path("roles")), claims::toString);
        assertTrue(claims.path("resource_access").isMissingNode(), claims::toString);
        for (String scope : claims.get("scope").asText().split(" ")) {
            assertFalse(scope.startsWith("maintenance:"), "module scope " + scope + " in " + claims.get("scope"));
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        if (array != null) {
            array.forEach(value -> values.add(value.asText()));
        }
        return values;
    }
}
