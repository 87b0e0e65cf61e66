package com.maintenanceaccess.authorization;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.maintenanceaccess.authorization.AuthorizationView.ExperienceView;
import com.maintenanceaccess.authorization.AuthorizationView.LicenceView;
import com.maintenanceaccess.authorization.AuthorizationView.ScopeView;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.List;

/**
 * One personnel authorization with its state now, without what {@link AuthorizationView} adds for one
 * person's page (usable at signoff, the issuing account's names): the record in the compliance views'
 * rows (GET /mx/authorizations/expiring, …/expired). Every field is written, a missing value as null.
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
        AuthorizationView v = AuthorizationView.of(null, a, true, now, null);
        return new AuthorizationRecordView(v.id(), v.account(), v.type(), v.reference(), v.licence(), v.scope(),
                v.limitations(), v.firstIssue(), v.effective(), v.expiry(), v.status(), v.statusReason(),
                v.statusChanged(), v.issuer(), v.continuationTraining(), v.experience(), v.state(), v.validUntil());
    }
}
