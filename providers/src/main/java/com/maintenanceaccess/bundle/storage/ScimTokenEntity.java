package com.maintenanceaccess.bundle.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A provisioning (SCIM) token of one account (docs/scim.md): its name, who made it, when it was
 * last used, when it expires or was revoked, and the SHA-256 of its secret (the secret itself is
 * shown once and never stored). Read and written with plain SQL by {@code scim/ScimTokenTable}.
 */
@Entity(name = "MxScimToken")
@Table(name = "MX_SCIM_TOKEN")
public class ScimTokenEntity {

    @Id
    @Column(name = "ID", length = 36, nullable = false)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "ACCOUNT_ID", length = 36, nullable = false)
    private String accountId;

    @Column(name = "NAME", length = 100, nullable = false)
    private String name;

    @Column(name = "SECRET_HASH", length = 64, nullable = false)
    private String secretHash;

    @Column(name = "CREATED_BY", length = 255, nullable = false)
    private String createdBy;

    @Column(name = "CREATED_MILLIS", nullable = false)
    private long createdMillis;

    @Column(name = "LAST_USED_MILLIS")
    private Long lastUsedMillis;

    @Column(name = "EXPIRES_MILLIS")
    private Long expiresMillis;

    @Column(name = "REVOKED_MILLIS")
    private Long revokedMillis;

    @Column(name = "REVOKED_BY", length = 255)
    private String revokedBy;

    protected ScimTokenEntity() {
    }
}
