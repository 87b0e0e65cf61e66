package com.maintenanceaccess.bundle.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A signoff token id already presented in a realm (single use of the proof, docs/signoffs.md). */
@Entity(name = "MxSignoffProof")
@Table(name = "MX_SIGNOFF_PROOF")
@IdClass(SignoffProofEntity.Key.class)
public class SignoffProofEntity {

    @Id
    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Id
    @Column(name = "JTI", length = 255, nullable = false)
    private String jti;

    @Column(name = "USED_MILLIS", nullable = false)
    private long usedMillis;

    protected SignoffProofEntity() {
    }

    /** The primary key: realm and token id. */
    public static class Key implements Serializable {
        private String realmId;
        private String jti;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(jti, k.jti) && Objects.equals(realmId, k.realmId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(realmId, jti);
        }
    }
}
