package com.maintenanceaccess.bundle.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * One notice claimed for one recipient (notice/NoticeLedger, docs/notices.md): the primary key
 * (realm, subject, notice key, recipient) is the compare-and-set that makes a notice go out once,
 * across restarts and on every node. The row is inserted before the mail is sent.
 */
@Entity(name = "MxNotice")
@Table(name = "MX_NOTICE")
@IdClass(NoticeEntity.Key.class)
public class NoticeEntity {

    @Id
    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Id
    @Column(name = "SUBJECT_ID", length = 64, nullable = false)
    private String subjectId;

    @Id
    @Column(name = "NOTICE_KEY", length = 100, nullable = false)
    private String noticeKey;

    @Id
    @Column(name = "RECIPIENT_ID", length = 36, nullable = false)
    private String recipientId;

    @Column(name = "STATUS", length = 10, nullable = false)
    private String status;

    @Column(name = "ATTEMPTS", nullable = false)
    private int attempts;

    @Column(name = "CLAIMED_MILLIS", nullable = false)
    private long claimedMillis;

    @Column(name = "SENT_MILLIS")
    private Long sentMillis;

    @Column(name = "LAST_ERROR", length = 255)
    private String lastError;

    /** What the mail says (kind and facts, notice/NoticeCodec): a failed send is tried again from it. */
    @Column(name = "NOTICE_BODY", length = 2000)
    private String noticeBody;

    protected NoticeEntity() {
    }

    /** The primary key. */
    public static class Key implements Serializable {
        private String realmId;
        private String subjectId;
        private String noticeKey;
        private String recipientId;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(realmId, k.realmId) && Objects.equals(subjectId, k.subjectId)
                    && Objects.equals(noticeKey, k.noticeKey) && Objects.equals(recipientId, k.recipientId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(realmId, subjectId, noticeKey, recipientId);
        }
    }
}
