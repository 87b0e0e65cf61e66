package com.maintenanceaccess.bundle.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A realm's trail head: the last sequence number and hash written. Its row is locked for every
 * append (trail/TrailTable), which serialises the realm's appends.
 */
@Entity(name = "MxTrailHead")
@Table(name = "MX_TRAIL_HEAD")
public class TrailHeadEntity {

    @Id
    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "SEQ", nullable = false)
    private long seq;

    @Column(name = "ENTRY_HASH", length = 64, nullable = false)
    private String entryHash;

    protected TrailHeadEntity() {
    }
}
