package com.maintenanceaccess.it.authorization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.support.Http;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Expiring, expired and the roster, realm-wide, as compliance and auditors see them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplianceViewsIT {

    private final Authz authz = new Authz();
    private final Map<String, String> refs = new HashMap<>();
    private String auditorToken;

    @BeforeAll
    void setUp() {
        String officerToken = authz.realm.userToken(authz.officer());
        Instant now = Instant.now();
        grant(officerToken, "in5days", Authz.with(Authz.crs(ref("in5days")), "expiry", now.plus(Duration.ofDays(5)).toString()));
        grant(officerToken, "in40days", Authz.with(Authz.crs(ref("in40days")), "expiry", now.plus(Duration.ofDays(40)).toString()));
        grant(officerToken, "expired", Authz.with(Authz.with(Authz.crs(ref("expired")), "effective", "2024-01-01T00:00:00Z"),
                "expiry", now.minus(Duration.ofDays(2)).toString()));
        String revoked = grant(officerToken, "revoked", Authz.with(Authz.crs(ref("revoked")), "expiry",
                now.plus(Duration.ofDays(5)).toString()));
        authz.action(officerToken, revoked, authz.list(officerToken, revoked).get(0).get("id").asText(), "revoke", "left");
        String suspended = grant(officerToken, "suspended", Authz.crs(ref("suspended")));
        authz.action(officerToken, suspended, authz.list(officerToken, suspended).get(0).get("id").asText(), "suspend", "audit");
        grant(officerToken, "future", Authz.with(Authz.with(Authz.crs(ref("future")), "effective", "2030-01-01T00:00:00Z"),
                "expiry", "2031-01-01T00:00:00Z"));
        grant(officerToken, "support", Authz.with(Authz.with(Authz.crs(ref("support")), "type", "support-staff"),
                "licence", Map.of("authority", "EASA", "number", "2", "category", "B2", "expiry", "2030-01-01")));
        grant(officerToken, "crs-valid", Authz.crs(ref("crs-valid")));
        auditorToken = authz.realm.userToken(authz.auditor());
    }

    private String ref(String key) {
        return refs.computeIfAbsent(key, k -> ("VIEW-" + k + "-" + Long.toString(System.nanoTime(), 36)).toUpperCase());
    }

    private String grant(String officerToken, String key, Map<String, Object> body) {
        String person = authz.person("view-" + key);
        authz.grant(officerToken, person, body);
        return person;
    }

    private Set<String> references(JsonNode rows) {
        Set<String> mine = new HashSet<>();
        rows.forEach(row -> {
            String reference = row.get("authorization").get("reference").asText();
            if (refs.containsValue(reference)) {
                mine.add(reference);
            }
        });
        return mine;
    }

    private JsonNode get(String path) {
        Http.Response response = Http.get(authz.realm.url("/mx/authorizations/" + path), auditorToken);
        assertEquals(200, response.status(), response::toString);
        return response.json();
    }

    @Test
    void expiringListsOnlyRecordsEndingInsideTheWindowSoonestFirst() {
        assertEquals(Set.of(ref("in5days")), references(get("expiring?days=10&max=500")));
        assertEquals(Set.of(ref("in5days"), ref("in40days")), references(get("expiring?days=60&max=500")));
        JsonNode rows = get("expiring?days=60&max=500");
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i - 1).get("validUntil").asText().compareTo(rows.get(i).get("validUntil").asText()) <= 0);
        }
        assertEquals(1, get("expiring?days=60&max=1").size(), "pages");
    }

    @Test
    void expiredListsRecordsWhoseValidityEndedButNotRevokedOnes() {
        Set<String> expired = references(get("expired?max=500"));
        assertTrue(expired.contains(ref("expired")), expired::toString);
        assertFalse(expired.contains(ref("revoked")));
        assertFalse(expired.contains(ref("crs-valid")));
        get("expired?max=500").forEach(row -> assertTrue(
                Instant.parse(row.get("validUntil").asText()).isBefore(Instant.now()), row::toString));
    }

    @Test
    void theRosterListsExactlyTheValidCertifyingStaffAsJsonAndCsv() {
        JsonNode roster = get("roster");
        assertEquals("certifying-staff", roster.get("type").asText());
        Set<String> mine = new HashSet<>();
        roster.get("entries").forEach(entry -> {
            assertEquals("certifying-staff", entry.get("type").asText());
            assertTrue(Instant.parse(entry.get("expiry").asText()).isAfter(Instant.now()), entry::toString);
            assertTrue(Instant.parse(entry.get("effective").asText()).isBefore(Instant.now()), entry::toString);
            if (refs.containsValue(entry.get("reference").asText())) {
                mine.add(entry.get("reference").asText());
            }
        });
        assertEquals(Set.of(ref("crs-valid"), ref("in5days"), ref("in40days")), mine);
        assertEquals(roster.get("entries").size(), roster.get("count").asInt());

        Http.Response csv = Http.get(authz.realm.url("/mx/authorizations/roster?format=csv"), auditorToken);
        assertEquals(200, csv.status(), csv::toString);
        assertTrue(csv.header("Content-Type").startsWith("text/csv"), csv.header("Content-Type"));
        String[] lines = csv.body().split("\r\n");
        assertTrue(lines[0].startsWith("\"username\",\"firstName\",\"lastName\",\"email\",\"type\",\"reference\""), lines[0]);
        assertEquals(roster.get("entries").size() + 1, lines.length);
        long rows = java.util.Arrays.stream(lines).filter(l -> l.contains(ref("crs-valid"))).count();
        assertEquals(1, rows);
        assertTrue(csv.body().contains("\"A320-family\",\"line base ATA-32\",\"LHR\""), csv.body());
        assertFalse(csv.body().contains(ref("suspended")));
        assertFalse(csv.body().contains(ref("support")));

        JsonNode support = get("roster?type=support-staff");
        assertTrue(support.toString().contains(ref("support")));
    }

    @Test
    void recordsThatArriveByImportAreFoundAfterAReindex() {
        String reference = ref("imported");
        String username = "view-imported-" + Long.toString(System.nanoTime(), 36);
        String value = ConsoleWriteIT.compact("imported-1", reference, "B737").replaceFirst("\"exp\":\"[^\"]+\"",
                "\"exp\":\"" + Instant.now().plus(Duration.ofDays(3)) + "\"");
        Http.Response imported = Http.postJson(authz.realm.adminUrl("/partialImport"), authz.realm.adminToken(), Map.of(
                "ifResourceExists", "FAIL", "users", java.util.List.of(Map.of("username", username, "enabled", true,
                        "email", username + "@mro.example", "firstName", "I", "lastName", "I",
                        "attributes", Map.of("mx_authorizations", java.util.List.of(value))))));
        assertEquals(200, imported.status(), imported::toString);
        assertFalse(references(get("expiring?days=10&max=500")).contains(reference), "an import writes no index");

        assertEquals(403, Http.postJson(authz.realm.url("/mx/authorizations/reindex"), auditorToken, Map.of()).status());
        Http.Response reindex = Http.postJson(authz.realm.url("/mx/authorizations/reindex"),
                authz.realm.userToken(authz.officer()), Map.of());
        assertEquals(200, reindex.status(), reindex::toString);
        assertTrue(reindex.json().get("users").asInt() >= 1, reindex::toString);
        assertTrue(references(get("expiring?days=10&max=500")).contains(reference));
    }

    @Test
    void badParametersAreRefusedNamingTheParameter() {
        for (String[] bad : new String[][] {{"expiring?days=abc", "days"}, {"expiring?days=0", "days"},
                {"expiring?max=100000", "max"}, {"expired?first=-1", "first"}, {"roster?format=xml", "format"},
                {"roster?type=wizard", "type"}}) {
            Http.Response response = Http.get(authz.realm.url("/mx/authorizations/" + bad[0]), auditorToken);
            assertEquals(400, response.status(), bad[0] + ": " + response);
            assertEquals(bad[1], response.json().get("problems").get(0).get("field").asText(), bad[0]);
        }
    }

    @Test
    void onlyHoldersOfTheViewPermissionSeeTheViews() {
        String accountAdminToken = authz.realm.userToken(authz.accountAdmin());
        for (String path : new String[] {"expiring?days=30", "expired", "roster", "roster?format=csv"}) {
            assertEquals(403, Http.get(authz.realm.url("/mx/authorizations/" + path), accountAdminToken).status(), path);
            assertEquals(401, Http.get(authz.realm.url("/mx/authorizations/" + path), null).status(), path);
        }
    }
}
