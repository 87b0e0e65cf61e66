package com.maintenanceaccess.review.campaign;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * When the review job acts on an account (issue 25, item 2), without a Keycloak session: a review
 * is started every {@code mx.review.every-months} months counted from the start of the account's
 * last review (at once when the schedule is on and the account has none), and reviewers with open
 * items are reminded {@value #REMINDER_7} days and {@value #REMINDER_1} day before the end date
 * (the nearest reminder day crossed only, once per review and day).
 */
public final class ReviewSchedule {

    static final int REMINDER_7 = 7;
    static final int REMINDER_1 = 1;
    /** Days before the end date, largest first. */
    public static final List<Integer> REMINDER_DAYS = List.of(REMINDER_7, REMINDER_1);

    private ReviewSchedule() {
    }

    /**
     * The scheduled start due now: empty when the schedule is off ({@code months} 0) or the next
     * start is still ahead; else the start it is due for ({@code lastStart} plus the months, in UTC
     * calendar months), or {@code now} when the account has no review yet.
     */
    public static Optional<Instant> due(Instant lastStart, int months, Instant now) {
        if (months <= 0) {
            return Optional.empty();
        }
        if (lastStart == null) {
            return Optional.of(now);
        }
        Instant next = lastStart.atOffset(ZoneOffset.UTC).plusMonths(months).toInstant();
        return now.isBefore(next) ? Optional.empty() : Optional.of(next);
    }

    /** The reminder day crossed now (days before {@code endsAt}), the nearest one; empty before the first and after the end. */
    public static Optional<Integer> reminderDay(Instant endsAt, Instant now) {
        if (!now.isBefore(endsAt)) {
            return Optional.empty();
        }
        Optional<Integer> crossed = Optional.empty();
        for (int days : REMINDER_DAYS) {
            if (!now.isBefore(endsAt.minusSeconds(days * 86_400L))) {
                crossed = Optional.of(days);
            }
        }
        return crossed;
    }

    /** The account's schedule from its attribute: 1 to 24 months, anything else (absent, 0, not a number) is off. */
    public static int months(String attribute) {
        if (attribute == null) {
            return 0;
        }
        try {
            int months = Integer.parseInt(attribute.trim());
            return months >= 1 && months <= 24 ? months : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
