package com.maintenanceaccess.bundle.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One item of an access review: a person's template, account role or authorization, and its decision. */
@Entity(name = "MxAccessReviewItem")
@Table(name = "MX_ACCESS_REVIEW_ITEM")
@IdClass(AccessReviewItemEntity.Key.class)
public class AccessReviewItemEntity {

    @Id
    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Id
    @Column(name = "REVIEW_ID", length = 36, nullable = false)
    private String reviewId;

    @Id
    @Column(name = "ITEM_NO", nullable = false)
    private int itemNo;

    @Column(name = "PERSON_ID", length = 36, nullable = false)
    private String personId;

    @Column(name = "KIND", length = 20, nullable = false)
    private String kind;

    @Column(name = "ITEM_VALUE", length = 255, nullable = false)
    private String itemValue;

    @Column(name = "LABEL", length = 255, nullable = false)
    private String label;

    @Column(name = "DECISION", length = 10)
    private String decision;

    @Column(name = "DECISION_COMMENT", length = 500)
    private String decisionComment;

    @Column(name = "DECIDED_BY", length = 255)
    private String decidedBy;

    @Column(name = "DECIDED_MILLIS")
    private Long decidedMillis;

    @Column(name = "OUTCOME", length = 20)
    private String outcome;

    protected AccessReviewItemEntity() {
    }

    /** The primary key. */
    public static class Key implements Serializable {
        private String realmId;
        private String reviewId;
        private int itemNo;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(realmId, k.realmId) && Objects.equals(reviewId, k.reviewId)
                    && itemNo == k.itemNo;
        }

        @Override
        public int hashCode() {
            return Objects.hash(realmId, reviewId, itemNo);
        }
    }
}
