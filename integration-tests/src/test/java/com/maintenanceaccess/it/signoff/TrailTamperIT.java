package com.maintenanceaccess.it.signoff;

import static com.maintenanceaccess.it.support.ServerDatabase.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.maintenanceaccess.it.support.KeycloakServer;
import com.maintenanceaccess.it.authorization.Authz;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Realm;
import com.maintenanceaccess.it.support.ServerDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The trail detects what someone with database access does behind the server's back: an entry
 * edited, deleted, two entries swapped, the last entry removed. The maintenance realm's chain
 * is copied into five scratch realms, four of the copies are tampered with, straight in the
 * database files (the shared server stopped for it, H2 locks its files), and after the restart
 * each realm's verify endpoint names the first bad entry; the untouched copy is intact. The
 * export carries the chain: the offline check (a separate java process) accepts it as exported
 * and names the entry changed in the file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrailTamperIT {

    private static final List<String> CASES = List.of("intact", "edit", "delete", "swap", "truncate");

    private final Realm realm = Realm.maintenance();
    private final Authz authz = new Authz(realm);
    private final Map<String, String> realmNames = new HashMap<>();
    private final Map<String, String> realmIds = new HashMap<>();
    private String readerToken;
    private long copied;

    @BeforeAll
    void setUp() {
        readerToken = realm.userToken(authz.officer());
        String person = authz.person("trail-person");
        // Three authorization changes: three trail entries appended in their requests' transactions.
        authz.grant(readerToken, person, Authz.crs("CRS-TRAIL-1"));
        authz.grant(readerToken, person, Authz.crs("CRS-TRAIL-2"));
        authz.grant(readerToken, person, Authz.crs("CRS-TRAIL-3"));
        JsonNode intact = verify(Realm.NAME, readerToken);
        assertTrue(intact.get("intact").asBoolean(), intact::toString);
        copied = intact.get("head").get("seq").asLong();
        assertTrue(copied >= 3, "entries to work on: " + intact);
        String maintenanceId = realm.adminGet("").get("id").asText();
        for (String c : CASES) {
            String name = "mx-trail-" + c + "-" + UUID.randomUUID().toString().substring(0, 6);
            Http.Response created = Http.postJson(realm.server().baseUrl() + "/admin/realms", realm.adminToken(), Map.of(
                    "realm", name, "enabled", true,
                    // The trail spans the realm's accounts: its reader is a realm-wide auditor
                    // (view-users and personnel-authorizations:view, docs/security-model.md).
                    "roles", Map.of("realm", List.of(Map.of("name", "personnel-authorizations:view"))),
                    "clients", List.of(Map.of("clientId", Realm.TEST_CLIENT, "secret", Realm.TEST_CLIENT_SECRET,
                            "publicClient", false, "directAccessGrantsEnabled", true, "standardFlowEnabled", false)),
                    "users", List.of(Map.of("username", "reader", "enabled", true, "email", "reader@mro.example",
                            "emailVerified", true, "firstName", "Re", "lastName", "Ader",
                            "credentials", List.of(Map.of("type", "password", "value", Realm.TEST_PASSWORD, "temporary", false)),
                            "realmRoles", List.of("personnel-authorizations:view"),
                            "clientRoles", Map.of("realm-management", List.of("view-users"))))));
            assertEquals(201, created.status(), created::toString);
            realmNames.put(c, name);
            realmIds.put(c, Http.get(realm.server().baseUrl() + "/admin/realms/" + name, realm.adminToken()).json()
                    .get("id").asText());
        }
        KeycloakServer.whileSharedStopped(() -> tamper(maintenanceId));
    }

    /** In the stopped server's database: a copy of the chain per case, then each case's change. */
    private void tamper(String maintenanceId) {
        try (Connection db = ServerDatabase.connect()) {
            for (String c : CASES) {
                String id = realmIds.get(c);
                update(db, "INSERT INTO MX_TRAIL_ENTRY (REALM_ID, SEQ, ENTRY_ID, KIND, SUBJECT_ID, AT_MILLIS, BODY,"
                        + " PREVIOUS_HASH, ENTRY_HASH) SELECT ?, SEQ, ENTRY_ID, KIND, SUBJECT_ID, AT_MILLIS, BODY, PREVIOUS_HASH,"
                        + " ENTRY_HASH FROM MX_TRAIL_ENTRY WHERE REALM_ID = ? AND SEQ <= ?", id, maintenanceId, copied);
                update(db, "INSERT INTO MX_TRAIL_HEAD (REALM_ID, SEQ, ENTRY_HASH) SELECT ?, SEQ, ENTRY_HASH FROM MX_TRAIL_ENTRY"
                        + " WHERE REALM_ID = ? AND SEQ = ?", id, maintenanceId, copied);
            }
            assertEquals(1, update(db, "UPDATE MX_TRAIL_ENTRY SET BODY = CONCAT(BODY, ' ') WHERE REALM_ID = ? AND SEQ = 2",
                    realmIds.get("edit")));
            assertEquals(1, update(db, "DELETE FROM MX_TRAIL_ENTRY WHERE REALM_ID = ? AND SEQ = 2", realmIds.get("delete")));
            String swap = realmIds.get("swap");
            update(db, "UPDATE MX_TRAIL_ENTRY SET SEQ = -1 WHERE REALM_ID = ? AND SEQ = 1", swap);
            update(db, "UPDATE MX_TRAIL_ENTRY SET SEQ = 1 WHERE REALM_ID = ? AND SEQ = 2", swap);
            update(db, "UPDATE MX_TRAIL_ENTRY SET SEQ = 2 WHERE REALM_ID = ? AND SEQ = -1", swap);
            assertEquals(1, update(db, "DELETE FROM MX_TRAIL_ENTRY WHERE REALM_ID = ? AND SEQ = ?", realmIds.get("truncate"), copied));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode verify(String realmName, String token) {
        Http.Response verify = Http.get(realm.server().baseUrl() + "/realms/" + realmName + "/mx/trail/verify", token);
        assertEquals(200, verify.status(), verify::toString);
        return verify.json();
    }

    private JsonNode verifyCase(String c) {
        String name = realmNames.get(c);
        Http.Response token = Http.postForm(realm.server().baseUrl() + "/realms/" + name + "/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", Realm.TEST_CLIENT, "client_secret", Realm.TEST_CLIENT_SECRET,
                        "username", "reader", "password", Realm.TEST_PASSWORD));
        assertEquals(200, token.status(), token::toString);
        return verify(name, token.json().get("access_token").asText());
    }

    private void assertBrokenAt(String c, long expected, String problem) {
        JsonNode result = verifyCase(c);
        assertFalse(result.get("intact").asBoolean(), result::toString);
        assertEquals(expected, result.get("firstBadSeq").asLong(), result::toString);
        assertTrue(result.get("problem").asText().contains(problem), result::toString);
    }

    @Test
    void anUntouchedCopyIsIntact() {
        JsonNode result = verifyCase("intact");
        assertTrue(result.get("intact").asBoolean(), result::toString);
        assertEquals(copied, result.get("entries").asLong(), result::toString);
    }

    @Test
    void anEditedEntryIsFound() {
        assertBrokenAt("edit", 2, "was altered");
    }

    @Test
    void aDeletedEntryIsFound() {
        assertBrokenAt("delete", 2, "is missing");
    }

    @Test
    void swappedEntriesAreFound() {
        assertBrokenAt("swap", 1, "does not link");
    }

    @Test
    void aRemovedLastEntryIsFound() {
        assertBrokenAt("truncate", copied, "entries at the end were removed");
    }

    @Test
    void anExportIsVerifiedOfflineAndAnEditInTheFileIsFound() throws Exception {
        Http.Response export = Http.get(realm.url("/mx/trail/export"), readerToken);
        assertEquals(200, export.status(), export::toString);
        assertEquals(200, export.status(), export::toString);
        Path file = Files.createTempFile("trail-", ".json");
        Files.writeString(file, export.body());
        OfflineTrailCheck.Result intact = offlineCheck(file);
        assertEquals(0, intact.exit(), intact.output());
        assertTrue(intact.output().startsWith("intact: "), intact.output());

        ObjectNode root = (ObjectNode) Http.JSON.readTree(export.body());
        ObjectNode second = (ObjectNode) root.get("entries").get(1);
        second.put("body", second.get("body").asText() + " ");
        Files.writeString(file, Http.JSON.writeValueAsString(root));
        OfflineTrailCheck.Result broken = offlineCheck(file);
        assertEquals(1, broken.exit(), broken.output());
        assertTrue(broken.output().startsWith("BROKEN at entry 2: "), broken.output());
    }

    private OfflineTrailCheck.Result offlineCheck(Path file) throws IOException, InterruptedException {
        return OfflineTrailCheck.run(realm.server(), file);
    }
}
