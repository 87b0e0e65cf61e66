package com.maintenanceaccess.bundle.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * A signoff-level authentication (user session, {@code auth_time} and the login's random step
 * id, {@code -} when the token carries none) already presented in a realm: one authentication signs once, whatever tokens it yields (issue 23, docs/signoffs.md).
 * The primary key is the compare-and-set: of two signoffs with one authentication, exactly one
 * insert succeeds.
 */
@Entity(name = "MxSignoffAuthentication")
@Table(name = "MX_SIGNOFF_AUTHENTICATION")
@IdClass(SignoffAuthenticationEntity.Key.class)
public class SignoffAuthenticationEntity {

    @Id
    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Id
    @Column(name = "SESSION_ID", length = 255, nullable = false)
    private String sessionId;

    @Id
    @Column(name = "AUTH_TIME", nullable = false)
    private long authTime;

    @Id
    @Column(name = "STEP_ID", length = 64, nullable = false)
    private String stepId;

    @Column(name = "USER_ID", length = 255)
    private String userId;

    @Column(name = "JTI", length = 255)
    private String jti;

    @Column(name = "USED_MILLIS", nullable = false)
    private long usedMillis;

    protected SignoffAuthenticationEntity() {
    }

    /** The primary key: realm, session, authentication time and step id. */
    public static class Key implements Serializable {
        private String realmId;
        private String sessionId;
        private long authTime;
        private String stepId;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && authTime == k.authTime && Objects.equals(realmId, k.realmId)
                    && Objects.equals(sessionId, k.sessionId) && Objects.equals(stepId, k.stepId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(realmId, sessionId, authTime, stepId);
        }
    }
}
