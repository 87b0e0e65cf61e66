package com.maintenanceaccess.authorization.model;

import java.time.Instant;
import java.util.Locale;

/**
 * Where an authorization stands at an instant. Only {@link #VALID} may be used: it is active,
 * {@code effective <= t < expiry}, and its licence (if any) has not expired.
 */
public enum AuthorizationState {
    VALID, NOT_YET_EFFECTIVE, EXPIRED, LICENCE_EXPIRED, SUSPENDED, REVOKED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AuthorizationState at(PersonnelAuthorization a, Instant t) {
        switch (a.status()) {
            case REVOKED:
                return REVOKED;
            case SUSPENDED:
                return SUSPENDED;
            default:
                break;
        }
        if (a.effective() == null || t.isBefore(a.effective())) {
            return NOT_YET_EFFECTIVE;
        }
        if (a.expiry() == null || !t.isBefore(a.expiry())) {
            return EXPIRED;
        }
        if (a.licence() != null && a.licence().end() != null && !t.isBefore(a.licence().end())) {
            return LICENCE_EXPIRED;
        }
        return VALID;
    }
}
