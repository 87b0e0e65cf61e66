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
 * attribute mx_authorizations) and the account console. The attribute is read-only outside
 * /mx for everybody (docs/security-model.md): a revoked record written back as active, a copied
 * twin of a suspended record, a grant by a realm compliance officer or by the master
 * administrator, all leave the stored records as they were.
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

    /** An admin REST write of the records: refused (4xx) or dropped; either way nothing is stored. */
    private void refusedOrIgnored(String person, String token, List<String> values, List<String> before) {
        Http.Response put = Http.putJson(authz.realm.adminUrl("/users/" + person), token, userWith(person, token, values));
        assertTrue(put.status() == 204 || (put.status() >= 400 && put.status() < 500), put::toString);
        if (put.status() != 204) {
            assertTrue(put.body().contains("read-only") || put.body().contains("read_only"), put::toString);
        }
        assertEquals(before, stored(person), "the records did not change through the admin API");
    }

    @Test
    void nobodyWritesRecordsThroughTheAdminApiNotEvenARealmComplianceOfficerOrTheMasterAdministrator() {
        String officer = authz.officer();
        String officerToken = authz.realm.userToken(officer);
        String person = authz.person("console-target");
        refusedOrIgnored(person, officerToken, List.of(compact("console-1", "RII-CONSOLE-1", "B737")), List.of());
        refusedOrIgnored(person, authz.realm.adminToken(), List.of(compact("m-1", "RII-MASTER-1", "B737")), List.of());
        refusedOrIgnored(officer, officerToken, List.of(compact("own-1", "RII-OWN-1", "B737")), List.of());
        assertEquals(0, authz.list(officerToken, person).size());

        // Records granted through /mx cannot be removed through the admin API either.
        authz.grant(officerToken, person, Authz.inspection("RII-CONSOLE-2"));
        List<String> before = stored(person);
        refusedOrIgnored(person, authz.realm.adminToken(), List.of(), before);

        // Other edits still work and leave the records alone.
        String adminToken = authz.realm.adminToken();
        ObjectNode rename = (ObjectNode) Http.get(authz.realm.adminUrl("/users/" + person), adminToken).json();
        rename.put("firstName", "Renamed");
        Http.Response renamed = Http.putJson(authz.realm.adminUrl("/users/" + person), adminToken, rename);
        assertEquals(204, renamed.status(), renamed::toString);
        assertEquals("Renamed", authz.realm.adminGet("/users/" + person).get("firstName").asText());
        assertEquals(before, stored(person));

        // Creating a user with records does not make records.
        String username = "console-create-" + System.nanoTime();
        Http.Response create = Http.postJson(authz.realm.adminUrl("/users"), adminToken, Map.of(
                "username", username, "email", username + "@mro.example",
                "firstName", "C", "lastName", "C", "enabled", true,
                "attributes", Map.of("mx_authorizations", List.of(compact("c-1", "RII-CREATE-1", "B737")))));
        if (create.status() == 201) {
            String location = create.header("Location");
            assertEquals(List.of(), stored(location.substring(location.lastIndexOf('/') + 1)));
        } else {
            assertTrue(create.status() >= 400 && create.status() < 500, create::toString);
        }
    }

    @Test
    void aRevokedRecordWrittenBackAsActiveThroughTheAdminApiDoesNotComeBack() {
        String officerToken = authz.realm.userToken(authz.officer());
        String person = authz.person("console-revoked");
        String id = authz.grant(officerToken, person, Authz.crs("CRS-REVOKED-1")).get("id").asText();
        authz.action(officerToken, person, id, "revoke", "licence withdrawn");
        List<String> revoked = stored(person);
        assertTrue(revoked.get(0).contains("\"st\":\"r\""), revoked::toString);

        String active = revoked.get(0).replace("\"st\":\"r\"", "\"st\":\"a\"");
        refusedOrIgnored(person, authz.realm.adminToken(), List.of(active), revoked);
        refusedOrIgnored(person, officerToken, List.of(active), revoked);
        assertEquals("revoked", authz.list(officerToken, person).get(0).get("status").asText());
        assertEquals(false, signoff(person).get("allowed").asBoolean());
    }

    @Test
    void aCopiedTwinOfASuspendedRecordDoesNotAppear() {
        String officerToken = authz.realm.userToken(authz.officer());
        String person = authz.person("console-twin");
        String id = authz.grant(officerToken, person, Authz.crs("CRS-TWIN-1")).get("id").asText();
        authz.action(officerToken, person, id, "suspend", "under investigation");
        List<String> suspended = stored(person);
        String twin = suspended.get(0).replace(id, "twin-" + id).replace("\"st\":\"s\"", "\"st\":\"a\"")
                .replace("CRS-TWIN-1", "CRS-TWIN-2");
        List<String> withTwin = new java.util.ArrayList<>(suspended);
        withTwin.add(twin);
        refusedOrIgnored(person, authz.realm.adminToken(), withTwin, suspended);
        assertEquals(1, authz.list(officerToken, person).size());
        assertEquals(false, signoff(person).get("allowed").asBoolean(), "no valid twin answers the signoff check");
    }

    private JsonNode signoff(String signer) {
        Http.Response response = Http.postJson(authz.realm.url("/mx/signoff-check"), authz.backendToken(), Map.of(
                "signer", signer, "authorizationType", "certifying-staff", "aircraftType", "A320", "taskCategory", "line",
                "account", authz.account()));
        assertEquals(200, response.status(), response::toString);
        return response.json();
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
        assertEquals("[]", attribute.get("permissions").get("edit").toString(), "nobody edits it outside /mx");
        assertEquals("[\"admin\",\"user\"]", attribute.get("permissions").get("view").toString());
        assertTrue(attribute.get("validations").has("mx-personnel-authorization"));
        // The profile's texts are message keys (the themes hold them in English and German, MessageKeysTest).
        assertTrue(profile.get("groups").toString().contains("\"displayHeader\":\"${mxProfileGroupAuthorizations}\""),
                profile.get("groups")::toString);
        assertEquals("${mxProfileAuthorizations}", attribute.get("displayName").asText());
        assertEquals("ADMIN_VIEW", profile.get("unmanagedAttributePolicy").asText());

        String officerToken = authz.realm.userToken(authz.officer());
        String person = authz.person("account-console");
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
