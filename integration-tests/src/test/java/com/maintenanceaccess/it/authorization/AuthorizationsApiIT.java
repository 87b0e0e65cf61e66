package com.maintenanceaccess.it.authorization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.support.Http;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The REST write path /mx/users/{id}/authorizations: each operation, bad input, separation of duties, events. */
class AuthorizationsApiIT {

    private final Authz authz = new Authz();

    @Test
    void grantUpdateSuspendReinstateRevokeEachWorkAndEmitOneEventWithBeforeAndAfter() throws Exception {
        String officer = authz.officer();
        String officerToken = authz.realm.userToken(officer);
        String person = authz.person("technician");

        JsonNode created = authz.grant(officerToken, person, Authz.crs("CRS-API-1"));
        String id = created.get("id").asText();
        assertEquals("active", created.get("status").asText());
        assertEquals("valid", created.get("state").asText());
        assertEquals("B1.1", created.get("licence").get("category").asText());

        JsonNode updated = Http.putJson(authz.url(person) + "/" + id, officerToken,
                Authz.with(Authz.crs("CRS-API-1"), "limitations", "A320 only, no ETOPS")).json();
        assertEquals("A320 only, no ETOPS", updated.get("limitations").asText());
        assertEquals(id, updated.get("id").asText());

        JsonNode suspended = authz.action(officerToken, person, id, "suspend", "audit finding QA-12");
        assertEquals("suspended", suspended.get("status").asText());
        assertEquals("audit finding QA-12", suspended.get("statusReason").asText());
        assertEquals("active", authz.action(officerToken, person, id, "reinstate", "finding closed").get("status").asText());
        assertEquals("revoked", authz.action(officerToken, person, id, "revoke", "left the company").get("status").asText());

        JsonNode list = authz.list(officerToken, person);
        assertEquals(1, list.size());
        assertEquals("revoked", list.get(0).get("state").asText());
        assertEquals(200, Http.get(authz.url(person) + "/" + id, officerToken).status());
        assertEquals(404, Http.get(authz.url(person) + "/nope", officerToken).status());

        // The stored form is the documented compact codec on the user attribute.
        JsonNode user = authz.realm.adminGet("/users/" + person);
        String stored = user.get("attributes").get("mx_authorizations").get(0).asText();
        assertTrue(stored.startsWith("{\"v\":2,") && stored.contains("\"st\":\"r\"")
                && stored.contains("\"acc\":\"" + authz.account() + "\""), stored);
        assertEquals(authz.account(), list.get(0).get("account").asText(), "issued by the person's one account");

        List<JsonNode> events = authz.events(person);
        List<String> actions = events.stream().map(e -> e.path("details").path("action").asText()).toList();
        assertEquals(List.of("revoke", "reinstate", "suspend", "update", "grant"), actions);
        JsonNode suspendEvent = events.get(2);
        assertEquals(officer, suspendEvent.get("authDetails").get("userId").asText());
        assertEquals("UPDATE", suspendEvent.get("operationType").asText());
        assertTrue(suspendEvent.get("time").asLong() > 0);
        JsonNode representation = Http.JSON.readTree(suspendEvent.get("representation").asText());
        assertEquals("active", representation.get("before").get("status").asText());
        assertEquals("suspended", representation.get("after").get("status").asText());
        JsonNode grantEvent = Http.JSON.readTree(events.get(4).get("representation").asText());
        assertTrue(grantEvent.get("before").isNull());
        assertEquals("CREATE", events.get(4).get("operationType").asText());
    }

    static Stream<Arguments> invalidBodies() {
        Map<String, Object> crs = Authz.crs("CRS-BAD-1");
        @SuppressWarnings("unchecked")
        Map<String, Object> licence = new java.util.HashMap<>((Map<String, Object>) crs.get("licence"));
        licence.put("category", "B9");
        return Stream.of(
                Arguments.of("unknown type", Authz.with(crs, "type", "wizard"), "type", "unknown authorization type"),
                Arguments.of("unknown category", Authz.with(crs, "licence", licence), "licence.category", "unknown licence category"),
                Arguments.of("expiry before effective", Authz.with(Authz.with(crs, "effective", "2027-01-01T00:00:00Z"),
                        "expiry", "2026-01-01T00:00:00Z"), "expiry", "must be after effective"),
                Arguments.of("malformed reference", Authz.with(crs, "reference", "crs 17"), "reference", "malformed reference"),
                Arguments.of("unknown aircraft", Authz.with(crs, "scope", Map.of("aircraft", List.of("Concorde"),
                        "tasks", List.of("line"))), "scope.aircraft[0]", "unknown aircraft type or group 'Concorde'"),
                Arguments.of("unknown field", Authz.with(crs, "colour", "red"), "colour", "unknown field"),
                Arguments.of("not a date", Authz.with(crs, "expiry", "next year"), "expiry", "not an instant"),
                Arguments.of("not JSON", "{oops", "body", "malformed JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBodies")
    void anInvalidRecordIsRefusedNamingTheFieldAndNothingChanges(String name, Object body, String field, String message) {
        String officerToken = authz.realm.userToken(authz.officer());
        String person = authz.person("bad-input");
        JsonNode existing = authz.grant(officerToken, person, Authz.crs("CRS-GOOD-1"));

        Http.Response create = Http.postJson(authz.url(person), officerToken, body);
        assertEquals(400, create.status(), create::toString);
        assertEquals(field, create.json().get("problems").get(0).get("field").asText(), create::toString);
        assertTrue(create.json().get("error_description").asText().contains(message), create::toString);

        Http.Response update = Http.putJson(authz.url(person) + "/" + existing.get("id").asText(), officerToken, body);
        assertEquals(400, update.status(), update::toString);
        assertEquals(field, update.json().get("problems").get(0).get("field").asText(), update::toString);

        JsonNode list = authz.list(officerToken, person);
        assertEquals(1, list.size());
        assertEquals(existing, list.get(0));
        assertEquals(1, authz.events(person).size(), "only the grant was recorded");
    }

    @Test
    void lifecycleMistakesAreRefusedWithTheFieldNamed() {
        String officerToken = authz.realm.userToken(authz.officer());
        String person = authz.person("lifecycle");
        String id = authz.grant(officerToken, person, Authz.crs("CRS-LC-1")).get("id").asText();

        Http.Response noReason = Http.postJson(authz.url(person) + "/" + id + "/suspend", officerToken, Map.of());
        assertEquals(400, noReason.status(), noReason::toString);
        assertEquals("reason", noReason.json().get("problems").get(0).get("field").asText());
        Http.Response notSuspended = Http.postJson(authz.url(person) + "/" + id + "/reinstate", officerToken, Map.of());
        assertEquals(400, notSuspended.status());
        assertEquals("status", notSuspended.json().get("problems").get(0).get("field").asText());
        Http.Response duplicate = Http.postJson(authz.url(person), officerToken, Authz.crs("CRS-LC-1"));
        assertEquals(400, duplicate.status());
        assertEquals("reference", duplicate.json().get("problems").get(0).get("field").asText());
        assertEquals(404, Http.postJson(authz.url(person) + "/unknown/revoke", officerToken, Map.of("reason", "x")).status());
        assertEquals("active", authz.list(officerToken, person).get(0).get("status").asText());
    }

    @Test
    void separationOfDutiesHoldsOnEveryRestOperation() {
        String officerId = authz.officer();
        String officerToken = authz.realm.userToken(officerId);
        String person = authz.person("sod-target");
        String id = authz.grant(officerToken, person, Authz.crs("CRS-SOD-1")).get("id").asText();
        authz.realm.addMember(authz.account(), officerId);
        authz.grant(authz.realm.userToken(authz.officer()), officerId, Authz.crs("CRS-SOD-OWN"));
        String ownId = authz.list(officerToken, officerId).get(0).get("id").asText();

        String accountAdminToken = authz.realm.userToken(authz.accountAdmin());
        String auditorToken = authz.realm.userToken(authz.auditor());
        Map<String, Object> body = Authz.crs("CRS-SOD-2");
        for (String token : List.of(accountAdminToken, auditorToken)) {
            assertForbidden(Http.postJson(authz.url(person), token, body));
            assertForbidden(Http.putJson(authz.url(person) + "/" + id, token, body));
            assertForbidden(Http.postJson(authz.url(person) + "/" + id + "/suspend", token, Map.of("reason", "x")));
            assertForbidden(Http.postJson(authz.url(person) + "/" + id + "/reinstate", token, Map.of()));
            assertForbidden(Http.postJson(authz.url(person) + "/" + id + "/revoke", token, Map.of("reason", "x")));
        }
        // An unknown id is 404 for everybody, as a person outside the caller's accounts is
        // (docs/security-model.md): the answer tells a caller nothing they could not list.
        assertEquals(404, Http.postJson(authz.url("no-such-user"), accountAdminToken, body).status());
        assertEquals(404, Http.postJson(authz.url("no-such-user"), officerToken, body).status());
        // Account administrators cannot even read the records; auditors can.
        assertForbidden(Http.get(authz.url(person), accountAdminToken));
        assertEquals(200, Http.get(authz.url(person), auditorToken).status());
        assertEquals(401, Http.get(authz.url(person), null).status());
        assertEquals(401, Http.postJson(authz.url(person), null, body).status());

        // Nobody changes their own, not even a compliance officer.
        Http.Response own = Http.postJson(authz.url(officerId), officerToken, Authz.crs("CRS-SOD-3"));
        assertForbidden(own);
        assertTrue(own.json().get("error_description").asText().contains("separation of duties"), own::toString);
        assertForbidden(Http.postJson(authz.url(officerId) + "/" + ownId + "/suspend", officerToken, Map.of("reason", "x")));
        assertForbidden(Http.postJson(authz.url(officerId) + "/" + ownId + "/revoke", officerToken, Map.of("reason", "x")));
        assertForbidden(Http.putJson(authz.url(officerId) + "/" + ownId, officerToken, Authz.crs("CRS-SOD-OWN")));

        assertEquals("active", authz.list(officerToken, person).get(0).get("status").asText());
        assertEquals(1, authz.list(officerToken, person).size());
        assertEquals("active", authz.list(officerToken, officerId).get(0).get("status").asText());
    }

    @Test
    void theRolesAndTheProvidersAreThere() {
        JsonNode manage = authz.realm.adminGet("/roles/" + Authz.MANAGE);
        assertTrue(manage.get("description").asText().contains("personnel authorizations"), manage::toString);
        assertTrue(manage.get("composite").asBoolean());
        assertNotNull(authz.realm.adminGet("/roles/" + Authz.SIGNOFF));
        JsonNode info = Http.get(authz.realm.server().baseUrl() + "/admin/serverinfo", authz.realm.adminToken()).json()
                .get("providers");
        for (String[] p : new String[][] {{"validator", "mx-personnel-authorization"},
                {"eventsListener", "mx-authorization-index"},
                {"protocol-mapper", "mx-personnel-authorizations-mapper"}}) {
            JsonNode provider = info.path(p[0]).path("providers").path(p[1]);
            assertEquals(System.getProperty("mx.bundle.version"), provider.path("operationalInfo").path("version").asText(),
                    p[0] + "/" + p[1] + ": " + provider);
        }
    }

    private static void assertForbidden(Http.Response response) {
        assertEquals(403, response.status(), response::toString);
    }
}
