package com.maintenanceaccess.notice;

/**
 * What a notice says and to whom; {@link #id()} picks the text in the e-mail theme
 * ({@code mx-notice.ftl}, messages {@code mxNotice.<id>.*}).
 */
public enum NoticeKind {
    LAPSING_TO_PERSON("lapsing-person"),
    LAPSING_TO_OFFICER("lapsing-officer"),
    LAPSED_TO_PERSON("lapsed-person"),
    LAPSED_TO_OFFICER("lapsed-officer"),
    RECENCY_LAPSING_TO_PERSON("recency-lapsing-person"),
    RECENCY_LAPSING_TO_OFFICER("recency-lapsing-officer"),
    RECENCY_LAPSED_TO_PERSON("recency-lapsed-person"),
    RECENCY_LAPSED_TO_OFFICER("recency-lapsed-officer"),
    DIGEST_TO_OFFICER("digest-officer"),
    INVITATION_REMINDER("invitation-reminder"),
    INVITATION_PENDING_TO_ADMINISTRATOR("invitation-pending-admin"),
    INVITATION_EXPIRED_TO_ADMINISTRATOR("invitation-expired-admin"),
    GRANTED("granted"),
    SUSPENDED("suspended"),
    REINSTATED("reinstated"),
    REVOKED("revoked"),
    DEACTIVATED("deactivated"),
    /** An access review has items waiting for this reviewer (review/campaign/ReviewJob). */
    REVIEW_REMINDER("review-reminder");

    private final String id;

    NoticeKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static NoticeKind byId(String id) {
        for (NoticeKind kind : values()) {
            if (kind.id.equals(id)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no notice kind " + id);
    }
}
