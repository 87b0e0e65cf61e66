package com.maintenanceaccess.invitation.model;

import com.maintenanceaccess.kernel.Problems;

/**
 * How long an invitation link lives: 1 to 30 days, the realm's default (realm attribute
 * {@code mx.invitation.defaultExpiryDays}) when the administrator names none, 7 days when
 * the realm names none either.
 */
public final class ExpiryDays {

    public static final int MIN = 1;
    public static final int MAX = 30;
    public static final int FALLBACK_DEFAULT = 7;
    public static final String REALM_ATTRIBUTE = "mx.invitation.defaultExpiryDays";

    private ExpiryDays() {
    }

    /** The realm default; a missing or unusable realm value falls back to 7 days. */
    public static int realmDefault(String realmAttribute) {
        if (realmAttribute == null || realmAttribute.isBlank()) {
            return FALLBACK_DEFAULT;
        }
        try {
            int days = Integer.parseInt(realmAttribute.trim());
            return allowed(days) ? days : FALLBACK_DEFAULT;
        } catch (NumberFormatException e) {
            return FALLBACK_DEFAULT;
        }
    }

    /** Whether {@code days} is an expiry an administrator may ask for. */
    public static boolean allowed(int days) {
        return days >= MIN && days <= MAX;
    }

    /** What is wrong with an {@code expiresInDays} out of range (one sentence wherever it is checked). */
    public static final String OUT_OF_RANGE = "must be between " + MIN + " and " + MAX;

    /** The expiry for one invitation; 400 naming {@code expiresInDays} when out of range. */
    public static int resolve(Integer requested, String realmAttribute) {
        if (requested == null) {
            return realmDefault(realmAttribute);
        }
        if (!allowed(requested)) {
            throw Problems.invalid("expiresInDays", OUT_OF_RANGE);
        }
        return requested;
    }
}
