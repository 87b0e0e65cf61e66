package com.maintenanceaccess.invitation;

import com.maintenanceaccess.invitation.model.Invitation;
import com.maintenanceaccess.invitation.model.InvitationStatus;
import com.maintenanceaccess.kernel.Problems;
import com.maintenanceaccess.kernel.QueryParams;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The list filters of {@code GET /mx/invitations}: effective status, age of the last link
 * in days (min/max), a case-insensitive part of the address, and paging. Invalid values are
 * refused with 400 naming the parameter.
 */
public record InvitationFilter(InvitationStatus status, Integer minAgeDays, Integer maxAgeDays, String address,
        int first, int max) {

    public static final int DEFAULT_MAX = 50;
    public static final int MAX_MAX = 500;

    public static InvitationFilter parse(String status, String minAgeDays, String maxAgeDays, String address,
            String first, String max) {
        InvitationStatus parsedStatus = null;
        if (status != null && !status.isBlank()) {
            parsedStatus = InvitationStatus.parse(status);
            if (parsedStatus == null) {
                throw Problems.invalid("status",
                        "status must be one of pending, accepted, expired, revoked (was " + status + ")");
            }
        }
        Integer min = integer("minAgeDays", minAgeDays, 0, Integer.MAX_VALUE, null);
        Integer maxAge = integer("maxAgeDays", maxAgeDays, 0, Integer.MAX_VALUE, null);
        if (min != null && maxAge != null && min > maxAge) {
            throw Problems.invalid("minAgeDays", "minAgeDays must not be greater than maxAgeDays");
        }
        int firstResult = integer("first", first, 0, Integer.MAX_VALUE, 0);
        int maxResults = integer("max", max, 1, MAX_MAX, DEFAULT_MAX);
        String part = address == null || address.isBlank() ? null : address.trim().toLowerCase(Locale.ROOT);
        return new InvitationFilter(parsedStatus, min, maxAge, part, firstResult, maxResults);
    }

    /** {@code effective} is the invitation's status as of the expiry clock, {@code now} the wall clock. */
    public boolean matches(Invitation invitation, InvitationStatus effective, Instant now) {
        if (status != null && effective != status) {
            return false;
        }
        long age = invitation.ageInDays(now);
        if (minAgeDays != null && age < minAgeDays) {
            return false;
        }
        if (maxAgeDays != null && age > maxAgeDays) {
            return false;
        }
        return address == null || (invitation.email() != null
                && invitation.email().toLowerCase(Locale.ROOT).contains(address));
    }

    private static Integer integer(String name, String value, int min, int max, Integer fallback) {
        List<Problems.Problem> problems = new ArrayList<>();
        Integer number = QueryParams.integer(name, value, fallback, min, max, problems);
        if (!problems.isEmpty()) {
            throw Problems.invalid(name, problems.get(0).message());
        }
        return number;
    }
}
