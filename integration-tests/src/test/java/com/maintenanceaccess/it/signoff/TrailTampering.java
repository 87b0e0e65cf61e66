package com.maintenanceaccess.it.signoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.authorization.Authz;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Realm;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The trail tamper scenario, on whichever server and database runs it (TrailTamperIT on the
 * shared H2 server, ClusterIT on PostgreSQL and MariaDB): the maintenance realm's chain is copied
 * into five scratch realms, four of the copies are tampered with straight in the database (an
 * entry edited, deleted, two swapped, the last removed), and each realm's verify endpoint then
 * names the first bad entry; the untouched copy is intact. The statements are plain SQL that H2,
 * PostgreSQL and MariaDB all accept.
 */
public final class TrailTampering {

    /** Work on the server's database, given a connection (autocommit). */
    public interface DatabaseWork {
        void run(Connection db) throws SQLException;
    }

    private static final List<String> CASES = List.of("intact", "edit", "delete", "swap", "truncate");

    private final Realm realm;
    private final Authz authz;
    private final Map<String, String> realmNames = new HashMap<>();
    private final Map<String, String> realmIds = new HashMap<>();
    private String readerToken;
    private long copied;

    public TrailTampering(Realm realm) {
        this.realm = realm;
        this.authz = new Authz(realm);
    }

    /**
     * Appends three entries to the maintenance realm's trail, creates the five scratch realms,
     * then hands the copying and tampering to {@code inDatabase}, which runs it on a connection
     * to the server's database (stopping the server first where the database needs it).
     */
    public void prepare(Consumer<DatabaseWork> inDatabase) {
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
        inDatabase.accept(db -> tamper(db, maintenanceId));
    }

    /** A copy of the chain per case, then each case's change. */
    private void tamper(Connection db, String maintenanceId) throws SQLException {
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
    }

    /** The number of entries copied into each scratch realm. */
    public long copied() {
        return copied;
    }

    /** The officer's token that read the maintenance realm's trail. */
    public String readerToken() {
        return readerToken;
    }

    public void assertIntact() {
        JsonNode result = verifyCase("intact");
        assertTrue(result.get("intact").asBoolean(), result::toString);
        assertEquals(copied, result.get("entries").asLong(), result::toString);
    }

    public void assertEditFound() {
        assertBrokenAt("edit", 2, "was altered");
    }

    public void assertDeleteFound() {
        assertBrokenAt("delete", 2, "is missing");
    }

    public void assertSwapFound() {
        assertBrokenAt("swap", 1, "does not link");
    }

    public void assertTruncateFound() {
        assertBrokenAt("truncate", copied, "entries at the end were removed");
    }

    private void assertBrokenAt(String c, long expected, String problem) {
        JsonNode result = verifyCase(c);
        assertFalse(result.get("intact").asBoolean(), result::toString);
        assertEquals(expected, result.get("firstBadSeq").asLong(), result::toString);
        assertTrue(result.get("problem").asText().contains(problem), result::toString);
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

    private static int update(Connection db, String statement, Object... parameters) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            return ps.executeUpdate();
        }
    }
}
