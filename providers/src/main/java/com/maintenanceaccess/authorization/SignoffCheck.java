package com.maintenanceaccess.authorization;

import com.maintenanceaccess.authorization.AuthorizationCatalog.TypeRule;
import com.maintenanceaccess.authorization.PersonnelAuthorization.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a signer may sign off a piece of work at an instant, from the signer's
 * authorization records alone. Allowed when at least one record of the requested type has no
 * reason against it and no reason applies to the signoff as a whole (signer performed work).
 */
public final class SignoffCheck {

    /** Machine-readable reasons, in the order they are reported. */
    public enum Reason {
        MISSING, REVOKED, SUSPENDED, NOT_YET_EFFECTIVE, EXPIRED, LICENCE_EXPIRED, OUT_OF_SCOPE, RECENCY_LAPSED,
        SIGNER_PERFORMED_WORK;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What the maintenance app asks. {@code base} may be null (no base restriction asked). */
    public record Request(String signer, String authorizationType, String aircraftType, String taskCategory,
                          Set<String> performers, String base, Instant time) {
    }

    /** Reasons against one record. */
    public record Candidate(PersonnelAuthorization authorization, List<Reason> reasons) {
    }

    public record Decision(boolean allowed, List<Reason> reasons, PersonnelAuthorization authorization,
                           List<Candidate> candidates) {
    }

    private final AuthorizationCatalog catalog;

    public SignoffCheck(AuthorizationCatalog catalog) {
        this.catalog = catalog;
    }

    public Decision decide(Request request, List<PersonnelAuthorization> signerRecords) {
        Optional<TypeRule> type = catalog.type(request.authorizationType());
        List<Reason> global = new ArrayList<>();
        if (type.map(TypeRule::independentOfPerformer).orElse(false)
                && request.performers().contains(request.signer())) {
            global.add(Reason.SIGNER_PERFORMED_WORK);
        }
        List<Candidate> candidates = signerRecords.stream()
                .filter(a -> a.type().equals(request.authorizationType()))
                .map(a -> new Candidate(a, reasons(a, type.orElse(null), request)))
                .sorted(Comparator.comparingInt(c -> c.reasons().size()))
                .toList();
        if (candidates.isEmpty()) {
            List<Reason> reasons = new ArrayList<>(List.of(Reason.MISSING));
            reasons.addAll(global);
            return new Decision(false, reasons, null, candidates);
        }
        Candidate best = candidates.get(0);
        Set<Reason> reasons = new LinkedHashSet<>(best.reasons());
        reasons.addAll(global);
        boolean allowed = reasons.isEmpty();
        return new Decision(allowed, List.copyOf(reasons), allowed ? best.authorization() : null, candidates);
    }

    List<Reason> reasons(PersonnelAuthorization a, TypeRule type, Request request) {
        List<Reason> reasons = new ArrayList<>();
        Instant t = request.time();
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
        if (!inScope(a, request)) {
            reasons.add(Reason.OUT_OF_SCOPE);
        }
        if (type != null && type.requiresRecency() && !recent(a, t)) {
            reasons.add(Reason.RECENCY_LAPSED);
        }
        return reasons;
    }

    private boolean inScope(PersonnelAuthorization a, Request request) {
        boolean aircraft = request.aircraftType() != null
                && a.scope().aircraft().stream().anyMatch(entry -> catalog.covers(entry, request.aircraftType()));
        boolean task = request.taskCategory() != null && a.scope().tasks().contains(request.taskCategory());
        boolean base = request.base() == null || a.scope().bases().isEmpty() || a.scope().bases().contains(request.base());
        return aircraft && task && base;
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
