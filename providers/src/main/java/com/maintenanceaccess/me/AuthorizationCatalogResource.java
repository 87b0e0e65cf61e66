package com.maintenanceaccess.me;

import com.maintenanceaccess.kernel.Authority;
import com.maintenanceaccess.authorization.rules.AuthorizationCatalog;
import com.maintenanceaccess.authorization.AuthorizationFeature;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> catalog() {
        AuthorizationCatalog catalog = AuthorizationFeature.of(session).catalog();
        List<Map<String, Object>> types = catalog.typeIds().stream().map(id -> catalog.type(id).orElseThrow()).map(type -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", type.id());
            view.put("name", type.name());
            view.put("requiresLicence", type.requiresLicence());
            view.put("licenceCategories", List.copyOf(type.licenceCategories()));
            view.put("requiresRecency", type.requiresRecency());
            return view;
        }).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("types", types);
        answer.put("licenceCategories", List.copyOf(catalog.licenceCategories()));
        answer.put("aircraftTypes", List.copyOf(catalog.aircraftTypes()));
        answer.put("aircraftGroups", catalog.aircraftGroups());
        answer.put("taskCategories", List.copyOf(catalog.taskCategories()));
        answer.put("referencePattern", catalog.referencePattern().pattern());
        return answer;
    }
}
