package com.maintenanceaccess.authorization.rules;

import com.maintenanceaccess.authorization.model.PersonnelAuthorization;
import com.maintenanceaccess.authorization.rules.AuthorizationCatalog.TypeRule;
import java.time.Instant;
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
        USER_DISABLED, MISSING, REVOKED, SUSPENDED, NOT_YET_EFFECTIVE, EXPIRED, LICENCE_EXPIRED, OUT_OF_SCOPE, RECENCY_LAPSED,
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
    private final RecordUsability usability;

    public SignoffCheck(AuthorizationCatalog catalog) {
        this.catalog = catalog;
        this.usability = new RecordUsability(catalog);
    }

    /** For an enabled signer (the unit tests' tables); the server always says whether the signer is enabled. */
    public Decision decide(Request request, List<PersonnelAuthorization> signerRecords) {
        return decide(request, signerRecords, true);
    }

    /**
     * A disabled or deactivated signer (a leaver) is never allowed: {@code user_disabled} is
     * then a reason against every record and against the signoff as a whole.
     */
    public Decision decide(Request request, List<PersonnelAuthorization> signerRecords, boolean signerEnabled) {
        Optional<TypeRule> type = catalog.type(request.authorizationType());
        List<Reason> global = new ArrayList<>();
        if (!signerEnabled) {
            global.add(Reason.USER_DISABLED);
        }
        if (type.map(TypeRule::independentOfPerformer).orElse(false)
                && request.performers().contains(request.signer())) {
            global.add(Reason.SIGNER_PERFORMED_WORK);
        }
        List<Candidate> candidates = signerRecords.stream()
                .filter(a -> a.type().equals(request.authorizationType()))
                .map(a -> new Candidate(a, reasons(a, signerEnabled, request)))
                .sorted(Comparator.comparingInt(c -> c.reasons().size()))
                .toList();
        if (candidates.isEmpty()) {
            Set<Reason> reasons = new LinkedHashSet<>(global.contains(Reason.USER_DISABLED)
                    ? List.of(Reason.USER_DISABLED) : List.of());
            reasons.add(Reason.MISSING);
            reasons.addAll(global);
            return new Decision(false, List.copyOf(reasons), null, candidates);
        }
        Candidate best = candidates.get(0);
        Set<Reason> reasons = new LinkedHashSet<>(global.contains(Reason.USER_DISABLED)
                ? List.of(Reason.USER_DISABLED) : List.of());
        reasons.addAll(best.reasons());
        reasons.addAll(global);
        boolean allowed = reasons.isEmpty();
        return new Decision(allowed, List.copyOf(reasons), allowed ? best.authorization() : null, candidates);
    }

    List<Reason> reasons(PersonnelAuthorization a, boolean signerEnabled, Request request) {
        List<Reason> reasons = new ArrayList<>(usability.against(a, signerEnabled, request.time()));
        if (!inScope(a, request)) {
            // Reported before recency, as before the rule set was shared.
            int at = reasons.indexOf(Reason.RECENCY_LAPSED);
            reasons.add(at < 0 ? reasons.size() : at, Reason.OUT_OF_SCOPE);
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
}
