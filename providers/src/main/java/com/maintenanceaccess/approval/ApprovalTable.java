package com.maintenanceaccess.approval;

import com.maintenanceaccess.bundle.KeycloakInternals;
import com.maintenanceaccess.bundle.KeycloakStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;

/**
 * The only class that touches {@code MX_APPROVAL} (a table of {@code bundle/storage}), in the
 * request's transaction, as plain SQL through the seam (like {@code trail/TrailTable}).
 *
 * <p>A decision is a compare-and-set: {@code UPDATE ... WHERE STATE = 'pending'}. Two people who
 * decide the same request at once both reach that statement; the database lets one change the
 * row and the other (waiting on the row lock, then re-reading it) changes nothing and is told so,
 * so exactly one decision and one grant happen.
 */
final class ApprovalTable {

    private static final String COLUMNS = "ID, ACCOUNT_ID, KIND, SUBJECT_ID, REQUESTED_BY, REQUESTED_MILLIS,"
            + " EXPIRES_MILLIS, PAYLOAD, STATE, DECIDED_BY, DECIDED_MILLIS, REASON";

    private final KeycloakStore store;

    ApprovalTable(KeycloakSession session) {
        this.store = KeycloakInternals.store(session, "the approvals");
    }

    void insert(String realmId, Approval a) {
        store.update("INSERT INTO MX_APPROVAL (REALM_ID, " + COLUMNS + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
                        + " ?10, NULL, NULL, NULL)", realmId, a.id(), a.accountId(), a.kind().id(), a.subjectId(),
                a.requestedBy(), a.requestedAt().toEpochMilli(), a.expiresAt().toEpochMilli(), a.payload(), a.state().id());
    }

    Optional<Approval> byId(String realmId, String accountId, String id) {
        return approvals(store.rows("SELECT " + COLUMNS + " FROM MX_APPROVAL WHERE REALM_ID = ?1 AND ACCOUNT_ID = ?2"
                + " AND ID = ?3", realmId, accountId, id)).stream().findFirst();
    }

    /** The account's requests in one state, newest first. */
    List<Approval> list(String realmId, String accountId, Approval.State state, int max) {
        return approvals(store.firstRows(max, "SELECT " + COLUMNS + " FROM MX_APPROVAL WHERE REALM_ID = ?1"
                + " AND ACCOUNT_ID = ?2 AND STATE = ?3 ORDER BY REQUESTED_MILLIS DESC", realmId, accountId, state.id()));
    }

    /** The pending requests of one kind for one person in one account (to refuse asking twice). */
    List<Approval> pendingFor(String realmId, String accountId, Approval.Kind kind, String subjectId) {
        return approvals(store.rows("SELECT " + COLUMNS + " FROM MX_APPROVAL WHERE REALM_ID = ?1 AND ACCOUNT_ID = ?2"
                + " AND KIND = ?3 AND SUBJECT_ID = ?4 AND STATE = 'pending'", realmId, accountId, kind.id(), subjectId));
    }

    /** Compare-and-set from pending: true for the one caller whose decision was stored. */
    boolean decide(String realmId, Approval decided) {
        return store.update("UPDATE MX_APPROVAL SET STATE = ?1, DECIDED_BY = ?2, DECIDED_MILLIS = ?3, REASON = ?4"
                        + " WHERE REALM_ID = ?5 AND ID = ?6 AND STATE = 'pending'", decided.state().id(), decided.decidedBy(),
                decided.decidedAt().toEpochMilli(), decided.reason() == null ? "" : decided.reason(), realmId, decided.id()) == 1;
    }

    private static List<Approval> approvals(List<Object[]> rows) {
        return rows.stream().map(r -> new Approval((String) r[0], (String) r[1],
                Approval.Kind.byId((String) r[2]).orElseThrow(), (String) r[3], (String) r[4],
                Instant.ofEpochMilli(((Number) r[5]).longValue()), Instant.ofEpochMilli(((Number) r[6]).longValue()),
                KeycloakStore.text(r[7]), Approval.State.byId((String) r[8]).orElseThrow(), (String) r[9],
                r[10] == null ? null : Instant.ofEpochMilli(((Number) r[10]).longValue()),
                r[11] == null || ((String) r[11]).isEmpty() ? null : (String) r[11])).toList();
    }
}
