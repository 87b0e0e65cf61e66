package com.maintenanceaccess.authorization.rules;

import com.maintenanceaccess.authorization.model.AuthorizationState;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization.Period;
import com.maintenanceaccess.authorization.rules.AuthorizationCatalog.TypeRule;
import com.maintenanceaccess.authorization.rules.SignoffCheck.Reason;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one rule set that decides whether a record can be used at signoff, apart from the work's
 * scope: the person is enabled (not a leaver), the record is active and within its dates, its
 * licence has not expired, and recency and continuation training hold where the type asks.
 * The signoff check, explain, the setup review, the roster and the {@code mx_auth} claim all
 * ask this class, so none of them calls a record valid that the others refuse.
 */
public final class RecordUsability {

    private final AuthorizationCatalog catalog;

    public RecordUsability(AuthorizationCatalog catalog) {
        this.catalog = catalog;
    }

    /** Why the record cannot be used at {@code t} (empty: usable), in the order the signoff check reports. */
    public List<Reason> against(PersonnelAuthorization a, boolean personEnabled, Instant t) {
        List<Reason> reasons = new ArrayList<>();
        if (!personEnabled) {
            reasons.add(Reason.USER_DISABLED);
        }
        switch (AuthorizationState.at(a, t)) {
            case REVOKED -> reasons.add(Reason.REVOKED);
            case SUSPENDED -> reasons.add(Reason.SUSPENDED);
            case NOT_YET_EFFECTIVE -> reasons.add(Reason.NOT_YET_EFFECTIVE);
            case EXPIRED -> reasons.add(Reason.EXPIRED);
            case LICENCE_EXPIRED -> reasons.add(Reason.LICENCE_EXPIRED);
            case VALID -> {
            }
        }
        // A suspended or revoked record is not usable whatever its dates; an active one can
        // be outside its dates and have an expired licence at the same time: report both.
        if (a.status() == PersonnelAuthorization.Status.ACTIVE && !reasons.contains(Reason.LICENCE_EXPIRED)
                && a.licence() != null && a.licence().end() != null && !t.isBefore(a.licence().end())) {
            reasons.add(Reason.LICENCE_EXPIRED);
        }
        Optional<TypeRule> type = catalog.type(a.type());
        if (type.isPresent() && type.get().requiresRecency() && !recent(a, t)) {
            reasons.add(Reason.RECENCY_LAPSED);
        }
        return reasons;
    }

    public boolean usable(PersonnelAuthorization a, boolean personEnabled, Instant t) {
        return against(a, personEnabled, t).isEmpty();
    }

    /** The records that can be used at {@code t}. */
    public List<PersonnelAuthorization> usable(List<PersonnelAuthorization> records, boolean personEnabled, Instant t) {
        return records.stream().filter(a -> usable(a, personEnabled, t)).toList();
    }

    /**
     * The first day in {@code [from, to]} (UTC days) on which the record's recency or continuation
     * training stops holding by the rule of {@link #recent} (so the signoff check starts refusing
     * it with {@code recency_lapsed}), having held the day before, if the records stay as they are.
     * Empty when the type asks no recency, when it holds throughout, or when it had lapsed before
     * {@code from}. The notice job tells of it in advance (docs/notices.md).
     */
    public Optional<LocalDate> recencyLapse(PersonnelAuthorization a, LocalDate from, LocalDate to) {
        Optional<TypeRule> type = catalog.type(a.type());
        if (type.isEmpty() || !type.get().requiresRecency()) {
            return Optional.empty();
        }
        boolean heldBefore = recent(a, startOf(from.minusDays(1)));
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            boolean holds = recent(a, startOf(day));
            if (heldBefore && !holds) {
                return Optional.of(day);
            }
            heldBefore = holds;
        }
        return Optional.empty();
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /**
     * Recency and continuation training at {@code t}: enough days of relevant experience in the
     * preceding window (Part-145.A.35(c): six months in two years), and training not too old.
     */
    boolean recent(PersonnelAuthorization a, Instant t) {
        LocalDate today = LocalDate.ofInstant(t, ZoneOffset.UTC);
        LocalDate windowStart = today.minusMonths(catalog.recencyWindowMonths());
        long days = 0;
        for (Period p : a.experience()) {
            LocalDate from = p.from().isBefore(windowStart) ? windowStart : p.from();
            LocalDate to = p.to().isAfter(today) ? today : p.to();
            if (!to.isBefore(from)) {
                days += to.toEpochDay() - from.toEpochDay() + 1;
            }
        }
        boolean trained = a.continuationTraining() != null && !a.continuationTraining().isAfter(today)
                && !a.continuationTraining().isBefore(today.minusMonths(catalog.continuationTrainingMonths()));
        return days >= catalog.recencyMinimumDays() && trained;
    }
}
