package com.maintenanceaccess.review.campaign;

import com.maintenanceaccess.bundle.KeycloakInternals;
import com.maintenanceaccess.bundle.KeycloakStore;
import java.util.List;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;

/**
 * The access reviews' tables ({@code MX_ACCESS_REVIEW}, {@code MX_ACCESS_REVIEW_ITEM}, in
 * bundle/storage), plain SQL in the request's transaction. Deciding and closing are conditional
 * updates (compare-and-set): an item is decided once, a review closed once, also when two
 * reviewers or two nodes act at the same moment.
 */
final class AccessReviewTable {

    /** A review's row. */
    record Review(String id, String accountId, String status, String startedBy, long startedAt, long endsAt,
            Long closedAt, ReviewItem.Decision undecided) {
        boolean open() {
            return "open".equals(status);
        }
    }

    private static final String REVIEW_COLUMNS = "REVIEW_ID, ACCOUNT_ID, STATUS, STARTED_BY, STARTED_MILLIS, ENDS_MILLIS,"
            + " CLOSED_MILLIS, UNDECIDED";
    private static final String ITEM_COLUMNS = "ITEM_NO, PERSON_ID, KIND, ITEM_VALUE, LABEL, DECISION, DECISION_COMMENT,"
            + " DECIDED_BY, DECIDED_MILLIS, OUTCOME";

    private final KeycloakStore store;
    private final String realmId;

    AccessReviewTable(KeycloakSession session, String realmId) {
        this.store = KeycloakInternals.store(session, "the access reviews");
        this.realmId = realmId;
    }

    void insert(Review review, List<ReviewItem> items) {
        store.update("INSERT INTO MX_ACCESS_REVIEW (REALM_ID, " + REVIEW_COLUMNS + ") VALUES (?1, ?2, ?3, 'open', ?4, ?5, ?6, NULL, ?7)",
                realmId, review.id(), review.accountId(), review.startedBy(), review.startedAt(), review.endsAt(),
                review.undecided().id());
        for (ReviewItem item : items) {
            store.update("INSERT INTO MX_ACCESS_REVIEW_ITEM (REALM_ID, REVIEW_ID, ITEM_NO, PERSON_ID, KIND, ITEM_VALUE, LABEL)"
                    + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", realmId, review.id(), item.no(), item.personId(),
                    item.kind().id(), item.value(), item.label());
        }
    }

    Optional<Review> review(String reviewId) {
        return store.rows("SELECT " + REVIEW_COLUMNS + " FROM MX_ACCESS_REVIEW WHERE REALM_ID = ?1 AND REVIEW_ID = ?2",
                realmId, reviewId).stream().findFirst().map(AccessReviewTable::review);
    }

    List<Review> reviews(String accountId) {
        return store.rows("SELECT " + REVIEW_COLUMNS + " FROM MX_ACCESS_REVIEW WHERE REALM_ID = ?1 AND ACCOUNT_ID = ?2"
                + " ORDER BY STARTED_MILLIS DESC", realmId, accountId).stream().map(AccessReviewTable::review).toList();
    }

    List<ReviewItem> items(String reviewId) {
        return store.rows("SELECT " + ITEM_COLUMNS + " FROM MX_ACCESS_REVIEW_ITEM WHERE REALM_ID = ?1 AND REVIEW_ID = ?2"
                + " ORDER BY ITEM_NO", realmId, reviewId).stream().map(AccessReviewTable::item).toList();
    }

    /** Records the decision if the item is still undecided; false when someone decided it first. */
    boolean decide(String reviewId, int no, ReviewItem.Decision decision, String comment, String by, long at) {
        return store.update("UPDATE MX_ACCESS_REVIEW_ITEM SET DECISION = ?4, DECISION_COMMENT = ?5, DECIDED_BY = ?6,"
                + " DECIDED_MILLIS = ?7 WHERE REALM_ID = ?1 AND REVIEW_ID = ?2 AND ITEM_NO = ?3 AND DECISION IS NULL",
                realmId, reviewId, no, decision.id(), comment, by, at) == 1;
    }

    /** Closes the review if it is still open; false when it was closed already. */
    boolean close(String reviewId, long at) {
        return store.update("UPDATE MX_ACCESS_REVIEW SET STATUS = 'closed', CLOSED_MILLIS = ?3"
                + " WHERE REALM_ID = ?1 AND REVIEW_ID = ?2 AND STATUS = 'open'", realmId, reviewId, at) == 1;
    }

    void outcome(String reviewId, int no, String outcome) {
        store.update("UPDATE MX_ACCESS_REVIEW_ITEM SET OUTCOME = ?4 WHERE REALM_ID = ?1 AND REVIEW_ID = ?2 AND ITEM_NO = ?3",
                realmId, reviewId, no, outcome);
    }

    private static Review review(Object[] row) {
        return new Review(KeycloakStore.text(row[0]), KeycloakStore.text(row[1]), KeycloakStore.text(row[2]),
                KeycloakStore.text(row[3]), ((Number) row[4]).longValue(), ((Number) row[5]).longValue(),
                row[6] == null ? null : ((Number) row[6]).longValue(), ReviewItem.Decision.byId(KeycloakStore.text(row[7])));
    }

    private static ReviewItem item(Object[] row) {
        return new ReviewItem(((Number) row[0]).intValue(), KeycloakStore.text(row[1]),
                ReviewItem.Kind.byId(KeycloakStore.text(row[2])), KeycloakStore.text(row[3]), KeycloakStore.text(row[4]),
                ReviewItem.Decision.byId(KeycloakStore.text(row[5])), KeycloakStore.text(row[6]), KeycloakStore.text(row[7]),
                row[8] == null ? null : ((Number) row[8]).longValue(), KeycloakStore.text(row[9]));
    }
}
