package com.maintenanceaccess.notice;

import com.maintenanceaccess.bundle.KeycloakInternals;
import com.maintenanceaccess.bundle.KeycloakStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.keycloak.models.KeycloakSession;

/**
 * The record of notices claimed and sent, table {@code MX_NOTICE} (bundle/storage). A notice is
 * claimed before its mail goes out, with compare-and-set on the table's primary key: an insert
 * of a row another run (this node or another, now or before a restart) inserted already fails
 * or finds it there, so exactly one run sends. The row keeps what the mail says. A failed send
 * leaves the row {@code failed}; a later run takes it back with a conditional update (one winner
 * again) and tries once more from the row, up to {@link #MAX_ATTEMPTS}. A claim whose sender died
 * between claim and mail (still {@code sending} after {@link #STALE}) is taken back the same way.
 */
final class NoticeLedger {

    static final int MAX_ATTEMPTS = 5;
    static final Duration STALE = Duration.ofHours(1);

    static final String SENDING = "sending";
    static final String SENT = "sent";
    static final String FAILED = "failed";

    private static final String PK = " WHERE REALM_ID = ?1 AND SUBJECT_ID = ?2 AND NOTICE_KEY = ?3 AND RECIPIENT_ID = ?4";
    private static final String FIND = "SELECT STATUS FROM MX_NOTICE" + PK;
    private static final String INSERT = "INSERT INTO MX_NOTICE (REALM_ID, SUBJECT_ID, NOTICE_KEY, RECIPIENT_ID, STATUS,"
            + " ATTEMPTS, CLAIMED_MILLIS, NOTICE_BODY) VALUES (?1, ?2, ?3, ?4, 'sending', 1, ?5, ?6)";
    private static final String RETRYABLE = "SELECT SUBJECT_ID, NOTICE_KEY, RECIPIENT_ID, NOTICE_BODY FROM MX_NOTICE"
            + " WHERE REALM_ID = ?1 AND ATTEMPTS < ?2 AND NOTICE_BODY IS NOT NULL"
            + " AND (STATUS = 'failed' OR (STATUS = 'sending' AND CLAIMED_MILLIS < ?3)) ORDER BY CLAIMED_MILLIS";
    private static final String RETAKE = "UPDATE MX_NOTICE SET STATUS = 'sending', ATTEMPTS = ATTEMPTS + 1,"
            + " CLAIMED_MILLIS = ?5" + PK + " AND ATTEMPTS < ?6"
            + " AND (STATUS = 'failed' OR (STATUS = 'sending' AND CLAIMED_MILLIS < ?7))";
    private static final String FINISH = "UPDATE MX_NOTICE SET STATUS = ?5, SENT_MILLIS = ?6, LAST_ERROR = ?7" + PK;
    private static final String FAILURES = "SELECT SUBJECT_ID, NOTICE_KEY, RECIPIENT_ID, ATTEMPTS, LAST_ERROR"
            + " FROM MX_NOTICE WHERE REALM_ID = ?1 AND STATUS = 'failed' ORDER BY CLAIMED_MILLIS";

    private final KeycloakStore store;

    NoticeLedger(KeycloakSession session) {
        this.store = KeycloakInternals.store(session, "the notices");
    }

    /** What the ledger holds for this notice: null (never claimed), sending, sent or failed. */
    String status(String realmId, Notice notice) {
        List<Object[]> rows = store.rows(FIND, realmId, notice.subjectId(), notice.key(), notice.recipientId());
        return rows.isEmpty() ? null : KeycloakStore.text(rows.get(0)[0]);
    }

    /**
     * Inserts the claim. Run it in a transaction of its own: when another run inserted the same
     * row first, the insert fails (the caller treats that as "not ours") and the transaction is lost.
     */
    void insertClaim(String realmId, Notice notice, Instant now) {
        store.update(INSERT, realmId, notice.subjectId(), notice.key(), notice.recipientId(), now.toEpochMilli(),
                NoticeCodec.encode(notice));
    }

    /** Failed or abandoned notices that may be tried again, oldest first, decoded from their rows. */
    List<Notice> retryable(String realmId, Instant now, int max) {
        return store.firstRows(max, RETRYABLE, realmId, MAX_ATTEMPTS, now.minus(STALE).toEpochMilli()).stream()
                .map(row -> NoticeCodec.decode(KeycloakStore.text(row[0]), KeycloakStore.text(row[1]),
                        KeycloakStore.text(row[2]), KeycloakStore.text(row[3])))
                .toList();
    }

    /** Takes a failed (or abandoned) claim back; true for the one run whose update changed the row. */
    boolean retake(String realmId, Notice notice, Instant now) {
        return store.update(RETAKE, realmId, notice.subjectId(), notice.key(), notice.recipientId(),
                now.toEpochMilli(), MAX_ATTEMPTS, now.minus(STALE).toEpochMilli()) == 1;
    }

    void sent(String realmId, Notice notice, Instant now) {
        store.update(FINISH, realmId, notice.subjectId(), notice.key(), notice.recipientId(), SENT, now.toEpochMilli(), null);
    }

    void failed(String realmId, Notice notice, String error) {
        String shortError = error == null ? "unknown" : error.length() > 250 ? error.substring(0, 250) : error;
        store.update(FINISH, realmId, notice.subjectId(), notice.key(), notice.recipientId(), FAILED, null, shortError);
    }

    List<FailedNotice> failures(String realmId, int max) {
        return store.firstRows(max, FAILURES, realmId).stream()
                .map(row -> new FailedNotice(KeycloakStore.text(row[0]), KeycloakStore.text(row[1]), KeycloakStore.text(row[2]),
                        ((Number) row[3]).intValue(), KeycloakStore.text(row[4])))
                .toList();
    }
}
