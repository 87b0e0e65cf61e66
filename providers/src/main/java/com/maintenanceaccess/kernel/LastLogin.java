package com.maintenanceaccess.kernel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.keycloak.models.UserModel;

/**
 * The day a user last logged in, kept on the user (Keycloak itself keeps it only in the
 * event store, which is expensive to query per user). Written at most once a day per user.
 */
public final class LastLogin {

    public static final String ATTRIBUTE = "mx.last-login";

    private LastLogin() {
    }

    public static void record(UserModel user, Instant at) {
        String today = LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
        if (!today.equals(user.getFirstAttribute(ATTRIBUTE))) {
            user.setSingleAttribute(ATTRIBUTE, today);
        }
    }

    /** Start of the recorded day, or null if the user has not logged in since it was recorded. */
    public static Instant of(UserModel user) {
        String day = user.getFirstAttribute(ATTRIBUTE);
        try {
            return day == null ? null : LocalDate.parse(day).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
