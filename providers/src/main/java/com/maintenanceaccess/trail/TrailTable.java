package com.maintenanceaccess.trail;

import com.maintenanceaccess.bundle.KeycloakInternals;
import com.maintenanceaccess.bundle.KeycloakStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;

/**
 * The only class that touches the trail's tables, in the request's transaction.
 *
 * <p>Why SQL of our own: the trail must live in the realm's database, in the same transaction
 * as the change it records, and outlive Keycloak's event expiry; Keycloak offers no SPI for a
 * provider's own table but Liquibase/JPA entities need {@code keycloak-model-jpa} at compile
 * time, whose 26.7.3 parent POM is not served (docs/architecture.md). So the statements go through the
 * bundle's one seam to Keycloak's JPA store ({@link KeycloakStore}, from {@code bundle/KeycloakInternals}) and
 * the tables are created at start with DDL that H2 and PostgreSQL both accept
 * ({@code CREATE TABLE IF NOT EXISTS}, VARCHAR and BIGINT only). Every statement is plain,
 * parameterised SQL.
 *
 * <p>Appends are serialised per realm by a row lock on the realm's head row (its last
 * sequence number and hash), held until the transaction ends: two appends never take the same
 * number, and a rolled-back change leaves no entry.
 */
public final class TrailTable {

    static final List<String> DDL = List.of(
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

    private static final String COLUMNS = "SEQ, ENTRY_ID, KIND, SUBJECT_ID, AT_MILLIS, BODY, PREVIOUS_HASH, ENTRY_HASH";

    /** The last entry of a realm as the head row records it (seq 0 and the genesis hash when empty). */
    public record Head(long seq, String hash) {
    }

    private final KeycloakStore store;

    public TrailTable(KeycloakSession session) {
        this.store = KeycloakInternals.store(session, "the trail");
    }

    /** Creates the tables when missing; run once at start in its own transaction. */
    public void createTables() {
        DDL.forEach(store::update);
    }

    /** Locks the realm's head row for this transaction; false if the realm has no head row yet. */
    boolean lockHead(String realmId) {
        return store.update("UPDATE MX_TRAIL_HEAD SET SEQ = SEQ WHERE REALM_ID = ?1", realmId) == 1;
    }

    /** Creates the empty head row of a realm; fails if another transaction created it first. */
    void insertHead(String realmId) {
        store.update("INSERT INTO MX_TRAIL_HEAD (REALM_ID, SEQ, ENTRY_HASH) VALUES (?1, 0, ?2)", realmId, TrailEntry.GENESIS);
    }

    public Optional<Head> head(String realmId) {
        List<Object[]> rows = store.rows("SELECT SEQ, ENTRY_HASH FROM MX_TRAIL_HEAD WHERE REALM_ID = ?1", realmId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        return Optional.of(new Head(((Number) row[0]).longValue(), (String) row[1]));
    }

    void insert(String realmId, TrailEntry e) {
        store.update("INSERT INTO MX_TRAIL_ENTRY (REALM_ID, " + COLUMNS + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                realmId, e.seq(), e.id(), e.kind(), e.subjectId(), e.atMillis(), e.body(), e.previousHash(), e.hash());
        store.update("UPDATE MX_TRAIL_HEAD SET SEQ = ?1, ENTRY_HASH = ?2 WHERE REALM_ID = ?3", e.seq(), e.hash(), realmId);
    }

    /** Entries after {@code afterSeq} in the order stored by sequence number, at most {@code max}. */
    public List<TrailEntry> page(String realmId, long afterSeq, int max) {
        return entries(store.firstRows(max, "SELECT " + COLUMNS + " FROM MX_TRAIL_ENTRY WHERE REALM_ID = ?1 AND SEQ > ?2"
                + " ORDER BY SEQ", realmId, afterSeq));
    }

    /**
     * Entries of the given kinds, optionally of one subject and within {@code [fromMillis, toMillis)},
     * newest first.
     */
    public List<TrailEntry> find(String realmId, List<String> kinds, String subjectId, Long fromMillis, Long toMillis,
                                 int max) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM MX_TRAIL_ENTRY WHERE REALM_ID = "
                + parameter(parameters, realmId) + " AND KIND IN (");
        sql.append(String.join(", ", kinds.stream().map(kind -> parameter(parameters, kind)).toList())).append(')');
        if (subjectId != null) {
            sql.append(" AND SUBJECT_ID = ").append(parameter(parameters, subjectId));
        }
        if (fromMillis != null) {
            sql.append(" AND AT_MILLIS >= ").append(parameter(parameters, fromMillis));
        }
        if (toMillis != null) {
            sql.append(" AND AT_MILLIS < ").append(parameter(parameters, toMillis));
        }
        return entries(store.firstRows(max, sql.append(" ORDER BY SEQ DESC").toString(), parameters.toArray()));
    }

    public Optional<TrailEntry> byId(String realmId, String entryId) {
        return entries(store.rows("SELECT " + COLUMNS + " FROM MX_TRAIL_ENTRY WHERE REALM_ID = ?1 AND ENTRY_ID = ?2",
                realmId, entryId)).stream().findFirst();
    }

    /** Whether a token id was presented before; a first use is remembered in this transaction. */
    public boolean useProof(String realmId, String jti, long nowMillis) {
        Number seen = (Number) store.rows("SELECT COUNT(*) FROM MX_SIGNOFF_PROOF WHERE REALM_ID = ?1 AND JTI = ?2",
                realmId, jti).get(0)[0];
        if (seen.longValue() > 0) {
            return false;
        }
        store.update("INSERT INTO MX_SIGNOFF_PROOF (REALM_ID, JTI, USED_MILLIS) VALUES (?1, ?2, ?3)", realmId, jti, nowMillis);
        return true;
    }

    /** Adds a parameter; its placeholder, numbered in order. */
    private static String parameter(List<Object> parameters, Object value) {
        parameters.add(value);
        return "?" + parameters.size();
    }

    private static List<TrailEntry> entries(List<Object[]> rows) {
        return rows.stream().map(row -> new TrailEntry(((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                (String) row[3], ((Number) row[4]).longValue(), (String) row[5], (String) row[6], (String) row[7])).toList();
    }

}
