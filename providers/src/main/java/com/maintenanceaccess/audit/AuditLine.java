package com.maintenanceaccess.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.keycloak.events.Event;
import org.keycloak.events.admin.AdminEvent;

/** Renders an event as one JSON line: who, what, when, on which resource, and details. */
final class AuditLine {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditLine() {
    }

    static String of(Event event) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("kind", "user");
        line.put("time", Instant.ofEpochMilli(event.getTime()).toString());
        line.put("realm", event.getRealmName() != null ? event.getRealmName() : event.getRealmId());
        line.put("type", event.getType().name());
        line.put("userId", event.getUserId());
        line.put("clientId", event.getClientId());
        line.put("ip", event.getIpAddress());
        line.put("error", event.getError());
        line.put("details", event.getDetails());
        return write(line);
    }

    static String of(AdminEvent event, boolean includeRepresentation) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("kind", "admin");
        line.put("time", Instant.ofEpochMilli(event.getTime()).toString());
        line.put("realm", event.getRealmName() != null ? event.getRealmName() : event.getRealmId());
        line.put("operation", event.getOperationType().name());
        line.put("resourceType", event.getResourceTypeAsString());
        line.put("resourcePath", event.getResourcePath());
        if (event.getAuthDetails() != null) {
            line.put("actorUserId", event.getAuthDetails().getUserId());
            line.put("actorClientId", event.getAuthDetails().getClientId());
            line.put("ip", event.getAuthDetails().getIpAddress());
        }
        line.put("error", event.getError());
        line.put("details", event.getDetails());
        if (includeRepresentation) {
            line.put("representation", event.getRepresentation());
        }
        return write(line);
    }

    private static String write(Map<String, Object> line) {
        line.values().removeIf(value -> value == null);
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            return line.toString();
        }
    }
}
