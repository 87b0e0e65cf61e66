package com.maintenanceaccess.review.campaign;

import com.maintenanceaccess.kernel.AccountRole;

import com.maintenanceaccess.kernel.AccountPermission;
import java.util.Optional;

/**
 * Who decides what in an access review (issue 25, item 2), without a Keycloak session: the
 * account administrator decides templates and account roles, a compliance officer decides
 * authorizations, and nobody decides an item of their own access. Undecided items at the close
 * follow the account's setting.
 */
public final class ReviewRules {

    public static final int MAX_COMMENT = 500;

    private ReviewRules() {
    }

    /** The permission that decides an item of this kind. */
    public static AccountPermission decides(ReviewItem.Kind kind) {
        return kind == ReviewItem.Kind.AUTHORIZATION ? AccountPermission.MANAGE_AUTHORIZATIONS : AccountPermission.MANAGE_PEOPLE;
    }

    /** Why this decision is bad input, if it is (field, message). */
    public static Optional<String[]> invalid(String decision, String comment) {
        if (ReviewItem.Decision.byId(decision) == null) {
            return Optional.of(new String[] {"decision", "must be keep or remove"});
        }
        if (comment == null || comment.isBlank()) {
            return Optional.of(new String[] {"comment", "say why (1 to " + MAX_COMMENT + " characters)"});
        }
        if (comment.length() > MAX_COMMENT) {
            return Optional.of(new String[] {"comment", "at most " + MAX_COMMENT + " characters"});
        }
        return Optional.empty();
    }

    /**
     * What the close does with an item: its decision, or the account's setting when undecided,
     * except that an undecided administrator role is always kept. Only another administrator may
     * decide it, so with {@code remove} an account whose one administrator could not decide their
     * own role would lose its last administrator to silence; taking that role away needs a decision.
     */
    public static ReviewItem.Decision atClose(ReviewItem item, ReviewItem.Decision undecided) {
        if (item.decision() != null) {
            return item.decision();
        }
        boolean administrator = item.kind() == ReviewItem.Kind.ACCOUNT_ROLE
                && AccountRole.ACCOUNT_ADMINISTRATOR.id().equals(item.value());
        return administrator ? ReviewItem.Decision.KEEP : undecided;
    }
}
