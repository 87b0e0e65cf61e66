package com.maintenanceaccess.approval;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * A grant of authority that waits for a second person of its account: what it would grant
 * ({@code payload}, read by the {@link Kind}'s owner), to whom ({@code subjectId}), who asked and
 * when, until when it can be approved, and once decided who decided, when and how.
 */
public record Approval(String id, String accountId, Kind kind, String subjectId, String requestedBy,
                       Instant requestedAt, Instant expiresAt, String payload, State state, String decidedBy,
                       Instant decidedAt, String reason) {

    /** What is being granted; each kind is applied by the feature that owns it. */
    public enum Kind {
        /** A personnel authorization of a type the catalog marks {@code requiresSecondPerson}: payload is the stored record. */
        AUTHORIZATION("authorization"),
        /** A privileged account role (compliance officer, account administrator): payload is the role id. */
        ACCOUNT_ROLE("account-role"),
        /**
         * Moving the invitation of a pending person who already holds authority (an account role, a
         * privileged template or an authorization) to another address (issue 23 item 1): payload is the
         * new address. Without it one administrator could route an approved grant to an address of theirs.
         */
        INVITATION_ADDRESS("invitation-address");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Optional<Kind> byId(String id) {
            return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
        }
    }

    public enum State {
        PENDING("pending"), APPROVED("approved"), REJECTED("rejected");

        private final String id;

        State(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Optional<State> byId(String id) {
            return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
        }
    }

    /** Pending but past its lifetime: it can no longer be approved (only rejected, to clear it). */
    public boolean expiredAt(Instant now) {
        return state == State.PENDING && !now.isBefore(expiresAt);
    }

    public Approval decided(State newState, String decider, Instant at, String why) {
        return new Approval(id, accountId, kind, subjectId, requestedBy, requestedAt, expiresAt, payload, newState,
                decider, at, why);
    }
}
