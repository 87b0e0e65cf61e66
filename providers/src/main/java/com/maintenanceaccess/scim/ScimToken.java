package com.maintenanceaccess.scim;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

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

    /** The API's and the admin event's form: never the secret or its hash. */
    public Map<String, Object> view(Instant now) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id);
        view.put("name", name);
        view.put("status", status(now));
        view.put("createdBy", createdBy);
        view.put("created", text(created));
        view.put("lastUsed", text(lastUsed));
        view.put("expires", text(expires));
        view.put("revoked", text(revoked));
        view.put("revokedBy", revokedBy);
        return view;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
