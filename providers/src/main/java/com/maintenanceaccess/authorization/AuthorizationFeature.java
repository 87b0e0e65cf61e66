package com.maintenanceaccess.authorization;

import com.maintenanceaccess.authorization.model.AuthorizationJson;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization;
import com.maintenanceaccess.authorization.rules.AuthorizationCatalog;
import com.maintenanceaccess.authorization.rules.AuthorizationChanges;
import com.maintenanceaccess.authorization.rules.AuthorizationRules;
import com.maintenanceaccess.authorization.rules.RecordUsability;
import com.maintenanceaccess.authorization.rules.SignoffCheck;
import java.time.Clock;
import java.util.UUID;
import org.keycloak.models.KeycloakSession;
import org.keycloak.validate.Validator;

/**
 * What the feature's components share, built once by the validator factory: the catalog,
 * the rules built on it, and the clock every "now" comes from.
 */
public record AuthorizationFeature(AuthorizationCatalog catalog, Clock clock) {

    /**
     * The realm role this feature relies on besides the kernel's {@code Authority.REALM_COMPLIANCE_ROLE}
     * and {@code REALM_AUDITOR_ROLE} (created by realm-config/maintenance-realm.json).
     */
    public static final String SIGNOFF_ROLE = "signoff:check";
    /** The kind of this feature's admin events (detail {@code mx_kind}, resource type CUSTOM: see AdminAudit). */
    public static final String RESOURCE_TYPE = "MX_PERSONNEL_AUTHORIZATION";

    /** The id of the user-profile validator whose factory holds the feature (console/, a {@link Source}). */
    public static final String VALIDATOR = "mx-personnel-authorization";

    /** What holds the feature the server started with (the validator's factory). */
    public interface Source {
        AuthorizationFeature feature();
    }

    public static AuthorizationFeature of(KeycloakSession session) {
        Source factory = (Source) session.getKeycloakSessionFactory().getProviderFactory(Validator.class, VALIDATOR);
        return factory.feature();
    }

    public AuthorizationRules rules() {
        return new AuthorizationRules(catalog);
    }

    public AuthorizationChanges changes() {
        return new AuthorizationChanges(rules(), clock, () -> UUID.randomUUID().toString());
    }

    /** The one rule set for "can be used at signoff" (see {@link RecordUsability}). */
    public RecordUsability usability() {
        return new RecordUsability(catalog);
    }

    /**
     * A record as the API shows it, with {@code usableAtSignoff} and, when it cannot be used,
     * {@code unusableBecause} (the signoff check's reasons, e.g. {@code recency_lapsed}).
     */
    public com.fasterxml.jackson.databind.node.ObjectNode view(PersonnelAuthorization a, boolean personEnabled,
                                                               java.time.Instant now) {
        var json = AuthorizationJson.write(a, now);
        var reasons = usability().against(a, personEnabled, now);
        json.put("usableAtSignoff", reasons.isEmpty());
        var because = json.putArray("unusableBecause");
        reasons.forEach(r -> because.add(r.id()));
        return json;
    }

    public SignoffCheck signoffCheck() {
        return new SignoffCheck(catalog);
    }
}
