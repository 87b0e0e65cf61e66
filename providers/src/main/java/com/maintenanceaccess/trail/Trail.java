package com.maintenanceaccess.trail;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.bundle.MxClockSpi;
import com.maintenanceaccess.trail.TrailTable.Head;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.util.JsonSerialization;

/**
 * A realm's tamper-evident trail (docs/signoffs.md): append in the caller's transaction, walk
 * and verify. What is recorded and why belongs to the callers; this class only chains.
 */
public final class Trail {

    /** Kinds of entries. */
    public static final String AUTHORIZATION_CHANGE = "authorization-change";
    public static final String SIGNATURE = "signature";
    public static final String SIGNATURE_REFUSED = "signature-refused";
    public static final String REVIEW_DECISION = "access-review-decision";
    public static final String REVIEW_CLOSED = "access-review-closed";

    private static final Logger LOG = Logger.getLogger(Trail.class);
    private static final int PAGE = 500;

    /**
     * The one account a signature entry ({@link #SIGNATURE}, {@link #SIGNATURE_REFUSED}) belongs to: its
     * {@code account}; an entry written before signatures were made in one account names the signer's
     * accounts at the time ({@code signer.accounts}) and belongs to an account only when it names exactly
     * one (an entry naming several is no single account's: realm-wide auditors read it). Null: no account's.
     */
    public static String signatureAccount(JsonNode body) {
        JsonNode account = body.path("account");
        if (account.isTextual()) {
            return account.asText();
        }
        JsonNode accounts = body.path("signer").path("accounts");
        return !body.has("account") && accounts.isArray() && accounts.size() == 1 && accounts.get(0).isTextual()
                ? accounts.get(0).asText() : null;
    }

    private final KeycloakSession session;
    private final TrailTable table;

    public Trail(KeycloakSession session) {
        this.session = session;
        this.table = new TrailTable(session);
    }

    public TrailTable table() {
        return table;
    }

    /** Appends an entry in the current transaction; it exists only if that transaction commits. */
    public TrailEntry append(RealmModel realm, String kind, String subjectId, Object body) {
        String json;
        try {
            json = JsonSerialization.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return appendJson(realm, kind, subjectId, json);
    }

    TrailEntry appendJson(RealmModel realm, String kind, String subjectId, String json) {
        if (table.head(realm.getId()).isEmpty()) {
            // Created before this transaction locks anything in the head table: on MariaDB and MySQL
            // (REPEATABLE READ) a locking read of a missing row locks the gap where it would go, and
            // the insert of the head's own transaction would wait for that lock until it timed out.
            createHead(realm.getId());
        }
        Head head = table.lockHead(realm.getId()).orElseThrow(
                () -> new IllegalStateException("the trail head of realm " + realm.getName() + " cannot be locked"));
        TrailEntry entry = TrailEntry.next(head.seq() + 1, UUID.randomUUID().toString(), kind, subjectId,
                MxClockSpi.clock(session).millis(), json, head.hash());
        table.insert(realm.getId(), entry);
        return entry;
    }

    /**
     * The first append of a realm creates its head row in a transaction of its own, so that a
     * second first append racing it only loses that insert, not its own transaction.
     */
    private void createHead(String realmId) {
        try {
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(),
                    s -> new TrailTable(s).insertHead(realmId));
        } catch (RuntimeException e) {
            LOG.debugf("trail head of realm %s created by another transaction: %s", realmId, e.getMessage());
        }
    }

    /** The whole chain, checked, and whether its end is the end the head row recorded. */
    public ChainCheck.Result verify(RealmModel realm) {
        ChainCheck.Result result = ChainCheck.verify(entries(realm));
        Head head = table.head(realm.getId()).orElse(new Head(0, TrailEntry.GENESIS));
        if (result.intact() && (head.seq() != result.entries() || !head.hash().equals(result.lastHash()))) {
            return new ChainCheck.Result(false, result.entries(), result.entries() + 1,
                    "the trail ends at entry " + result.entries() + " but entry " + head.seq()
                            + " was the last one written (entries at the end were removed or changed)",
                    result.lastHash());
        }
        return result;
    }

    public Head head(RealmModel realm) {
        return table.head(realm.getId()).orElse(new Head(0, TrailEntry.GENESIS));
    }

    /**
     * The entries up to and including {@code lastSeq}, e.g. the head read before: an export
     * ends where its head says even while appends go on.
     */
    public Iterator<TrailEntry> entriesUpTo(RealmModel realm, long lastSeq) {
        Iterator<TrailEntry> all = entries(realm);
        return new Iterator<>() {
            private TrailEntry next = advance();

            private TrailEntry advance() {
                TrailEntry e = all.hasNext() ? all.next() : null;
                return e != null && e.seq() <= lastSeq ? e : null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public TrailEntry next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                TrailEntry current = next;
                next = advance();
                return current;
            }
        };
    }

    /** Every entry of the realm in sequence order, read a page at a time. */
    public Iterator<TrailEntry> entries(RealmModel realm) {
        return new Iterator<>() {
            private List<TrailEntry> page = table.page(realm.getId(), 0, PAGE);
            private int index;

            @Override
            public boolean hasNext() {
                if (index < page.size()) {
                    return true;
                }
                if (page.size() < PAGE) {
                    return false;
                }
                page = table.page(realm.getId(), page.get(page.size() - 1).seq(), PAGE);
                index = 0;
                return !page.isEmpty();
            }

            @Override
            public TrailEntry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.get(index++);
            }
        };
    }
}
