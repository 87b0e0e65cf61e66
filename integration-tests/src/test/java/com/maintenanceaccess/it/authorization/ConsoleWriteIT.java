package com.maintenanceaccess.it.authorization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.maintenanceaccess.it.support.Http;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The user-profile path: what the admin console does (PUT /admin/realms/…/users/{id} with the
 * attribute mx_authorizations) and the account console (read-only). The custom validator
 * checks every value and the acting administrator.
 */
class ConsoleWriteIT {

    private final Authz authz = new Authz();

    /** A valid record in the documented compact format, valid for a year from now. */
    static String compact(String id, String reference, String aircraft) {
        return "{\"v\":1,\"id\":\"" + id + "\",\"t\":\"inspection\",\"ref\":\"" + reference + "\",\"ac\":[\"" + aircraft
                + "\"],\"task\":[\"rii\"],\"eff\":\"" + Instant.now().minus(Duration.ofDays(1)) + "\",\"exp\":\""
                + Instant.now().plus(Duration.ofDays(365)) + "\",\"st\":\"a\",\"iss\":\"Quality Manager\"}";
    }

    private ObjectNode userWith(String userId, String token, List<String> values) {
        ObjectNode user = (ObjectNode) Http.get(authz.realm.adminUrl("/users/" + userId), token).json();
        ObjectNode attributes = user.has("attributes") ? (ObjectNode) user.get("attributes") : user.putObject("attributes");
        ArrayNode array = attributes.putArray("mx_authorizations");
        values.forEach(array::add);
        return user;
    }

    private List<String> stored(String userId) {
        JsonNode values = authz.realm.adminGet("/users/" + userId).path("attributes").path("mx_authorizations");
        List<String> list = new java.util.ArrayList<>();
        values.forEach(v -> list.add(v.asText()));
        return list;
    }

    @Test
    void aComplianceOfficerCanGrantThroughTheConsoleAndTheChangeIsIndexedAndAudited() throws Exception {
        String officer = authz.officer();
        String token = authz.realm.userToken(officer);
        String person = authz.realm.createUser("console-target", Map.of());
        String value = compact("console-1", "RII-CONSOLE-1", "B737");

        Http.Response put = Http.putJson(authz.realm.adminUrl("/users/" + person), token, userWith(person, token, List.of(value)));
        assertEquals(204, put.status(), put::toString);
        assertEquals(List.of(value), stored(person));

        JsonNode attributes = authz.realm.adminGet("/users/" + person).get("attributes");
        assertTrue(attributes.get("mx_authorizations_until").get(0).asText().endsWith("|inspection|console-1"),
                attributes::toString);
        List<JsonNode> events = authz.events(person);
        assertEquals(1, events.size(), events::toString);
        assertEquals("admin-console", events.get(0).path("details").path("via").asText());
        assertEquals(officer, events.get(0).get("authDetails").get("userId").asText());
        JsonNode representation = Http.JSON.readTree(events.get(0).get("representation").asText());
        assertTrue(representation.get("before").isNull());
        assertEquals("RII-CONSOLE-1", representation.get("after").get("reference").asText());

        // The records written through the console are the records the API reads.
        assertEquals("RII-CONSOLE-1", authz.list(token, person).get(0).get("reference").asText());
    }

    @Test
    void anAccountAdministratorWithoutTheComplianceRoleCannotChangeThemThroughTheConsole() {
        String officerToken = authz.realm.userToken(authz.officer());
        String person = authz.realm.createUser("console-sod", Map.of());
        authz.grant(officerToken, person, Authz.inspection("RII-SOD-1"));
        List<String> before = stored(person);
        String adminToken = authz.realm.userToken(authz.accountAdmin());

        ObjectNode changed = userWith(person, adminToken, List.of(compact("x-1", "RII-SOD-2", "B737")));
        Http.Response refused = Http.putJson(authz.realm.adminUrl("/users/" + person), adminToken, changed);
        // The admin REST API answers every user-profile validation error with 400; the message names the role.
        assertEquals(400, refused.status(), refused::toString);
        assertTrue(refused.body().contains(Authz.MANAGE), refused::toString);
        assertEquals(before, stored(person));

        // Removing them is a change too.
        Http.Response removal = Http.putJson(authz.realm.adminUrl("/users/" + person), adminToken,
                userWith(person, adminToken, List.of()));
        assertEquals(400, removal.status(), removal::toString);
        assertTrue(removal.body().contains(Authz.MANAGE), removal::toString);
        assertEquals(before, stored(person));

        // Other edits by the account administrator still work and leave the records alone.
        ObjectNode rename = (ObjectNode) Http.get(authz.realm.adminUrl("/users/" + person), adminToken).json();
        rename.put("firstName", "Renamed");
        Http.Response renamed = Http.putJson(authz.realm.adminUrl("/users/" + person), adminToken, rename);
        assertEquals(204, renamed.status(), renamed::toString);
        assertEquals("Renamed", authz.realm.adminGet("/users/" + person).get("firstName").asText());
        assertEquals(before, stored(person));

        // Creating a user with records is a grant as well.
        Http.Response create = Http.postJson(authz.realm.adminUrl("/users"), adminToken, Map.of(
                "username", "console-create-" + System.nanoTime(), "email", "cc" + System.nanoTime() + "@mro.example",
                "firstName", "C", "lastName", "C", "enabled", true,
                "attributes", Map.of("mx_authorizations", List.of(compact("c-1", "RII-CREATE-1", "B737")))));
        assertEquals(400, create.status(), create::toString);
        assertTrue(create.body().contains(Authz.MANAGE), create::toString);
    }

    @Test
    void nobodyChangesTheirOwnAndTheMasterAdministratorIsNotAComplianceOfficer() {
        String officer = authz.officer();
        String token = authz.realm.userToken(officer);
        Http.Response own = Http.putJson(authz.realm.adminUrl("/users/" + officer), token,
                userWith(officer, token, List.of(compact("own-1", "RII-OWN-1", "B737"))));
        assertEquals(400, own.status(), own::toString);
        assertTrue(own.body().contains("their own"), own::toString);
        assertEquals(List.of(), stored(officer));

        String person = authz.realm.createUser("console-master", Map.of());
        String master = authz.realm.adminToken();
        Http.Response byMaster = Http.putJson(authz.realm.adminUrl("/users/" + person), master,
                userWith(person, master, List.of(compact("m-1", "RII-MASTER-1", "B737"))));
        assertEquals(400, byMaster.status(), byMaster::toString);
        assertTrue(byMaster.body().contains("compliance administrator of realm maintenance"), byMaster::toString);
        assertEquals(List.of(), stored(person));
    }

    @Test
    void theValidatorNamesTheFieldOfAnInvalidValue() {
        String token = authz.realm.userToken(authz.officer());
        String person = authz.realm.createUser("console-invalid", Map.of());

        Http.Response unknownAircraft = Http.putJson(authz.realm.adminUrl("/users/" + person), token,
                userWith(person, token, List.of(compact("i-1", "RII-INV-1", "Concorde"))));
        assertEquals(400, unknownAircraft.status(), unknownAircraft::toString);
        assertTrue(unknownAircraft.body().contains("mx_authorizations[0].scope.aircraft[0]: unknown aircraft type or group"),
                unknownAircraft::toString);

        Http.Response malformed = Http.putJson(authz.realm.adminUrl("/users/" + person), token,
                userWith(person, token, List.of("certifying staff until 2030")));
        assertEquals(400, malformed.status(), malformed::toString);
        assertTrue(malformed.body().contains("mx_authorizations[0].value"), malformed::toString);

        String wrongCategory = compact("i-2", "RII-INV-2", "B737").replace("\"st\":\"a\"",
                "\"st\":\"a\",\"lic\":{\"a\":\"EASA\",\"n\":\"1\",\"c\":\"B9\",\"x\":\"2030-01-01\"}");
        Http.Response category = Http.putJson(authz.realm.adminUrl("/users/" + person), token,
                userWith(person, token, List.of(wrongCategory)));
        assertEquals(400, category.status(), category::toString);
        assertTrue(category.body().contains("licence.category: unknown licence category 'B9'"), category::toString);
        assertEquals(List.of(), stored(person));
    }

    @Test
    void theProfileShowsTheGroupToAdministratorsAndTheRecordsReadOnlyToTheUser() {
        JsonNode profile = authz.realm.adminGet("/users/profile");
        JsonNode attribute = null;
        for (JsonNode a : profile.get("attributes")) {
            if (a.get("name").asText().equals("mx_authorizations")) {
                attribute = a;
            }
        }
        assertEquals("personnel-authorizations", attribute.get("group").asText());
        assertEquals("[\"admin\"]", attribute.get("permissions").get("edit").toString());
        assertTrue(attribute.get("validations").has("mx-personnel-authorization"));
        assertTrue(profile.get("groups").toString().contains("\"displayHeader\":\"Personnel authorizations\""));
        assertEquals("ADMIN_VIEW", profile.get("unmanagedAttributePolicy").asText());

        String officerToken = authz.realm.userToken(authz.officer());
        String person = authz.realm.createUser("account-console", Map.of());
        authz.grant(officerToken, person, Authz.inspection("RII-ACCOUNT-1"));
        List<String> before = stored(person);
        String userToken = authz.realm.userToken(person);

        Http.Response account = Http.get(authz.realm.url("/account/?userProfileMetadata=true"), userToken);
        assertEquals(200, account.status(), account::toString);
        JsonNode metadata = null;
        for (JsonNode a : account.json().get("userProfileMetadata").get("attributes")) {
            if (a.get("name").asText().equals("mx_authorizations")) {
                metadata = a;
            }
        }
        assertTrue(metadata.get("readOnly").asBoolean(), metadata::toString);
        assertEquals(before.get(0), account.json().get("attributes").get("mx_authorizations").get(0).asText());

        ObjectNode self = (ObjectNode) account.json();
        self.remove("userProfileMetadata");
        ((ObjectNode) self.get("attributes")).putArray("mx_authorizations").add(compact("self-1", "RII-SELF-1", "B737"));
        Http.Response selfEdit = Http.postJson(authz.realm.url("/account/"), userToken, self);
        // The account API honours the validator's status: 403, and Keycloak's own read-only error.
        assertEquals(403, selfEdit.status(), selfEdit::toString);
        assertTrue(selfEdit.body().contains("error-user-attribute-read-only"), selfEdit::toString);
        assertEquals(before, stored(person));
    }
}
