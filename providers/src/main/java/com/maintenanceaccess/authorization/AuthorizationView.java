package com.maintenanceaccess.authorization;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;

/**
 * One personnel authorization as the API answers it (GET/POST/PUT /mx/users/{id}/authorizations…, the
 * compliance views): the record's fields and its state now ({@link AuthorizationRecordView}, written
 * inline), whether it is usable at signoff and why not, and the issuing account's alias and name. A field without a value is written
 * as {@code null}, not left out ({@link JsonInclude.Include#ALWAYS}): the answer has always had every
 * field. The stored record, the events and the trail keep their own form
 * ({@code model/AuthorizationJson}): a signature's hash covers that form, not this one.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AuthorizationView(
        @JsonUnwrapped AuthorizationRecordView record,
        boolean usableAtSignoff,
        List<String> unusableBecause,
        @Nullable String accountAlias,
        @Nullable String accountName) {

    /** The licence the authorization rests on; {@code expiry} is its last valid day. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record LicenceView(@Nullable String authority, @Nullable String number, @Nullable String category,
                              @Nullable String expiry) {
    }

    /** Aircraft types or groups, task categories, bases. */
    public record ScopeView(List<String> aircraft, List<String> tasks, List<String> bases) {
    }

    /** A period of maintenance experience, both days included. */
    public record ExperienceView(String from, String to) {
    }

    /** The record as the API shows it to a reader now, with its issuing account described when it exists. */
    public static AuthorizationView of(KeycloakSession session, AuthorizationFeature feature, PersonnelAuthorization a,
                                       boolean personEnabled, Instant now) {
        return of(feature, a, personEnabled, now, IssuingAccount.find(session, a.account()));
    }

    /** As above with the issuing account given (null: none, or not described). */
    static AuthorizationView of(AuthorizationFeature feature, PersonnelAuthorization a, boolean personEnabled, Instant now,
                                OrganizationModel issuing) {
        List<String> unusable = feature.usability().against(a, personEnabled, now).stream().map(r -> r.id()).toList();
        return new AuthorizationView(AuthorizationRecordView.of(a, now), unusable.isEmpty(), unusable,
                issuing == null ? null : issuing.getAlias(), issuing == null ? null : issuing.getName());
    }

    public static ScopeView scope(PersonnelAuthorization a) {
        return new ScopeView(a.scope().aircraft(), a.scope().tasks(), a.scope().bases());
    }
}
