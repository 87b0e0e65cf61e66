package com.maintenanceaccess.authorization;

import java.time.Clock;
import java.util.UUID;
import org.keycloak.models.KeycloakSession;
import org.keycloak.validate.Validator;

/**
 * What the feature's components share, built once by the validator factory: the catalog,
 * the rules built on it, and the clock every "now" comes from.
 */
public record AuthorizationFeature(AuthorizationCatalog catalog, Clock clock) {

    /** Realm roles this feature relies on (created by realm-config/maintenance-realm.json). */
    public static final String MANAGE_ROLE = "personnel-authorizations:manage";
    public static final String VIEW_ROLE = "personnel-authorizations:view";
    public static final String SIGNOFF_ROLE = "signoff:check";
    /** The user attribute holding one codec-encoded record per value. */
    public static final String ATTRIBUTE = "mx_authorizations";
    /** The custom resource type of this feature's admin events. */
    public static final String RESOURCE_TYPE = "MX_PERSONNEL_AUTHORIZATION";

    public static AuthorizationFeature of(KeycloakSession session) {
        PersonnelAuthorizationValidatorFactory factory = (PersonnelAuthorizationValidatorFactory) session
                .getKeycloakSessionFactory().getProviderFactory(Validator.class, PersonnelAuthorizationValidatorFactory.PROVIDER_ID);
        return factory.feature();
    }

    public AuthorizationRules rules() {
        return new AuthorizationRules(catalog);
    }

    public AuthorizationChanges changes() {
        return new AuthorizationChanges(rules(), clock, () -> UUID.randomUUID().toString());
    }

    public SignoffCheck signoffCheck() {
        return new SignoffCheck(catalog);
    }
}
