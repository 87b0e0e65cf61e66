package com.maintenanceaccess.scim;

import jakarta.annotation.Nullable;
import java.time.Instant;

/** A provisioning token as stored, without its secret (only the secret's hash is stored). */
public record ScimToken(String id, String accountId, String name, String createdBy, Instant created,
                        Instant lastUsed, Instant expires, Instant revoked, String revokedBy) {

    /** active, expired or revoked at {@code now}. */
    public String status(Instant now) {
        if (revoked != null) {
            return "revoked";
        }
        return expires != null && !now.isBefore(expires) ? "expired" : "active";
    }

    public boolean usable(Instant now) {
        return "active".equals(status(now));
    }

    /** The API's and the admin event's form of a token: never the secret or its hash; status active, expired or revoked. */
    public record ScimTokenView(String id, String name, String status, String createdBy, String created, @Nullable String lastUsed,
                       @Nullable String expires, @Nullable String revoked, @Nullable String revokedBy) {
    }

    public ScimTokenView view(Instant now) {
        return new ScimTokenView(id, name, status(now), createdBy, text(created), text(lastUsed), text(expires), text(revoked),
                revokedBy);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
