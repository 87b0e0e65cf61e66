package com.maintenanceaccess.it.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.authorization.Authz;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Realm;
import com.maintenanceaccess.it.support.ServerDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A database of release 0.1 upgrades in place. Release 0.1 created the bundle's tables with
 * its own DDL at every start ({@link #RELEASE_0_1_DDL}, copied here from that release's
 * {@code trail/TrailTable}) and kept no changelog; this release has Keycloak's Liquibase create
 * them ({@code bundle/storage}). The shared server's database is turned into release 0.1's: its
 * trail rows are kept, the tables are dropped with the changelog's record and created again by
 * the old DDL, the rows put back. Started on it, the server adopts the tables (each change set
 * marked as ran, none executed; tables added later are created), the trail still verifies with the same head, and the next
 * change appends to it.
 */
public final class BundleTablesUpgrade implements UpgradeScenario {

    /** Release 0.1's statements, exactly as it ran them at start (H2 and PostgreSQL). */
    public static final List<String> RELEASE_0_1_DDL = List.of(
            "CREATE TABLE IF NOT EXISTS MX_TRAIL_ENTRY (REALM_ID VARCHAR(36) NOT NULL, SEQ BIGINT NOT NULL,"
                    + " ENTRY_ID VARCHAR(36) NOT NULL, KIND VARCHAR(40) NOT NULL, SUBJECT_ID VARCHAR(255),"
                    + " AT_MILLIS BIGINT NOT NULL, BODY VARCHAR(100000) NOT NULL, PREVIOUS_HASH VARCHAR(64) NOT NULL,"
                    + " ENTRY_HASH VARCHAR(64) NOT NULL, PRIMARY KEY (REALM_ID, SEQ))",
            "CREATE INDEX IF NOT EXISTS MX_TRAIL_KIND_AT ON MX_TRAIL_ENTRY (REALM_ID, KIND, AT_MILLIS)",
            "CREATE INDEX IF NOT EXISTS MX_TRAIL_SUBJECT ON MX_TRAIL_ENTRY (REALM_ID, SUBJECT_ID)",
            "CREATE TABLE IF NOT EXISTS MX_TRAIL_HEAD (REALM_ID VARCHAR(36) NOT NULL PRIMARY KEY, SEQ BIGINT NOT NULL,"
                    + " ENTRY_HASH VARCHAR(64) NOT NULL)",
            "CREATE TABLE IF NOT EXISTS MX_SIGNOFF_PROOF (REALM_ID VARCHAR(36) NOT NULL, JTI VARCHAR(255) NOT NULL,"
                    + " USED_MILLIS BIGINT NOT NULL, PRIMARY KEY (REALM_ID, JTI))");

    private static final List<String> TABLES = List.of("MX_TRAIL_ENTRY", "MX_TRAIL_HEAD", "MX_SIGNOFF_PROOF");
    private static final String CHANGELOG = "DATABASECHANGELOG_MX_TABLES";
    private static final int CHANGE_SETS = 5;
    /**
     * Tables added after release 0.1 (issue 23: the used signoff authentications and the approvals;
     * issue 26: the provisioning tokens; issue 25: notices and access reviews) and their change sets:
     * release 0.1's database has none of them, so they are dropped too and created by the upgrade
     * (executed, not marked as ran).
     */
    private static final List<String> LATER_TABLES = List.of("MX_SIGNOFF_AUTHENTICATION", "MX_SCIM_TOKEN", "MX_APPROVAL",
            "MX_NOTICE", "MX_ACCESS_REVIEW_ITEM", "MX_ACCESS_REVIEW");
    private static final int LATER_CHANGE_SETS = 5;

    private final Realm realm = Realm.maintenance();
    private final Authz authz = new Authz(realm);

    private String person;
    private JsonNode before;
    private long seq;
    private final List<String> executedOnAFreshDatabase = new ArrayList<>();
    private final List<String> exec = new ArrayList<>();

    @Override
    public void prepare() {
        String officerToken = realm.userToken(authz.officer());
        person = authz.person("upgrade-person");
        authz.grant(officerToken, person, Authz.crs("CRS-UPGRADE-1"));
        authz.grant(officerToken, person, Authz.crs("CRS-UPGRADE-2"));
        before = verify(officerToken);
        assertTrue(before.get("intact").asBoolean(), before::toString);
        seq = before.get("head").get("seq").asLong();
    }

    @Override
    public void writeOlderRelease() {
        executedOnAFreshDatabase.addAll(toRelease01());
    }

    @Override
    public void checkUpgraded() {
        assertEquals(CHANGE_SETS + LATER_CHANGE_SETS, executedOnAFreshDatabase.size(),
                "this build created the tables: " + executedOnAFreshDatabase);

        // Started on release 0.1's tables: the same chain, intact, with the same head.
        String token = realm.userToken(authz.officer());
        JsonNode after = verify(token);
        assertTrue(after.get("intact").asBoolean(), after::toString);
        assertEquals(seq, after.get("head").get("seq").asLong(), after::toString);
        assertEquals(before.get("head").get("hash").asText(), after.get("head").get("hash").asText(), after::toString);
        assertEquals(seq, after.get("entries").asLong(), after::toString);

        // The next change appends to the adopted tables.
        authz.grant(token, person, Authz.crs("CRS-UPGRADE-3"));
        JsonNode appended = verify(token);
        assertTrue(appended.get("intact").asBoolean(), appended::toString);
        assertEquals(seq + 1, appended.get("head").get("seq").asLong(), appended::toString);
    }

    @Override
    public void whileStoppedAgain() {
        exec.addAll(execTypes());
    }

    @Override
    public void checkNextStart() {
        // Liquibase found every table and index of release 0.1 there: each of its change sets marked
        // as ran, none executed; the later ones executed.
        List<String> expected = new ArrayList<>(Collections.nCopies(CHANGE_SETS, "MARK_RAN"));
        expected.addAll(Collections.nCopies(LATER_CHANGE_SETS, "EXECUTED"));
        assertEquals(expected, exec);
    }

    private JsonNode verify(String token) {
        Http.Response verify = Http.get(realm.url("/mx/trail/verify"), token);
        assertEquals(200, verify.status(), verify::toString);
        return verify.json();
    }

    /**
     * Release 0.1's database, from this one: rows kept, tables and changelog record dropped,
     * tables created by the old DDL, rows back. Returns the ids of the change sets the
     * changelog had executed.
     */
    private static List<String> toRelease01() {
        try (Connection db = ServerDatabase.connect(); Statement statement = db.createStatement()) {
            List<String> executed = column(db, "SELECT ID FROM " + CHANGELOG + " WHERE EXECTYPE = 'EXECUTED' ORDER BY ORDEREXECUTED");
            List<List<Object[]>> rows = new ArrayList<>();
            for (String table : TABLES) {
                rows.add(rows(db, table));
            }
            assertTrue(rows.get(0).size() >= 2, "trail entries to keep: " + rows.get(0).size());
            for (String table : TABLES) {
                statement.execute("DROP TABLE " + table);
            }
            for (String table : LATER_TABLES) {
                statement.execute("DROP TABLE " + table);
            }
            statement.execute("DROP TABLE " + CHANGELOG);
            for (String ddl : RELEASE_0_1_DDL) {
                statement.execute(ddl);
            }
            for (int t = 0; t < TABLES.size(); t++) {
                insert(db, TABLES.get(t), rows.get(t));
            }
            return executed;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> execTypes() {
        try (Connection db = ServerDatabase.connect()) {
            return column(db, "SELECT EXECTYPE FROM " + CHANGELOG + " ORDER BY ORDEREXECUTED");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every row of a table with its columns in {@link #columns} order. */
    private static List<Object[]> rows(Connection db, String table) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (Statement statement = db.createStatement();
             ResultSet result = statement.executeQuery("SELECT " + String.join(", ", columns(table)) + " FROM " + table)) {
            int n = result.getMetaData().getColumnCount();
            while (result.next()) {
                Object[] row = new Object[n];
                for (int i = 0; i < n; i++) {
                    row[i] = result.getObject(i + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static void insert(Connection db, String table, List<Object[]> rows) throws SQLException {
        List<String> columns = columns(table);
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        try (PreparedStatement insert = db.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    insert.setObject(i + 1, row[i]);
                }
                insert.executeUpdate();
            }
        }
    }

    private static List<String> columns(String table) {
        return switch (table) {
            case "MX_TRAIL_ENTRY" -> List.of("REALM_ID", "SEQ", "ENTRY_ID", "KIND", "SUBJECT_ID", "AT_MILLIS", "BODY",
                    "PREVIOUS_HASH", "ENTRY_HASH");
            case "MX_TRAIL_HEAD" -> List.of("REALM_ID", "SEQ", "ENTRY_HASH");
            case "MX_SIGNOFF_PROOF" -> List.of("REALM_ID", "JTI", "USED_MILLIS");
            default -> throw new IllegalArgumentException(table);
        };
    }

    private static List<String> column(Connection db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }
}
