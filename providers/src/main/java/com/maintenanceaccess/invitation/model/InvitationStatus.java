package com.maintenanceaccess.invitation.model;

import java.util.Locale;

/** Where an invitation stands. Stored lower-case in {@code mx.invitation.status}. */
public enum InvitationStatus {
    PENDING, ACCEPTED, EXPIRED, REVOKED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a stored or requested value; {@code null} when it names no status. */
    public static InvitationStatus parse(String value) {
        if (value == null) {
            return null;
        }
        for (InvitationStatus status : values()) {
            if (status.value().equalsIgnoreCase(value.trim())) {
                return status;
            }
        }
        return null;
    }
}
