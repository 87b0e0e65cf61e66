package com.maintenanceaccess.authorization.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One personnel authorization of one person: what compliance approved them to certify or
 * sign off, under which licence, for which aircraft and tasks, for how long. Immutable; a
 * change produces a new value with the same {@link #id()}. "Expired" is not a status: it is
 * derived from the dates (see {@link AuthorizationState}). {@code account} is the organization
 * that issued it (145.A.35: an organisation authorises for the scope of its own approval): only
 * that account's compliance officers see and change it, and only a signoff in that account
 * counts it. Null for a record no account could be given (docs/authorizations.md, "Migration").
 */
public record PersonnelAuthorization(
        String id,
        String type,
        String reference,
        Licence licence,
        Scope scope,
        String limitations,
        LocalDate firstIssue,
        Instant effective,
        Instant expiry,
        Status status,
        String statusReason,
        Instant statusChanged,
        String issuer,
        LocalDate continuationTraining,
        List<Period> experience,
        String account) {

    /**
     * A record with no issuing account: as read from format version 1 (before accounts issued
     * records) or as a rule's input before the account is set. Usable in no account's signoff.
     */
    public PersonnelAuthorization(String id, String type, String reference, Licence licence, Scope scope,
                                  String limitations, LocalDate firstIssue, Instant effective, Instant expiry,
                                  Status status, String statusReason, Instant statusChanged, String issuer,
                                  LocalDate continuationTraining, List<Period> experience) {
        this(id, type, reference, licence, scope, limitations, firstIssue, effective, expiry, status, statusReason,
                statusChanged, issuer, continuationTraining, experience, null);
    }

    public PersonnelAuthorization {
        scope = scope == null ? Scope.EMPTY : scope;
        status = status == null ? Status.ACTIVE : status;
        experience = experience == null ? List.of() : List.copyOf(experience);
    }

    public enum Status {
        ACTIVE, SUSPENDED, REVOKED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The licence the authorization rests on; {@code expiry} is the last valid day (UTC). */
    public record Licence(String authority, String number, String category, LocalDate expiry) {

        /** The first instant at which the licence is no longer valid. */
        public Instant end() {
            return expiry == null ? null : expiry.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        }
    }

    /** Aircraft types or groups, task categories or ATA chapters (ATA-nn), bases or lines. */
    public record Scope(List<String> aircraft, List<String> tasks, List<String> bases) {
        public static final Scope EMPTY = new Scope(List.of(), List.of(), List.of());

        public Scope {
            aircraft = aircraft == null ? List.of() : List.copyOf(aircraft);
            tasks = tasks == null ? List.of() : List.copyOf(tasks);
            bases = bases == null ? List.of() : List.copyOf(bases);
        }
    }

    /** A period of relevant maintenance experience, both days included. */
    public record Period(LocalDate from, LocalDate to) {
    }

    /** When the authorization stops being usable: its expiry or the licence's, whichever is first. */
    public Instant validUntil() {
        Instant licenceEnd = licence == null ? null : licence.end();
        if (licenceEnd == null) {
            return expiry;
        }
        if (expiry == null) {
            return licenceEnd;
        }
        return licenceEnd.isBefore(expiry) ? licenceEnd : expiry;
    }

    public PersonnelAuthorization withStatus(Status newStatus, String reason, Instant changed) {
        return new PersonnelAuthorization(id, type, reference, licence, scope, limitations, firstIssue, effective,
                expiry, newStatus, reason, changed, issuer, continuationTraining, experience, account);
    }

    public PersonnelAuthorization withIdentity(String newId, String newIssuer) {
        return new PersonnelAuthorization(newId, type, reference, licence, scope, limitations, firstIssue, effective,
                expiry, status, statusReason, statusChanged, newIssuer, continuationTraining, experience, account);
    }

    /** The same record issued by {@code accountId} (an organization id; null: no issuing account). */
    public PersonnelAuthorization withAccount(String accountId) {
        return new PersonnelAuthorization(id, type, reference, licence, scope, limitations, firstIssue, effective,
                expiry, status, statusReason, statusChanged, issuer, continuationTraining, experience, accountId);
    }

    /** Whether the record was issued by that account (a record with no issuing account is no account's). */
    public boolean issuedBy(String accountId) {
        return account != null && account.equals(accountId);
    }
}
