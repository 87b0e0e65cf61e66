package com.maintenanceaccess.me;

import com.maintenanceaccess.authorization.AuthorizationFeature;
import com.maintenanceaccess.authorization.rules.AuthorizationCatalog;
import com.maintenanceaccess.kernel.Authority;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keycloak.models.KeycloakSession;

/**
 * {@code GET /mx/authorizations/catalog}: the personnel-authorization catalog this server validates
 * against (the bundled one, or the file of the validator's {@code catalog} option), for the
 * workspace's form. For anybody with an account role or a realm operator role, like the access
 * catalog's pages.
 */
public class AuthorizationCatalogResource {

    private final KeycloakSession session;

    public AuthorizationCatalogResource(KeycloakSession session, Authority caller) {
        this.session = session;
        caller.requireSomeRole();
    }

    /** The authorization catalog as the forms read it: types, licence categories, aircraft, task categories, the reference rule. */
    public record AuthorizationCatalogAnswer(List<AuthorizationTypeAnswer> types, List<String> licenceCategories,
                                             List<String> aircraftTypes, Map<String, Set<String>> aircraftGroups,
                                             List<String> taskCategories, String referencePattern) {
    }

    /** One type of personnel authorization of the catalog. */
    public record AuthorizationTypeAnswer(String id, String name, boolean requiresLicence, List<String> licenceCategories,
                                          boolean requiresRecency) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public AuthorizationCatalogAnswer catalog() {
        AuthorizationCatalog catalog = AuthorizationFeature.of(session).catalog();
        List<AuthorizationTypeAnswer> types = catalog.typeIds().stream().map(id -> catalog.type(id).orElseThrow())
                .map(type -> new AuthorizationTypeAnswer(type.id(), type.name(), type.requiresLicence(),
                        List.copyOf(type.licenceCategories()), type.requiresRecency()))
                .toList();
        return new AuthorizationCatalogAnswer(types, List.copyOf(catalog.licenceCategories()),
                List.copyOf(catalog.aircraftTypes()), catalog.aircraftGroups(), List.copyOf(catalog.taskCategories()),
                catalog.referencePattern().pattern());
    }
}
