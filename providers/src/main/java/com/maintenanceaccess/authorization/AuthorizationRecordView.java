package com.maintenanceaccess.authorization;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.maintenanceaccess.authorization.AuthorizationView.ExperienceView;
import com.maintenanceaccess.authorization.AuthorizationView.LicenceView;
import com.maintenanceaccess.authorization.AuthorizationView.ScopeView;
import com.maintenanceaccess.authorization.model.AuthorizationState;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.List;

/**
 * One personnel authorization with its state now: the record's fields (docs/authorizations.md) as the
 * compliance views' rows show them (GET /mx/authorizations/expiring, …/expired), and the first part of
 * {@link AuthorizationView}, which adds what one person's page needs (usable at signoff, the issuing
 * account's names). Every field is written, a missing value as null.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AuthorizationRecordView(
        String id,
        @Nullable String account,
        String type,
        String reference,
        @Nullable LicenceView licence,
        ScopeView scope,
        @Nullable String limitations,
        @Nullable String firstIssue,
        @Nullable String effective,
        @Nullable String expiry,
        String status,
        @Nullable String statusReason,
        @Nullable String statusChanged,
        @Nullable String issuer,
        @Nullable String continuationTraining,
        List<ExperienceView> experience,
        String state,
        @Nullable String validUntil) {

    public static AuthorizationRecordView of(PersonnelAuthorization a, Instant now) {
        PersonnelAuthorization.Licence l = a.licence();
        return new AuthorizationRecordView(a.id(), a.account(), a.type(), a.reference(),
                l == null ? null : new LicenceView(l.authority(), l.number(), l.category(), str(l.expiry())),
                AuthorizationView.scope(a), a.limitations(), str(a.firstIssue()), str(a.effective()), str(a.expiry()),
                a.status().id(), a.statusReason(), str(a.statusChanged()), a.issuer(), str(a.continuationTraining()),
                a.experience().stream().map(p -> new ExperienceView(p.from().toString(), p.to().toString())).toList(),
                AuthorizationState.at(a, now).id(), str(a.validUntil()));
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }
}
