package com.maintenanceaccess.authorization.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One personnel authorization of one person: what compliance approved them to certify or
 * sign off, under which licence, for which aircraft and tasks, for how long. Immutable; a
 * change produces a new value with the same {@link #id()}. "Expired" is not a status: it is
 * derived from the dates (see {@link AuthorizationState}).
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
        List<Period> experience) {

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
                expiry, newStatus, reason, changed, issuer, continuationTraining, experience);
    }

    public PersonnelAuthorization withIdentity(String newId, String newIssuer) {
        return new PersonnelAuthorization(newId, type, reference, licence, scope, limitations, firstIssue, effective,
                expiry, status, statusReason, statusChanged, newIssuer, continuationTraining, experience);
    }
}
