package com.maintenanceaccess.it.authorization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Realm;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Correcting a record entered wrong (issue 24 item 3: "a record cannot be corrected, only granted a
 * second time"): {@code POST /mx/users/{id}/authorizations/{aid}/correct} with a reason. The record
 * keeps its id (one record, not two), the change is in the hash-chained trail with the reason and the
 * record's versions before and after, and in the person's history by name. Only a compliance officer
 * of the record's account; another account's officer gets 404; bad input is 400 naming the field and
 * changes nothing. The person is in two accounts.
 */
class RecordCorrectionIT {

    private final Realm realm = Realm.maintenance();
    private final Authz authz = new Authz(realm);
    private String accountA;
    private String accountB;
    private String officerA;
    /** The officer's token, signed in once per test (their roles do not change in it). */
    private String officerAToken;
    private String auditorA;
    private String officerB;
    private String worker;

    @BeforeEach
    void setUp() {
        accountA = realm.createAccount("correct-a", true, Map.of());
        accountB = realm.createAccount("correct-b", true, Map.of());
        officerA = realm.accountPerson(accountA, "corr-officer", "compliance-officer");
        auditorA = realm.accountPerson(accountA, "corr-auditor", "auditor");
        officerB = realm.accountPerson(accountB, "corr-officer-b", "compliance-officer");
        worker = realm.accountPerson(accountA, "corr-worker");
        realm.addMember(accountB, worker);
        officerAToken = realm.userToken(officerA);
    }

    @Test
    void anOfficerCorrectsATypoWithAReasonAndTheTrailKeepsBothVersions() throws Exception {
        String typo = "UK.145.CR-" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        String right = typo + "X";
        Map<String, Object> record = Authz.crs(typo);
        record.put("account", accountA);
        JsonNode granted = authz.grant(officerAToken, worker, record);
        String id = granted.get("id").asText();
        String url = realm.url("/mx/users/" + worker + "/authorizations/" + id + "/correct");
        String etag = Http.get(realm.url("/mx/users/" + worker + "/authorizations/" + id), officerAToken).header("ETag");

        Map<String, Object> corrected = new HashMap<>(Authz.crs(right));
        Http.Response done = Http.postJson(url, officerAToken,
                Map.of("reason", "reference mistyped at entry", "authorization", corrected));
        assertEquals(200, done.status(), done::toString);
        assertEquals(id, done.json().get("id").asText(), "the same record, corrected");
        assertEquals(right, done.json().get("reference").asText());
        JsonNode list = authz.list(officerAToken, worker);
        assertEquals(1, list.size(), "corrected, not granted a second time: " + list);
        assertEquals(right, list.get(0).get("reference").asText());

        // The same record again is no correction: 400, nothing written.
        assertProblem(Http.postJson(url, officerAToken, Map.of("reason", "twice", "authorization", corrected)),
                "authorization");

        // A stale version (read before the correction) is refused: 412, nothing changed.
        Http.Response stale = Http.send("POST", url, officerAToken, "application/json",
                Http.toJson(Map.of("reason", "again", "authorization", Authz.crs(right + "Y"))), Map.of("If-Match", etag));
        assertEquals(412, stale.status(), stale::toString);

        // In the trail of the account: the reason and the record before and after, with their versions.
        Http.Response export = Http.get(realm.url("/mx/trail/export?account=" + accountA), realm.userToken(auditorA));
        assertEquals(200, export.status(), export::toString);
        JsonNode entry = null;
        for (JsonNode e : export.json().get("entries")) {
            if (e.has("body") && e.get("body").asText().contains("\"action\":\"correct\"") && e.get("body").asText().contains(id)) {
                entry = e;
            }
        }
        assertTrue(entry != null, "a trail entry of the correction: " + export.body());
        JsonNode body = Http.JSON.readTree(entry.get("body").asText());
        assertEquals("reference mistyped at entry", body.get("reason").asText());
        assertEquals(typo, body.get("before").get("reference").asText());
        assertEquals(right, body.get("after").get("reference").asText());
        assertEquals(etag, body.get("versionBefore").asText(), "the version the record had");
        assertNotEquals(body.get("versionBefore").asText(), body.get("versionAfter").asText());

        // In the person's history, by name.
        JsonNode history = Http.get(realm.url("/mx/users/" + worker + "/history?account=" + accountA), officerAToken).json();
        assertEquals("authorization-correct", history.get(0).get("event").asText(), history::toString);
        assertEquals("Test corr-officer", history.get(0).get("actor").asText());
        assertEquals("reference mistyped at entry", history.get(0).get("reason").asText());
    }

    @Test
    void badInputWrongRoleAndAnotherAccountChangeNothing() {
        String reference = "UK.145.CB-" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        Map<String, Object> record = Authz.crs(reference);
        record.put("account", accountA);
        String id = authz.grant(officerAToken, worker, record).get("id").asText();
        String url = realm.url("/mx/users/" + worker + "/authorizations/" + id + "/correct");
        Map<String, Object> fixed = Authz.crs(reference + "Z");

        assertProblem(Http.postJson(url, officerAToken, Map.of("authorization", fixed)), "reason");
        assertProblem(Http.postJson(url, officerAToken, Map.of("reason", " ", "authorization", fixed)), "reason");
        assertProblem(Http.postJson(url, officerAToken, Map.of("reason", "typo")), "authorization");
        assertProblem(Http.postJson(url, officerAToken, Map.of("reason", "typo",
                "authorization", Authz.with(fixed, "type", "inspection"))), "type");
        assertProblem(Http.postJson(url, officerAToken, Map.of("reason", "typo",
                "authorization", Authz.with(fixed, "expiry", "tomorrow"))), "expiry");
        assertProblem(Http.postJson(url, officerAToken, Map.of("reason", "typo", "authorization", fixed, "extra", 1)),
                "extra");

        Http.Response auditor = Http.postJson(url, realm.userToken(auditorA), Map.of("reason", "typo", "authorization", fixed));
        assertEquals(403, auditor.status(), auditor::toString);
        assertTrue(auditor.body().contains("compliance-officer"), auditor::toString);
        // The officer of B (the worker is in B too) does not see A's record.
        Http.Response other = Http.postJson(url, realm.userToken(officerB), Map.of("reason", "typo", "authorization", fixed));
        assertEquals(404, other.status(), other::toString);

        JsonNode list = authz.list(officerAToken, worker);
        assertEquals(1, list.size());
        assertEquals(reference, list.get(0).get("reference").asText(), "nothing was changed");
    }

    private static void assertProblem(Http.Response response, String field) {
        assertEquals(400, response.status(), response::toString);
        List<String> fields = new java.util.ArrayList<>();
        response.json().path("problems").forEach(p -> fields.add(p.path("field").asText()));
        assertTrue(fields.contains(field), field + " in " + response);
    }
}
