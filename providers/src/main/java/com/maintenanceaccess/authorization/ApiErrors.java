package com.maintenanceaccess.authorization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/** The JSON error answers of this feature's endpoints and the role checks behind them. */
final class ApiErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiErrors() {
    }

    static WebApplicationException invalid(List<FieldError> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "invalid_authorization");
        body.put("field", errors.get(0).field());
        body.put("error_description", errors.get(0).toString());
        body.put("errors", errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
        return new WebApplicationException(Response.status(Response.Status.BAD_REQUEST).entity(body)
                .type(MediaType.APPLICATION_JSON).build());
    }

    static WebApplicationException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    static WebApplicationException status(Response.Status status, String error, String description) {
        return new WebApplicationException(Response.status(status)
                .entity(Map.of("error", error, "error_description", description))
                .type(MediaType.APPLICATION_JSON).build());
    }

    static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw invalid("body", "a JSON object is required");
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw invalid("body", "must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw invalid("body", "is not valid JSON");
        }
    }

    static boolean hasRealmRole(RealmModel realm, UserModel user, String roleName) {
        RoleModel role = realm.getRole(roleName);
        return user != null && role != null && user.hasRole(role);
    }
}
