package com.maintenanceaccess.approval;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether a person may decide a pending approval: the separation-of-duties rules, without a
 * Keycloak session (unit-tested in {@code ApprovalRulesTest}). Whether the person holds the right
 * in the account at all is {@code api/Authority}'s question, asked before this one.
 */
public final class ApprovalRules {

    /** Why a decision is refused; {@code status} is the HTTP answer, {@code error} its id. */
    public enum Refusal {
        OWN_REQUEST(403, "own_request", "separation of duties: nobody approves or rejects their own request;"
                + " another person of the account with the right (or a realm operator) decides it."),
        NAMED_PERSON(403, "named_person", "separation of duties: nobody decides a grant made to themselves."),
        ALREADY_DECIDED(409, "already_decided", "this request was already decided."),
        EXPIRED(409, "approval_expired", "this request has expired and can no longer be approved: ask for it again.");

        private final int status;
        private final String error;
        private final String description;

        Refusal(int status, String error, String description) {
            this.status = status;
            this.error = error;
            this.description = description;
        }

        public int status() {
            return status;
        }

        public String error() {
            return error;
        }

        public String description() {
            return description;
        }
    }

    private ApprovalRules() {
    }

    /**
     * The first rule that refuses {@code deciderId} deciding {@code approval} at {@code now}
     * (approving when {@code approve}, else rejecting), or empty when the decision may be made.
     * A request past its lifetime may still be rejected, so that it leaves the pending list.
     */
    public static Optional<Refusal> refusal(Approval approval, String deciderId, boolean approve, Instant now) {
        if (approval.requestedBy().equals(deciderId)) {
            return Optional.of(Refusal.OWN_REQUEST);
        }
        if (approval.subjectId().equals(deciderId)) {
            return Optional.of(Refusal.NAMED_PERSON);
        }
        if (approval.state() != Approval.State.PENDING) {
            return Optional.of(Refusal.ALREADY_DECIDED);
        }
        if (approve && approval.expiredAt(now)) {
            return Optional.of(Refusal.EXPIRED);
        }
        return Optional.empty();
    }
}
