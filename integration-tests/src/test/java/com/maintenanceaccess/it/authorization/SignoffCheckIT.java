package com.maintenanceaccess.it.authorization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.support.Http;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * POST /mx/signoff-check, asked as the maintenance backend does: client credentials of the
 * realm's confidential client maintenance-backend, whose service account holds signoff:check.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignoffCheckIT {

    private final Authz authz = new Authz();
    private final Map<String, String> people = new HashMap<>();
    private String backendToken;

    @BeforeAll
    void setUp() {
        String officerToken = authz.realm.userToken(authz.officer());
        String valid = person("valid");
        authz.grant(officerToken, valid, Authz.crs("CRS-SIGN-VALID"));
        authz.grant(officerToken, person("expired"), Authz.with(Authz.with(Authz.crs("CRS-SIGN-EXP"),
                "effective", "2023-01-01T00:00:00Z"), "expiry", "2025-01-01T00:00:00Z"));
        String suspended = person("suspended");
        authz.action(officerToken, suspended, authz.grant(officerToken, suspended, Authz.crs("CRS-SIGN-SUS")).get("id").asText(),
                "suspend", "audit");
        String revoked = person("revoked");
        authz.action(officerToken, revoked, authz.grant(officerToken, revoked, Authz.crs("CRS-SIGN-REV")).get("id").asText(),
                "revoke", "left");
        Map<String, Object> licence = Authz.crs("CRS-SIGN-LIC");
        licence.put("licence", Map.of("authority", "UK CAA", "number", "1", "category", "B1.1", "expiry", "2025-06-30"));
        authz.grant(officerToken, person("licence"), licence);
        authz.grant(officerToken, person("future"), Authz.with(Authz.with(Authz.crs("CRS-SIGN-FUT"),
                "effective", "2030-01-01T00:00:00Z"), "expiry", "2032-01-01T00:00:00Z"));
        Map<String, Object> lapsed = Authz.crs("CRS-SIGN-REC");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        lapsed.put("experience", List.of(Map.of("from", today.minusYears(5).toString(), "to", today.minusYears(4).toString())));
        authz.grant(officerToken, person("lapsed"), lapsed);
        authz.grant(officerToken, person("inspector"), Authz.inspection("RII-SIGN-1"));
        person("none");
        person("tech");
        backendToken = backendToken();
    }

    private String person(String key) {
        String id = authz.person("signer-" + key);
        people.put(key, id);
        return id;
    }

    private String backendToken() {
        return authz.backendToken();
    }

    static Stream<Arguments> table() {
        return Stream.of(
                row("valid CRS in scope", "valid", "certifying-staff", "A320", "line", "tech", null, true),
                row("group covers the type, ATA chapter in scope", "valid", "certifying-staff", "A321", "ATA-32", "tech", null, true),
                row("certifying staff may certify their own work", "valid", "certifying-staff", "A320", "line", "valid", null, true),
                row("aircraft out of scope", "valid", "certifying-staff", "B737", "line", "tech", null, false, "out_of_scope"),
                row("task out of scope", "valid", "certifying-staff", "A320", "structures", "tech", null, false, "out_of_scope"),
                row("no record of the type", "valid", "inspection", "A320", "line", "tech", null, false, "missing"),
                row("no records at all", "none", "certifying-staff", "A320", "line", "tech", null, false, "missing"),
                row("expired", "expired", "certifying-staff", "A320", "line", "tech", null, false, "expired"),
                row("suspended", "suspended", "certifying-staff", "A320", "line", "tech", null, false, "suspended"),
                row("revoked", "revoked", "certifying-staff", "A320", "line", "tech", null, false, "revoked"),
                row("licence expired", "licence", "certifying-staff", "A320", "line", "tech", null, false, "licence_expired"),
                row("not yet effective", "future", "certifying-staff", "A320", "line", "tech", null, false, "not_yet_effective"),
                row("recency lapsed", "lapsed", "certifying-staff", "A320", "line", "tech", null, false, "recency_lapsed"),
                row("inspector performed the work", "inspector", "inspection", "B737", "rii", "inspector", null, false,
                        "signer_performed_work"),
                row("independent inspector", "inspector", "inspection", "B737", "rii", "tech", null, true),
                // 800 days on: past the record's expiry (700 days), before the licence's (3 years),
                // and the experience recorded today no longer counts in the 24-month window.
                row("asked at a later time", "valid", "certifying-staff", "A320", "line", "tech", "+800d",
                        false, "expired", "recency_lapsed"),
                row("expired and out of scope", "expired", "certifying-staff", "B777", "line", "tech", null, false,
                        "expired", "out_of_scope"));
    }

    private static Arguments row(String name, String signer, String type, String aircraft, String task, String performer,
                                 String time, boolean allowed, String... reasons) {
        return Arguments.of(name, signer, type, aircraft, task, performer, time, allowed, List.of(reasons));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void answers(String name, String signer, String type, String aircraft, String task, String performer, String time,
                 boolean allowed, List<String> reasons) {
        Map<String, Object> body = new HashMap<>(Map.of("signer", people.get(signer), "authorizationType", type,
                "aircraftType", aircraft, "taskCategory", task, "performer", people.get(performer), "account", authz.account()));
        if (time != null) {
            body.put("time", Instant.now().plus(Duration.ofDays(Long.parseLong(time.replaceAll("[^0-9]", "")))).toString());
        }
        Http.Response response = Http.postJson(authz.realm.url("/mx/signoff-check"), backendToken, body);
        assertEquals(200, response.status(), response::toString);
        assertEquals(allowed, response.json().get("allowed").asBoolean(), name + ": " + response);
        List<String> actual = new ArrayList<>();
        response.json().get("reasons").forEach(r -> actual.add(r.asText()));
        assertEquals(reasons, actual, name + ": " + response);
        assertEquals(allowed, response.json().has("authorizationId"), name);
    }

    @Test
    void theTableHasAtLeastTwelveCases() {
        assertEquals(true, table().count() >= 12);
    }

    /** The check answers for one account: its members, its records (the table's cases run in the tests' account). */
    @Test
    void onlyTheAccountsOwnRecordsOfItsMembersCount() {
        String accountB = authz.realm.createAccount("check-b", true, Map.of());
        String contractor = authz.realm.contractor(authz.account(), accountB, "check-contractor");
        authz.grant(authz.realm.userToken(authz.officer()), contractor,
                Authz.with(Authz.crs("CRS-CHECK-A"), "account", authz.accountAlias()));
        Map<String, Object> body = Map.of("signer", contractor, "authorizationType", "certifying-staff",
                "aircraftType", "A320", "taskCategory", "line");

        JsonNode inA = check(Authz.with(body, "account", authz.account()));
        assertEquals(true, inA.get("allowed").asBoolean(), inA::toString);
        assertEquals(authz.account(), inA.get("account").asText());
        // The same person and work in B: A's record is not B's to use.
        JsonNode inB = check(Authz.with(body, "account", accountB));
        assertEquals(false, inB.get("allowed").asBoolean(), inB::toString);
        assertEquals("[\"out_of_account\"]", inB.get("reasons").toString());
        assertEquals("[\"out_of_account\"]", inB.get("candidates").get(0).get("reasons").toString());
        assertTrue(inB.get("candidates").get(0).get("reference").isNull(), "A's reference is not in B's answer");

        // Removed from A (not deactivated): A's records stay, and sign nothing in A.
        assertEquals(204, Http.delete(authz.realm.adminUrl("/organizations/" + authz.account() + "/members/" + contractor),
                authz.realm.adminToken()).status());
        JsonNode removed = check(Authz.with(body, "account", authz.accountAlias()));
        assertEquals(false, removed.get("allowed").asBoolean(), removed::toString);
        assertEquals("not_a_member", removed.get("reasons").get(0).asText(), removed::toString);
    }

    @Test
    void theAccountIsRequiredAndAnUnknownOneDoesNotExist() {
        Map<String, Object> body = Map.of("signer", people.get("valid"), "authorizationType", "certifying-staff",
                "aircraftType", "A320", "taskCategory", "line");
        assertBad(body, "account");
        Http.Response unknown = Http.postJson(authz.realm.url("/mx/signoff-check"), backendToken,
                Authz.with(body, "account", "no-such-account"));
        assertEquals(404, unknown.status(), unknown::toString);
        assertEquals("not_found", unknown.json().get("error").asText());
    }

    private JsonNode check(Map<String, Object> body) {
        Http.Response response = Http.postJson(authz.realm.url("/mx/signoff-check"), backendToken, body);
        assertEquals(200, response.status(), response::toString);
        return response.json();
    }

    @Test
    void onlyHoldersOfSignoffCheckMayAsk() {
        Map<String, Object> body = Map.of("signer", people.get("valid"), "authorizationType", "certifying-staff",
                "aircraftType", "A320", "taskCategory", "line", "account", authz.account());
        assertEquals(401, Http.postJson(authz.realm.url("/mx/signoff-check"), null, body).status());
        Http.Response user = Http.postJson(authz.realm.url("/mx/signoff-check"), authz.realm.userToken(people.get("valid")), body);
        assertEquals(403, user.status(), user::toString);
        Http.Response officer = Http.postJson(authz.realm.url("/mx/signoff-check"),
                authz.realm.userToken(authz.officer()), body);
        assertEquals(403, officer.status(), officer::toString);
        // A person holding signoff:check (mapped by mistake) is not the backend either.
        String holder = authz.realm.createUser("signoff-holder", Map.of());
        authz.grantRealmRoles(holder, Authz.SIGNOFF);
        Http.Response person = Http.postJson(authz.realm.url("/mx/signoff-check"), authz.realm.userToken(holder), body);
        assertEquals(403, person.status(), person::toString);
    }

    @Test
    void badRequestsNameTheField() {
        Map<String, Object> good = Map.of("signer", people.get("valid"), "authorizationType", "certifying-staff",
                "aircraftType", "A320", "taskCategory", "line", "account", authz.account());
        assertBad(Authz.with(good, "account", null), "account");
        assertBad(Authz.with(good, "account", 42), "account");
        assertBad(Authz.with(good, "signer", null), "signer");
        assertBad(Authz.with(good, "authorizationType", "wizard"), "authorizationType");
        assertBad(Authz.with(good, "aircraftType", ""), "aircraftType");
        assertBad(Authz.with(good, "taskCategory", 7), "taskCategory");
        assertBad(Authz.with(good, "time", "yesterday"), "time");
        assertBad(Authz.with(good, "performers", "tech"), "performers");
        Http.Response notJson = Http.send("POST", authz.realm.url("/mx/signoff-check"), backendToken, "application/json", "[");
        assertEquals(400, notJson.status(), notJson::toString);
        assertEquals("body", notJson.json().get("problems").get(0).get("field").asText());
    }

    private void assertBad(Map<String, Object> body, String field) {
        Http.Response response = Http.postJson(authz.realm.url("/mx/signoff-check"), backendToken, body);
        assertEquals(400, response.status(), response::toString);
        assertEquals(field, response.json().get("problems").get(0).get("field").asText(), response::toString);
    }
}
