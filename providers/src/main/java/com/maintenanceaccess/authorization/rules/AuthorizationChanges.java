package com.maintenanceaccess.authorization.rules;

import com.maintenanceaccess.authorization.model.InvalidAuthorizationException;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization.Status;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The write operations on one person's list of authorizations, as pure functions: each
 * returns the new list and the record before and after, or throws with field errors. The
 * REST resource stores the result and emits the event.
 */
public final class AuthorizationChanges {

    /** The outcome of one change; {@code before} is null for a grant. */
    public record Change(String action, List<PersonnelAuthorization> records, PersonnelAuthorization before,
                         PersonnelAuthorization after) {
    }

    private final AuthorizationRules rules;
    private final Clock clock;
    private final Supplier<String> ids;

    public AuthorizationChanges(AuthorizationRules rules, Clock clock, Supplier<String> ids) {
        this.rules = rules;
        this.clock = clock;
        this.ids = ids;
    }

    public Change grant(List<PersonnelAuthorization> records, PersonnelAuthorization input, String defaultIssuer) {
        String issuer = input.issuer() == null || input.issuer().isBlank() ? defaultIssuer : input.issuer();
        PersonnelAuthorization created = rules.require(input.withIdentity(ids.get(), issuer)
                .withStatus(Status.ACTIVE, null, null));
        for (PersonnelAuthorization existing : records) {
            // Within the issuing account only: another account's references are not the caller's to learn.
            if (java.util.Objects.equals(existing.account(), created.account())
                    && existing.reference().equals(created.reference()) && existing.status() != Status.REVOKED) {
                throw new InvalidAuthorizationException("reference", "this person already holds reference " + created.reference());
            }
        }
        List<PersonnelAuthorization> next = new ArrayList<>(records);
        next.add(created);
        return new Change("grant", next, null, created);
    }

    /** Replaces the content of a record; its id, status and issuing account stay. A revoked record is final. */
    public Change update(List<PersonnelAuthorization> records, String id, PersonnelAuthorization input) {
        PersonnelAuthorization before = find(records, id);
        if (before.status() == Status.REVOKED) {
            throw new InvalidAuthorizationException("status", "a revoked authorization cannot be changed");
        }
        String issuer = input.issuer() == null || input.issuer().isBlank() ? before.issuer() : input.issuer();
        PersonnelAuthorization after = rules.require(input.withIdentity(id, issuer)
                .withStatus(before.status(), before.statusReason(), before.statusChanged()).withAccount(before.account()));
        return new Change("update", replace(records, after), before, after);
    }

    /**
     * Corrects a record that was entered wrong (a typo in the reference, a wrong date): the content is
     * replaced as by {@link #update}, with a required reason, and the type stays (another type is a new
     * grant). The record keeps its id; the change is action {@code correct}, with before and after.
     */
    public Change correct(List<PersonnelAuthorization> records, String id, PersonnelAuthorization input, String reason) {
        PersonnelAuthorization before = find(records, id);
        if (reason == null || reason.isBlank()) {
            throw new InvalidAuthorizationException("reason", "a correction needs a reason");
        }
        if (reason.length() > AuthorizationRules.MAX_LIMITATIONS) {
            throw new InvalidAuthorizationException("reason", "at most " + AuthorizationRules.MAX_LIMITATIONS + " characters");
        }
        if (!java.util.Objects.equals(before.type(), input.type())) {
            throw new InvalidAuthorizationException("type", "a correction keeps the type (" + before.type()
                    + "): grant a new authorization for another type");
        }
        Change updated = update(records, id, input);
        if (updated.after().equals(before)) {
            throw new InvalidAuthorizationException("authorization", "nothing to correct: the record is the same as stored");
        }
        for (PersonnelAuthorization existing : records) {
            if (!existing.id().equals(id) && java.util.Objects.equals(existing.account(), before.account())
                    && existing.reference().equals(updated.after().reference()) && existing.status() != Status.REVOKED) {
                throw new InvalidAuthorizationException("reference", "this person already holds reference "
                        + updated.after().reference());
            }
        }
        return new Change("correct", updated.records(), before, updated.after());
    }

    public Change suspend(List<PersonnelAuthorization> records, String id, String reason) {
        PersonnelAuthorization before = find(records, id);
        if (before.status() != Status.ACTIVE) {
            throw new InvalidAuthorizationException("status", "only an active authorization can be suspended (it is "
                    + before.status().id() + ")");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidAuthorizationException("reason", "a suspension needs a reason");
        }
        PersonnelAuthorization after = rules.require(before.withStatus(Status.SUSPENDED, reason, clock.instant()));
        return new Change("suspend", replace(records, after), before, after);
    }

    public Change reinstate(List<PersonnelAuthorization> records, String id, String reason) {
        PersonnelAuthorization before = find(records, id);
        if (before.status() != Status.SUSPENDED) {
            throw new InvalidAuthorizationException("status", "only a suspended authorization can be reinstated (it is "
                    + before.status().id() + ")");
        }
        PersonnelAuthorization after = rules.require(before.withStatus(Status.ACTIVE, reason, clock.instant()));
        return new Change("reinstate", replace(records, after), before, after);
    }

    public Change revoke(List<PersonnelAuthorization> records, String id, String reason) {
        PersonnelAuthorization before = find(records, id);
        if (before.status() == Status.REVOKED) {
            throw new InvalidAuthorizationException("status", "the authorization is already revoked");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidAuthorizationException("reason", "a revocation needs a reason");
        }
        // Revocation skips the record rules (an invalid record must still be revocable), so the
        // reason's limit is checked here: without it a 2 MiB reason was stored (HostileInputIT).
        if (reason.length() > AuthorizationRules.MAX_LIMITATIONS) {
            throw new InvalidAuthorizationException("reason", "at most " + AuthorizationRules.MAX_LIMITATIONS + " characters");
        }
        PersonnelAuthorization after = before.withStatus(Status.REVOKED, reason, clock.instant());
        return new Change("revoke", replace(records, after), before, after);
    }

    public static Optional<PersonnelAuthorization> byId(List<PersonnelAuthorization> records, String id) {
        return records.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    private static PersonnelAuthorization find(List<PersonnelAuthorization> records, String id) {
        return byId(records, id).orElseThrow(() -> new NoSuchAuthorizationException(id));
    }

    private static List<PersonnelAuthorization> replace(List<PersonnelAuthorization> records, PersonnelAuthorization after) {
        return records.stream().map(a -> a.id().equals(after.id()) ? after : a).toList();
    }

    /** The person holds no authorization with that id (404). */
    public static class NoSuchAuthorizationException extends RuntimeException {
        public NoSuchAuthorizationException(String id) {
            super("no authorization " + id);
        }
    }
}
