package com.maintenanceaccess.trail;

import com.maintenanceaccess.bundle.KeycloakInternals;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;

/**
 * The only class that touches the trail's tables, through the request's JPA EntityManager.
 *
 * <p>Why SQL of our own: the trail must live in the realm's database, in the same transaction
 * as the change it records, and outlive Keycloak's event expiry; Keycloak offers no SPI for a
 * provider's own table but Liquibase/JPA entities need {@code keycloak-model-jpa} at compile
 * time, whose 26.7.3 parent POM is not served (docs/architecture.md). So the EntityManager comes from the bundle's
 * one seam to Keycloak's JPA store ({@code bundle/KeycloakInternals}) and the tables are created at start with DDL that H2 and PostgreSQL both accept
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

    private final EntityManager em;

    public TrailTable(KeycloakSession session) {
        this.em = KeycloakInternals.entityManager(session, "the trail");
    }

    /** Creates the tables when missing; run once at start in its own transaction. */
    public void createTables() {
        DDL.forEach(sql -> em.createNativeQuery(sql).executeUpdate());
    }

    /** Locks the realm's head row for this transaction; false if the realm has no head row yet. */
    boolean lockHead(String realmId) {
        return em.createNativeQuery("UPDATE MX_TRAIL_HEAD SET SEQ = SEQ WHERE REALM_ID = ?1")
                .setParameter(1, realmId).executeUpdate() == 1;
    }

    /** Creates the empty head row of a realm; fails if another transaction created it first. */
    void insertHead(String realmId) {
        em.createNativeQuery("INSERT INTO MX_TRAIL_HEAD (REALM_ID, SEQ, ENTRY_HASH) VALUES (?1, 0, ?2)")
                .setParameter(1, realmId).setParameter(2, TrailEntry.GENESIS).executeUpdate();
    }

    public Optional<Head> head(String realmId) {
        List<?> rows = em.createNativeQuery("SELECT SEQ, ENTRY_HASH FROM MX_TRAIL_HEAD WHERE REALM_ID = ?1")
                .setParameter(1, realmId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new Head(((Number) row[0]).longValue(), (String) row[1]));
    }

    void insert(String realmId, TrailEntry e) {
        em.createNativeQuery("INSERT INTO MX_TRAIL_ENTRY (REALM_ID, " + COLUMNS + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                .setParameter(1, realmId).setParameter(2, e.seq()).setParameter(3, e.id()).setParameter(4, e.kind())
                .setParameter(5, e.subjectId()).setParameter(6, e.atMillis()).setParameter(7, e.body())
                .setParameter(8, e.previousHash()).setParameter(9, e.hash())
                .executeUpdate();
        em.createNativeQuery("UPDATE MX_TRAIL_HEAD SET SEQ = ?1, ENTRY_HASH = ?2 WHERE REALM_ID = ?3")
                .setParameter(1, e.seq()).setParameter(2, e.hash()).setParameter(3, realmId).executeUpdate();
    }

    /** Entries after {@code afterSeq} in the order stored by sequence number, at most {@code max}. */
    public List<TrailEntry> page(String realmId, long afterSeq, int max) {
        return entries(em.createNativeQuery("SELECT " + COLUMNS + " FROM MX_TRAIL_ENTRY WHERE REALM_ID = ?1 AND SEQ > ?2"
                + " ORDER BY SEQ").setParameter(1, realmId).setParameter(2, afterSeq).setMaxResults(max));
    }

    /**
     * Entries of the given kinds, optionally of one subject and within {@code [fromMillis, toMillis)},
     * newest first.
     */
    public List<TrailEntry> find(String realmId, List<String> kinds, String subjectId, Long fromMillis, Long toMillis,
                                 int max) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS
                + " FROM MX_TRAIL_ENTRY WHERE REALM_ID = :realm AND KIND IN (:kinds)");
        if (subjectId != null) {
            sql.append(" AND SUBJECT_ID = :subject");
        }
        if (fromMillis != null) {
            sql.append(" AND AT_MILLIS >= :from");
        }
        if (toMillis != null) {
            sql.append(" AND AT_MILLIS < :to");
        }
        Query query = em.createNativeQuery(sql.append(" ORDER BY SEQ DESC").toString())
                .setParameter("realm", realmId).setParameter("kinds", kinds).setMaxResults(max);
        if (subjectId != null) {
            query.setParameter("subject", subjectId);
        }
        if (fromMillis != null) {
            query.setParameter("from", fromMillis);
        }
        if (toMillis != null) {
            query.setParameter("to", toMillis);
        }
        return entries(query);
    }

    public Optional<TrailEntry> byId(String realmId, String entryId) {
        return entries(em.createNativeQuery("SELECT " + COLUMNS + " FROM MX_TRAIL_ENTRY WHERE REALM_ID = ?1 AND ENTRY_ID = ?2")
                .setParameter(1, realmId).setParameter(2, entryId)).stream().findFirst();
    }

    /** Whether a token id was presented before; a first use is remembered in this transaction. */
    public boolean useProof(String realmId, String jti, long nowMillis) {
        Number seen = (Number) em.createNativeQuery("SELECT COUNT(*) FROM MX_SIGNOFF_PROOF WHERE REALM_ID = ?1 AND JTI = ?2")
                .setParameter(1, realmId).setParameter(2, jti).getSingleResult();
        if (seen.longValue() > 0) {
            return false;
        }
        em.createNativeQuery("INSERT INTO MX_SIGNOFF_PROOF (REALM_ID, JTI, USED_MILLIS) VALUES (?1, ?2, ?3)")
                .setParameter(1, realmId).setParameter(2, jti).setParameter(3, nowMillis).executeUpdate();
        return true;
    }

    private static List<TrailEntry> entries(Query query) {
        return ((List<?>) query.getResultList()).stream().map(r -> {
            Object[] row = (Object[]) r;
            return new TrailEntry(((Number) row[0]).longValue(), (String) row[1], (String) row[2], (String) row[3],
                    ((Number) row[4]).longValue(), (String) row[5], (String) row[6], (String) row[7]);
        }).toList();
    }

}
