package com.maintenanceaccess.notice;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Optional;

/**
 * When a notice is due, without a Keycloak session. Each answer is a notice key that stays the same
 * for as long as the notice is due, so a run that finds it claimed already sends nothing, and a
 * failed send is tried again by the next run that still finds it due.
 * <ul>
 * <li>Before a lapse only the nearest lead time crossed counts: a record granted 20 days before it
 * lapses gets the 30-day notice, not the 60-day one as well. The key holds the lapse date, so a
 * record extended to a new date gets its notices again.</li>
 * <li>A lapse is noticed from the moment it happens for {@link #LATE_DAYS} days (a server that was
 * down on the day still tells); an old lapse found by a first run is not reported.</li>
 * </ul>
 */
public final class NoticePlan {

    /** How long after the event a lapse or an invitation's expiry is still noticed. */
    public static final int LATE_DAYS = 7;

    /** How far ahead the officers' weekly digest looks. */
    public static final int DIGEST_DAYS = 60;

    private NoticePlan() {
    }

    /**
     * The notice due at {@code now} before or on the day a record's recency lapses (the first day
     * the signoff check's recency rule refuses it, {@code RecordUsability#recencyLapse}): the same
     * lead times and lateness as a lapse, under keys of their own ("recency-lapsing:30:2027-01-06").
     */
    public static Optional<String> recencyLapse(LocalDate day, Instant now, List<Integer> leadDays) {
        return day == null ? Optional.empty()
                : lapse(day.atStartOfDay(ZoneOffset.UTC).toInstant(), now, leadDays).map(key -> "recency-" + key);
    }

    /** The officers' digest is due once per ISO week (UTC): "digest:2026-W50". */
    public static String digestKey(Instant now) {
        LocalDate day = now.atOffset(ZoneOffset.UTC).toLocalDate();
        return String.format("digest:%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The lapse notice due at {@code now} for something valid until {@code until}, if any. */
    public static Optional<String> lapse(Instant until, Instant now, List<Integer> leadDays) {
        if (until == null) {
            return Optional.empty();
        }
        String date = until.atOffset(ZoneOffset.UTC).toLocalDate().toString();
        if (!now.isBefore(until)) {
            return now.isBefore(until.plus(Duration.ofDays(LATE_DAYS)))
                    ? Optional.of("lapsed:" + date) : Optional.empty();
        }
        Integer due = null;
        for (int lead : leadDays) {
            if (!now.isBefore(until.minus(Duration.ofDays(lead))) && (due == null || lead < due)) {
                due = lead;
            }
        }
        return due == null ? Optional.empty() : Optional.of("lapsing:" + due + ":" + date);
    }

    /** The reminder due for an invitation sent at {@code sentAt} and still pending, if any. */
    public static Optional<String> invitationReminder(Instant sentAt, Instant expiresAt, Instant now,
            List<Integer> reminderDays) {
        if (sentAt == null || (expiresAt != null && !now.isBefore(expiresAt))) {
            return Optional.empty();
        }
        Integer due = null;
        for (int days : reminderDays) {
            if (!now.isBefore(sentAt.plus(Duration.ofDays(days))) && (due == null || days > due)) {
                due = days;
            }
        }
        return due == null ? Optional.empty() : Optional.of("invitation-pending:" + due + ":" + sentAt.toEpochMilli());
    }

    /** The expiry notice of a pending invitation, due for {@link #LATE_DAYS} days after it expired. */
    public static Optional<String> invitationExpired(Instant expiresAt, Instant now) {
        if (expiresAt == null || now.isBefore(expiresAt) || !now.isBefore(expiresAt.plus(Duration.ofDays(LATE_DAYS)))) {
            return Optional.empty();
        }
        return Optional.of("invitation-expired:" + expiresAt.toEpochMilli());
    }

    /** Days from {@code now} to {@code until}, rounded up (a lapse in 6 days and 2 hours is "in 7 days"). */
    public static long daysLeft(Instant until, Instant now) {
        long seconds = Duration.between(now, until).getSeconds();
        return seconds <= 0 ? 0 : (seconds + 86_399) / 86_400;
    }
}
