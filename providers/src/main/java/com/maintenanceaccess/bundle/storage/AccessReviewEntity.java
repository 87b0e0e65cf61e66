package com.maintenanceaccess.bundle.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** An access review of one account (review/campaign, docs/access-review.md). */
@Entity(name = "MxAccessReview")
@Table(name = "MX_ACCESS_REVIEW")
@IdClass(AccessReviewEntity.Key.class)
public class AccessReviewEntity {

    @Id
    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Id
    @Column(name = "REVIEW_ID", length = 36, nullable = false)
    private String reviewId;

    @Column(name = "ACCOUNT_ID", length = 36, nullable = false)
    private String accountId;

    @Column(name = "STATUS", length = 10, nullable = false)
    private String status;

    @Column(name = "STARTED_BY", length = 255, nullable = false)
    private String startedBy;

    @Column(name = "STARTED_MILLIS", nullable = false)
    private long startedMillis;

    @Column(name = "ENDS_MILLIS", nullable = false)
    private long endsMillis;

    @Column(name = "CLOSED_MILLIS")
    private Long closedMillis;

    @Column(name = "UNDECIDED", length = 10, nullable = false)
    private String undecided;

    protected AccessReviewEntity() {
    }

    /** The primary key. */
    public static class Key implements Serializable {
        private String realmId;
        private String reviewId;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(realmId, k.realmId) && Objects.equals(reviewId, k.reviewId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(realmId, reviewId);
        }
    }
}
