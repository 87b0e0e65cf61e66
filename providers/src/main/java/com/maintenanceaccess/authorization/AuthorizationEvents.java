package com.maintenanceaccess.authorization;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.maintenanceaccess.audit.AdminAudit;
import java.time.Instant;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * One admin event per change, resource type {@code CUSTOM} with detail {@code mx_kind} =
 * {@value AuthorizationFeature#RESOURCE_TYPE} ({@link AdminAudit}): the
 * builder carries the actor (user, client, IP) and time; the representation holds the action,
 * the person, and the record before and after (readable form).
 */
final class AuthorizationEvents {

    private AuthorizationEvents() {
    }

    static void emit(AdminEventBuilder builder, UserModel person, String action, PersonnelAuthorization before,
                     PersonnelAuthorization after, String via) {
        String recordId = after != null ? after.id() : before.id();
        ObjectNode representation = JsonNodeFactory.instance.objectNode();
        representation.put("action", action);
        representation.put("via", via);
        representation.put("userId", person.getId());
        representation.put("username", person.getUsername());
        representation.put("authorizationId", recordId);
        representation.set("before", before == null ? null : AuthorizationJson.write(before, null));
        representation.set("after", after == null ? null : AuthorizationJson.write(after, null));
        OperationType operation = switch (action) {
            case "grant" -> OperationType.CREATE;
            case "remove" -> OperationType.DELETE;
            default -> OperationType.UPDATE;
        };
        AdminAudit.ofKind(builder, AuthorizationFeature.RESOURCE_TYPE)
                .operation(operation)
                .resourcePath("users", person.getId(), "authorizations", recordId)
                .representation(representation)
                .detail("action", action)
                .detail("via", via)
                .success();
    }

    static String now(Instant instant) {
        return instant.toString();
    }
}
