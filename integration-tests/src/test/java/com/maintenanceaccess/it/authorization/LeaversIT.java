package com.maintenanceaccess.it.authorization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Realm;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, items 1–4 and 13: leavers are never allowed at signoff nor on the roster of current
 * staff, their records cannot be deleted with the user, one rule decides "valid" everywhere
 * (recency included), and the CSV and query answers hold against hostile input.
 */
class LeaversIT {


    private final Authz authz = new Authz();
    private final Realm realm = authz.realm;
    private String officerToken;
    private String managerToken;

    @BeforeEach
    void setUp() {
        officerToken = realm.userToken(authz.officer());
        String manager = realm.createUser("leaver-manager", Map.of());
        realm.grantRealmManagement(manager, "manage-users", "view-users");
        managerToken = realm.userToken(manager);
    }

    @Test
    void aDeactivatedOrDisabledHolderIsNeverAllowedAndLeavesTheRosterForFormerStaff() {
        String deactivated = authz.person("leaver-deact");
        authz.grant(officerToken, deactivated, Authz.crs(reference()));
        String disabled = authz.person("leaver-disabled");
        authz.grant(officerToken, disabled, Authz.crs(reference()));
        assertTrue(signoff(deactivated).get("allowed").asBoolean(), "allowed while employed");
        assertTrue(rosterIds("current").contains(deactivated));

        Http.Response off = Http.postJson(realm.url("/mx/users/" + deactivated + "/deactivate"), managerToken,
                Map.of("reason", "left the company"));
        assertEquals(200, off.status(), off::toString);
        assertEquals(204, Http.putJson(realm.adminUrl("/users/" + disabled), realm.adminToken(),
                Map.of("enabled", false)).status());

        for (String leaver : List.of(deactivated, disabled)) {
            JsonNode answer = signoff(leaver);
            assertFalse(answer.get("allowed").asBoolean(), answer::toString);
            assertTrue(answer.get("reasons").toString().contains("user_disabled"), answer::toString);
        }
        List<String> current = rosterIds("current");
        assertFalse(current.contains(deactivated), "a leaver is not current staff");
        assertFalse(current.contains(disabled));
        List<String> former = rosterIds("former");
        assertTrue(former.contains(deactivated), former::toString);
        assertTrue(former.contains(disabled), former::toString);
    }

    @Test
    void aLapsedRecencyIsNotValidInTheRosterTheTokenOrTheRecordList() {
        String lapsed = authz.person("leaver-lapsed");
        Map<String, Object> record = Authz.crs(reference());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        record.put("experience", List.of(Map.of("from", today.minusYears(5).toString(), "to", today.minusYears(4).toString())));
        authz.grant(officerToken, lapsed, record);

        JsonNode answer = signoff(lapsed);
        assertTrue(answer.get("reasons").toString().contains("recency_lapsed"), answer::toString);
        assertFalse(rosterIds("current").contains(lapsed), "the roster agrees with the signoff check");
        assertEquals(0, authz.mxAuth(lapsed).size(), "mx_auth agrees with the signoff check");
        JsonNode listed = authz.list(officerToken, lapsed).get(0);
        assertFalse(listed.get("usableAtSignoff").asBoolean(), listed::toString);
        assertTrue(listed.get("unusableBecause").toString().contains("recency_lapsed"), listed::toString);

        String fresh = authz.person("leaver-fresh");
        authz.grant(officerToken, fresh, Authz.crs(reference()));
        assertEquals(1, authz.mxAuth(fresh).size(), "a usable record is in the token");
        assertTrue(authz.list(officerToken, fresh).get(0).get("usableAtSignoff").asBoolean());
    }

    @Test
    void deletingAPersonWithRecordsIsRefusedAndNothingIsLost() {
        String holder = authz.person("leaver-delete");
        authz.grant(officerToken, holder, Authz.crs(reference()));

        Http.Response refused = Http.delete(realm.adminUrl("/users/" + holder), managerToken);
        assertEquals(409, refused.status(), refused::toString);
        assertTrue(refused.body().contains("deactivate"), refused::toString);
        assertTrue(refused.body().contains("Nothing was changed."), refused::toString);
        assertEquals(200, Http.get(realm.adminUrl("/users/" + holder), realm.adminToken()).status());
        assertEquals(1, authz.list(officerToken, holder).size(), "the records are still there");

        Http.Response byRealmAdmin = Http.delete(realm.adminUrl("/users/" + holder), realm.adminToken());
        assertEquals(409, byRealmAdmin.status(), "no user manager may erase records: " + byRealmAdmin);

        String plain = realm.createUser("leaver-plain", Map.of());
        assertEquals(204, Http.delete(realm.adminUrl("/users/" + plain), managerToken).status(),
                "a person without records or history can be deleted");
    }

    @Test
    void rosterCellsThatASpreadsheetWouldRunAreNeutralisedAndReportPagingIsValidated() {
        String person = authz.person("leaver-csv");
        authz.grant(officerToken, person, Authz.with(Authz.crs(reference()), "limitations", "\t=HYPERLINK(\"x\")"));
        Http.Response csv = Http.get(realm.url("/mx/authorizations/roster?format=csv"), officerToken);
        assertEquals(200, csv.status(), csv::toString);
        assertTrue(csv.body().contains("\"'\t=HYPERLINK(\"\"x\"\")\""), csv.body());

        String viewer = realm.createUser("leaver-viewer", Map.of());
        realm.grantRealmManagement(viewer, "view-users");
        for (String query : List.of("max=abc", "first=x", "inactiveDays=1.5")) {
            Http.Response bad = Http.get(realm.url("/mx/access/report?" + query), realm.userToken(viewer));
            assertEquals(400, bad.status(), query + ": " + bad);
            assertTrue(bad.body().contains(query.substring(0, query.indexOf('='))), bad::toString);
        }
    }

    @Test
    void theBundlesEventsCanBeFilteredByKeycloaksOwnResourceType() {
        String person = authz.person("leaver-events");
        authz.grant(officerToken, person, Authz.crs(reference()));
        Http.Response events = Http.get(realm.adminUrl("/admin-events?resourceTypes=CUSTOM&max=200"), realm.adminToken());
        assertEquals(200, events.status(), events::toString);
        boolean found = false;
        for (JsonNode event : events.json()) {
            assertEquals("CUSTOM", event.get("resourceType").asText());
            if (event.path("resourcePath").asText().startsWith("users/" + person + "/authorizations/")) {
                assertEquals("MX_PERSONNEL_AUTHORIZATION", event.path("details").path("mx_kind").asText(), event::toString);
                found = true;
            }
        }
        assertTrue(found, "the grant is among the CUSTOM events");
    }

    // ------------------------------------------------------------------ helpers

    private JsonNode signoff(String signer) {
        Http.Response response = Http.postJson(realm.url("/mx/signoff-check"), authz.backendToken(), Map.of(
                "signer", signer, "authorizationType", "certifying-staff", "aircraftType", "A320",
                "taskCategory", "line", "performer", "someone-else", "account", authz.account()));
        assertEquals(200, response.status(), response::toString);
        return response.json();
    }

    private List<String> rosterIds(String staff) {
        Http.Response response = Http.get(realm.url("/mx/authorizations/roster?staff=" + staff), officerToken);
        assertEquals(200, response.status(), response::toString);
        List<String> ids = new ArrayList<>();
        response.json().get("entries").forEach(e -> ids.add(e.get("userId").asText()));
        return ids;
    }

    private static String reference() {
        return ("CRS-" + UUID.randomUUID().toString().substring(0, 8)).toUpperCase(java.util.Locale.ROOT);
    }
}
