package com.maintenanceaccess.notice;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * One run of the notices of one realm: find what is due (one transaction), then for each notice
 * claim it (a transaction of its own, {@link NoticeLedger}), send it and record the outcome (a
 * third); then try the failed ones again from their rows. Only the run whose claim won sends; so
 * the scheduled run on each node, an operator's run and a run after a restart never send a notice
 * twice. The time is the bundle's clock.
 */
public final class NoticeJob {

    private static final Logger LOG = Logger.getLogger(NoticeJob.class);
    private static final int MAX_RETRIES_PER_RUN = 500;

    /** What a run did: due, sent, failed (to be tried again), and due but claimed by an earlier run. */
    public record Summary(int due, int sent, int failed, int alreadyClaimed, int retried) {
        Summary plus(Summary other) {
            return new Summary(due + other.due, sent + other.sent, failed + other.failed,
                    alreadyClaimed + other.alreadyClaimed, retried + other.retried);
        }
    }

    enum Outcome { SENT, FAILED, CLAIMED }

    private final KeycloakSessionFactory factory;
    private final Clock clock;
    private final List<NoticeSource> sources;

    /** {@code sources}: the other features' parts of a run; none where only {@link #deliver} is called. */
    public NoticeJob(KeycloakSessionFactory factory, Clock clock, List<NoticeSource> sources) {
        this.factory = factory;
        this.clock = clock;
        this.sources = sources;
    }

    /** Every realm (the scheduled run). */
    public Summary runAll() {
        List<String> realmIds = KeycloakModelUtils.runJobInTransactionWithResult(factory,
                session -> session.realms().getRealmsStream().filter(RealmModel::isOrganizationsEnabled)
                        .map(RealmModel::getId).toList());
        Summary total = new Summary(0, 0, 0, 0, 0);
        for (String realmId : realmIds) {
            total = total.plus(run(realmId));
        }
        return total;
    }

    /** One realm (the operator's run). */
    public Summary run(String realmId) {
        Instant now = clock.instant();
        List<Notice> due = new ArrayList<>(KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> {
            RealmModel realm = session.realms().getRealm(realmId);
            session.getContext().setRealm(realm);
            return new NoticeCollector(session, realm, now).due();
        }));
        // The other features' parts, e.g. the access reviews' closes, starts and reminders (docs/access-review.md).
        for (NoticeSource source : sources) {
            due.addAll(source.due(factory, clock, realmId, now));
        }
        int sent = 0;
        int failed = 0;
        int claimed = 0;
        for (Notice notice : due) {
            switch (deliver(realmId, notice)) {
                case SENT -> sent++;
                case FAILED -> failed++;
                case CLAIMED -> claimed++;
            }
        }
        int retried = 0;
        List<Notice> retryable = KeycloakModelUtils.runJobInTransactionWithResult(factory,
                session -> new NoticeLedger(session).retryable(realmId, now, MAX_RETRIES_PER_RUN));
        for (Notice notice : retryable) {
            boolean ours = KeycloakModelUtils.runJobInTransactionWithResult(factory,
                    session -> new NoticeLedger(session).retake(realmId, notice, clock.instant()));
            if (ours) {
                retried++;
                if (send(realmId, notice) == Outcome.SENT) {
                    sent++;
                } else {
                    failed++;
                }
            }
        }
        if (sent + failed > 0) {
            LOG.infof("notices of realm %s at %s: %d sent, %d failed, %d sent before, %d tried again", realmId, now, sent,
                    failed, claimed, retried);
        }
        return new Summary(due.size(), sent, failed, claimed, retried);
    }

    /** Claims and sends one notice; {@link Outcome#CLAIMED} when an earlier or another run has it. */
    public Outcome deliver(String realmId, Notice notice) {
        return claim(realmId, notice) ? send(realmId, notice) : Outcome.CLAIMED;
    }

    private Outcome send(String realmId, Notice notice) {
        return KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> {
            RealmModel realm = session.realms().getRealm(realmId);
            session.getContext().setRealm(realm);
            NoticeLedger ledger = new NoticeLedger(session);
            UserModel recipient = session.users().getUserById(realm, notice.recipientId());
            if (recipient == null || recipient.getEmail() == null) {
                ledger.failed(realmId, notice, "the recipient has no e-mail address");
                return Outcome.FAILED;
            }
            try {
                NoticeMailer.send(session, realm, recipient, notice);
                ledger.sent(realmId, notice, clock.instant());
                return Outcome.SENT;
            } catch (EmailException | RuntimeException e) {
                LOG.warnf("notice %s of %s to user %s could not be sent (tried again by the next run): %s", notice.key(),
                        notice.subjectId(), notice.recipientId(), e.getMessage());
                ledger.failed(realmId, notice, String.valueOf(e.getMessage()));
                return Outcome.FAILED;
            }
        });
    }

    /** The compare-and-set: true only for the one run that inserted the row. */
    private boolean claim(String realmId, Notice notice) {
        String status = KeycloakModelUtils.runJobInTransactionWithResult(factory,
                session -> new NoticeLedger(session).status(realmId, notice));
        if (status != null) {
            return false; // sent, being sent, or failed (then the retry phase has it)
        }
        try {
            KeycloakModelUtils.runJobInTransaction(factory,
                    session -> new NoticeLedger(session).insertClaim(realmId, notice, clock.instant()));
            return true;
        } catch (RuntimeException e) {
            // Another run inserted the same row between our read and our insert: theirs to send.
            LOG.debugf("notice %s of %s to %s claimed by another run: %s", notice.key(), notice.subjectId(),
                    notice.recipientId(), e.getMessage());
            return false;
        }
    }
}
