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
 * Decides whether a signer may sign off a piece of work at an instant in one account, from the
 * signer's authorization records alone. Allowed when at least one record of the requested type,
 * issued by that account, has no reason against it and no reason applies to the signoff as a
 * whole (signer disabled, not a member of the account, signer performed work). A record another
 * account issued (or none) is {@code out_of_account}: an organisation's authorization holds under
 * its own approval only (145.A.35).
 */
public final class SignoffCheck {

    /** Machine-readable reasons, in the order they are reported. */
    public enum Reason {
        USER_DISABLED, NOT_A_MEMBER, MISSING, OUT_OF_ACCOUNT, REVOKED, SUSPENDED, NOT_YET_EFFECTIVE, EXPIRED, LICENCE_EXPIRED, OUT_OF_SCOPE, RECENCY_LAPSED,
        SIGNER_PERFORMED_WORK;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * What the maintenance app asks. {@code base} may be null (no base restriction asked);
     * {@code account} is the organization id the signoff is made in: only its records count.
     */
    public record Request(String signer, String authorizationType, String aircraftType, String taskCategory,
                          Set<String> performers, String base, Instant time, String account) {
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

    /** For an enabled member of the account (the unit tests' tables); the server always says both. */
    public Decision decide(Request request, List<PersonnelAuthorization> signerRecords) {
        return decide(request, signerRecords, true, true);
    }

    /**
     * A disabled or deactivated signer (a leaver) is never allowed: {@code user_disabled} is
     * then a reason against every record and against the signoff as a whole. A signer who is not
     * a member of the request's account (removed from it, or never in it) is never allowed either:
     * {@code not_a_member}.
     */
    public Decision decide(Request request, List<PersonnelAuthorization> signerRecords, boolean signerEnabled,
                           boolean signerMember) {
        Optional<TypeRule> type = catalog.type(request.authorizationType());
        List<Reason> global = new ArrayList<>();
        List<Reason> leading = new ArrayList<>();
        if (!signerEnabled) {
            global.add(Reason.USER_DISABLED);
            leading.add(Reason.USER_DISABLED);
        }
        if (!signerMember) {
            global.add(Reason.NOT_A_MEMBER);
            leading.add(Reason.NOT_A_MEMBER);
        }
        if (type.map(TypeRule::independentOfPerformer).orElse(false)
                && request.performers().contains(request.signer())) {
            global.add(Reason.SIGNER_PERFORMED_WORK);
        }
        List<Candidate> candidates = signerRecords.stream()
                .filter(a -> a.type().equals(request.authorizationType()))
                .map(a -> new Candidate(a, reasons(a, signerEnabled, request)))
                // Fewest reasons first; on a tie the account's own record is the closer one.
                .sorted(Comparator.comparingInt((Candidate c) -> c.reasons().size())
                        .thenComparing(c -> c.reasons().contains(Reason.OUT_OF_ACCOUNT)))
                .toList();
        if (candidates.isEmpty()) {
            Set<Reason> reasons = new LinkedHashSet<>(leading);
            reasons.add(Reason.MISSING);
            reasons.addAll(global);
            return new Decision(false, List.copyOf(reasons), null, candidates);
        }
        Candidate best = candidates.get(0);
        Set<Reason> reasons = new LinkedHashSet<>(leading);
        reasons.addAll(best.reasons());
        reasons.addAll(global);
        boolean allowed = reasons.isEmpty();
        return new Decision(allowed, List.copyOf(reasons), allowed ? best.authorization() : null, candidates);
    }

    List<Reason> reasons(PersonnelAuthorization a, boolean signerEnabled, Request request) {
        if (!a.issuedBy(request.account())) {
            // Another organisation's record is not weighed at all: its state is not this account's business.
            return List.of(Reason.OUT_OF_ACCOUNT);
        }
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
