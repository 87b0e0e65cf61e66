package com.maintenanceaccess.bundle.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A request that waits for a second person of the account (docs/authorizations.md, "Four eyes"):
 * the authority it would grant ({@code PAYLOAD}), who asked and when, and once decided who decided
 * and how. Rows are never deleted: they are the record of both people. Read and written as plain
 * SQL by {@code approval/ApprovalTable}; the entity is here so that Keycloak's start check reads it.
 */
@Entity(name = "MxApproval")
@Table(name = "MX_APPROVAL")
public class ApprovalEntity {

    @Id
    @Column(name = "ID", length = 36, nullable = false)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "ACCOUNT_ID", length = 36, nullable = false)
    private String accountId;

    @Column(name = "KIND", length = 40, nullable = false)
    private String kind;

    @Column(name = "SUBJECT_ID", length = 36, nullable = false)
    private String subjectId;

    @Column(name = "REQUESTED_BY", length = 36, nullable = false)
    private String requestedBy;

    @Column(name = "REQUESTED_MILLIS", nullable = false)
    private long requestedMillis;

    @Column(name = "EXPIRES_MILLIS", nullable = false)
    private long expiresMillis;

    @Column(name = "PAYLOAD", length = 100000, nullable = false)
    private String payload;

    @Column(name = "STATE", length = 20, nullable = false)
    private String state;

    @Column(name = "DECIDED_BY", length = 36)
    private String decidedBy;

    @Column(name = "DECIDED_MILLIS")
    private Long decidedMillis;

    @Column(name = "REASON", length = 500)
    private String reason;

    protected ApprovalEntity() {
    }
}
