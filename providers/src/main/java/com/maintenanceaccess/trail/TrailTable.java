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
 * <p>The tables are the bundle's own, created and migrated by Keycloak on whichever database it
 * runs on, from the changelog of {@code bundle/storage} ({@code JpaEntityProvider}). The trail
 * must live in the realm's database, in the same transaction as the change it records, and
 * outlive Keycloak's event expiry. Its statements stay plain, parameterised SQL through the
 * bundle's one seam to Keycloak's JPA store ({@link KeycloakStore}), not entity operations:
 * every write reaches the database when it is made (nothing waits in Keycloak's persistence
 * context for a flush, nothing there is dropped by a {@code clear()}), a long verification
 * loads no managed entities, and the statements are the ones tested on H2, PostgreSQL and
 * MariaDB (docs/architecture.md, "The bundle's tables").
 *
 * <p>Appends are serialised per realm by a row lock on the realm's head row (its last sequence
 * number and hash), taken by a locking read ({@code SELECT ... FOR UPDATE}) and held until the
 * transaction ends: the read returns the latest committed head even where the transaction reads
 * a snapshot otherwise (MariaDB's and MySQL's REPEATABLE READ), two appends never take the same
 * number, and a rolled-back change leaves no entry.
 */
public final class TrailTable {

    private static final String COLUMNS = "SEQ, ENTRY_ID, KIND, SUBJECT_ID, AT_MILLIS, BODY, PREVIOUS_HASH, ENTRY_HASH";

    /** The last entry of a realm as the head row records it (seq 0 and the genesis hash when empty). */
    public record Head(long seq, String hash) {
    }

    private final KeycloakStore store;

    public TrailTable(KeycloakSession session) {
        this.store = KeycloakInternals.store(session, "the trail");
    }

    /**
     * Locks the realm's head row for this transaction and reads it; empty if the realm has no
     * head row yet.
     */
    Optional<Head> lockHead(String realmId) {
        return head(store.rows("SELECT SEQ, ENTRY_HASH FROM MX_TRAIL_HEAD WHERE REALM_ID = ?1 FOR UPDATE", realmId));
    }

    /** Creates the empty head row of a realm; fails if another transaction created it first. */
    void insertHead(String realmId) {
        store.update("INSERT INTO MX_TRAIL_HEAD (REALM_ID, SEQ, ENTRY_HASH) VALUES (?1, 0, ?2)", realmId, TrailEntry.GENESIS);
    }

    public Optional<Head> head(String realmId) {
        return head(store.rows("SELECT SEQ, ENTRY_HASH FROM MX_TRAIL_HEAD WHERE REALM_ID = ?1", realmId));
    }

    private static Optional<Head> head(List<Object[]> rows) {
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

    /** Whether a token id was presented before (read only). */
    public boolean proofSeen(String realmId, String jti) {
        return ((Number) store.rows("SELECT COUNT(*) FROM MX_SIGNOFF_PROOF WHERE REALM_ID = ?1 AND JTI = ?2",
                realmId, jti).get(0)[0]).longValue() > 0;
    }

    /**
     * Records a signoff-level authentication (session, auth_time and step id) as used. The primary key
     * is the compare-and-set: a second insert of the same authentication fails with a unique-key
     * violation, also when the first is not yet committed (the second waits for it).
     */
    public void insertAuthenticationUse(String realmId, String sessionId, long authTime, String stepId, String userId,
                                        String jti, long nowMillis) {
        store.update("INSERT INTO MX_SIGNOFF_AUTHENTICATION (REALM_ID, SESSION_ID, AUTH_TIME, STEP_ID, USER_ID, JTI,"
                + " USED_MILLIS) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", realmId, sessionId, authTime, stepId, userId, jti,
                nowMillis);
    }

    /** Adds a parameter; its placeholder, numbered in order. */
    private static String parameter(List<Object> parameters, Object value) {
        parameters.add(value);
        return "?" + parameters.size();
    }

    private static List<TrailEntry> entries(List<Object[]> rows) {
        // BODY is a long text type on some databases, answered as a Clob there.
        return rows.stream().map(row -> new TrailEntry(((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                (String) row[3], ((Number) row[4]).longValue(), KeycloakStore.text(row[5]), (String) row[6], (String) row[7]))
                .toList();
    }

}
