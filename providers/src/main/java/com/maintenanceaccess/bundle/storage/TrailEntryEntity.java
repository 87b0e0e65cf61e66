package com.maintenanceaccess.bundle.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * One entry of a realm's trail (trail/TrailTable reads and writes it in SQL). The mapping is
 * what Keycloak's persistence unit knows of the table; the changelog creates it; the start check
 * reads through it ({@code bundle/KeycloakInternals#checkStore}), so the two cannot drift apart
 * unnoticed.
 */
@Entity(name = "MxTrailEntry")
@Table(name = "MX_TRAIL_ENTRY")
@IdClass(TrailEntryEntity.Key.class)
public class TrailEntryEntity {

    @Id
    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Id
    @Column(name = "SEQ", nullable = false)
    private long seq;

    @Column(name = "ENTRY_ID", length = 36, nullable = false)
    private String entryId;

    @Column(name = "KIND", length = 40, nullable = false)
    private String kind;

    @Column(name = "SUBJECT_ID")
    private String subjectId;

    @Column(name = "AT_MILLIS", nullable = false)
    private long atMillis;

    /** VARCHAR(100000) on H2 and PostgreSQL (as release 0.1 created it), a long text type elsewhere. */
    @Column(name = "BODY", length = 100000, nullable = false)
    private String body;

    @Column(name = "PREVIOUS_HASH", length = 64, nullable = false)
    private String previousHash;

    @Column(name = "ENTRY_HASH", length = 64, nullable = false)
    private String entryHash;

    protected TrailEntryEntity() {
    }

    /** The primary key: realm and sequence number. */
    public static class Key implements Serializable {
        private String realmId;
        private long seq;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && seq == k.seq && Objects.equals(realmId, k.realmId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(realmId, seq);
        }
    }
}
