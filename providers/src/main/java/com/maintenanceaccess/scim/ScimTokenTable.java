package com.maintenanceaccess.scim;

import com.maintenanceaccess.bundle.KeycloakInternals;
import com.maintenanceaccess.bundle.KeycloakStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;

/**
 * The only class that touches {@code MX_SCIM_TOKEN} (entity and changelog in {@code bundle/storage}),
 * with plain SQL through the bundle's one seam to Keycloak's store, in the request's transaction,
 * like the trail's table (docs/architecture.md, "The bundle's tables").
 */
final class ScimTokenTable {

    private static final String COLUMNS = "ID, ACCOUNT_ID, NAME, CREATED_BY, CREATED_MILLIS, LAST_USED_MILLIS,"
            + " EXPIRES_MILLIS, REVOKED_MILLIS, REVOKED_BY, SECRET_HASH";

    /** A stored token and the hash of its secret. */
    record Stored(ScimToken token, String secretHash) {
    }

    private final KeycloakStore store;
    private final String realmId;

    ScimTokenTable(KeycloakSession session) {
        this(session, session.getContext().getRealm().getId());
    }

    private ScimTokenTable(KeycloakSession session, String realmId) {
        this.store = KeycloakInternals.store(session, "SCIM provisioning tokens");
        this.realmId = realmId;
    }

    void insert(ScimToken token, String secretHash) {
        // Two statements rather than a null parameter: an untyped null in a native query is refused
        // by some databases' drivers (PostgreSQL cannot infer its type).
        String columns = "ID, REALM_ID, ACCOUNT_ID, NAME, SECRET_HASH, CREATED_BY, CREATED_MILLIS";
        if (token.expires() == null) {
            store.update("INSERT INTO MX_SCIM_TOKEN (" + columns + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    token.id(), realmId, token.accountId(), token.name(), secretHash, token.createdBy(),
                    token.created().toEpochMilli());
        } else {
            store.update("INSERT INTO MX_SCIM_TOKEN (" + columns + ", EXPIRES_MILLIS) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    token.id(), realmId, token.accountId(), token.name(), secretHash, token.createdBy(),
                    token.created().toEpochMilli(), token.expires().toEpochMilli());
        }
    }

    /** The account's tokens, newest first (revoked ones too: the list is their record). */
    List<ScimToken> ofAccount(String accountId) {
        return store.rows("SELECT " + COLUMNS + " FROM MX_SCIM_TOKEN WHERE REALM_ID = ?1 AND ACCOUNT_ID = ?2"
                + " ORDER BY CREATED_MILLIS DESC, ID", realmId, accountId).stream().map(row -> stored(row).token()).toList();
    }

    Optional<Stored> byId(String id) {
        return store.rows("SELECT " + COLUMNS + " FROM MX_SCIM_TOKEN WHERE REALM_ID = ?1 AND ID = ?2", realmId, id)
                .stream().findFirst().map(ScimTokenTable::stored);
    }

    /** Revokes a token of this account that is not revoked yet; whether it did. */
    boolean revoke(String accountId, String id, Instant at, String by) {
        return store.update("UPDATE MX_SCIM_TOKEN SET REVOKED_MILLIS = ?1, REVOKED_BY = ?2 WHERE REALM_ID = ?3"
                + " AND ACCOUNT_ID = ?4 AND ID = ?5 AND REVOKED_MILLIS IS NULL", at.toEpochMilli(), by, realmId, accountId, id) == 1;
    }

    /**
     * Writes the last use in a short transaction of its own, only when the stored one is older than
     * {@code olderThan}. Not in the request's transaction: a directory sends requests in parallel, and
     * a long one (a group with a thousand members) would hold the token's row while every other
     * request of that minute waited for it (H2 and PostgreSQL lock the row until commit). Last use is
     * bookkeeping: when it cannot be written now, the request goes on and a later one writes it.
     */
    static void touchApart(KeycloakSession session, String realmId, String id, Instant at, Instant olderThan) {
        try {
            org.keycloak.models.utils.KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), own ->
                    new ScimTokenTable(own, realmId).store.update("UPDATE MX_SCIM_TOKEN SET LAST_USED_MILLIS = ?1"
                                    + " WHERE REALM_ID = ?2 AND ID = ?3 AND (LAST_USED_MILLIS IS NULL OR LAST_USED_MILLIS < ?4)",
                            at.toEpochMilli(), realmId, id, olderThan.toEpochMilli()));
        } catch (RuntimeException e) {
            org.jboss.logging.Logger.getLogger(ScimTokenTable.class).debugf(e, "last use of provisioning token %s not written now", id);
        }
    }

    private static Stored stored(Object[] row) {
        return new Stored(new ScimToken((String) row[0], (String) row[1], (String) row[2], (String) row[3],
                instant(row[4]), instant(row[5]), instant(row[6]), instant(row[7]), (String) row[8]), (String) row[9]);
    }

    private static Instant instant(Object millis) {
        return millis == null ? null : Instant.ofEpochMilli(((Number) millis).longValue());
    }
}
