package com.maintenanceaccess.authorization;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.maintenanceaccess.kernel.AdminAudit;
import com.maintenanceaccess.authorization.model.AuthorizationJson;
import com.maintenanceaccess.authorization.model.AuthorizationVersion;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization;
import com.maintenanceaccess.trail.Trail;
import java.util.LinkedHashMap;
import java.util.Map;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminAuth;

/**
 * One admin event per change, resource type {@code CUSTOM} with detail {@code mx_kind} =
 * {@value AuthorizationFeature#RESOURCE_TYPE} ({@link AdminAudit#byAdmin}): the
 * actor's admin auth gives user, client and IP, the bundle's clock the time; the representation holds the action,
 * the person, and the record before and after (readable form). The same change is appended
 * to the realm's tamper-evident trail in the same transaction (docs/signoffs.md): admin
 * events expire with the realm's event settings, the trail does not.
 */
public final class AuthorizationEvents {

    private AuthorizationEvents() {
    }

    public static void emit(KeycloakSession session, RealmModel realm, AdminAuth actor, String actorId,
                     UserModel person, String action, PersonnelAuthorization before, PersonnelAuthorization after,
                     String via) {
        emit(session, realm, actor, actorId, person, action, before, after, via, null);
    }

    /**
     * As above, with {@code approval} ({@code approvalId}, {@code requestedBy}, {@code approvedBy}) when a
     * second person approved the change: both people are then in the event and in the trail.
     */
    public static void emit(KeycloakSession session, RealmModel realm, AdminAuth actor, String actorId,
                     UserModel person, String action, PersonnelAuthorization before, PersonnelAuthorization after,
                     String via, ObjectNode approval) {
        emit(session, realm, actor, actorId, person, action, before, after, via, approval, null);
    }

    /**
     * As above, with the {@code reason} a person gave for the change (a correction): the reason and the
     * record's versions before and after (its entity tags, {@link AuthorizationVersion}) are in the
     * event and in the trail, so each correction is a version of the record in the hash chain.
     */
    public static void emit(KeycloakSession session, RealmModel realm, AdminAuth actor, String actorId,
                     UserModel person, String action, PersonnelAuthorization before, PersonnelAuthorization after,
                     String via, ObjectNode approval, String reason) {
        String recordId = after != null ? after.id() : before.id();
        ObjectNode representation = JsonNodeFactory.instance.objectNode();
        representation.put("action", action);
        representation.put("via", via);
        representation.put("userId", person.getId());
        representation.put("username", person.getUsername());
        representation.put("authorizationId", recordId);
        representation.set("before", before == null ? null : AuthorizationJson.write(before, null));
        representation.set("after", after == null ? null : AuthorizationJson.write(after, null));
        if (reason != null) {
            representation.put("reason", reason);
            representation.put("versionBefore", before == null ? null : AuthorizationVersion.of(before));
            representation.put("versionAfter", after == null ? null : AuthorizationVersion.of(after));
        }
        if (approval != null) {
            representation.set("approval", approval);
        }
        OperationType operation = switch (action) {
            case "grant" -> OperationType.CREATE;
            case "remove" -> OperationType.DELETE;
            default -> OperationType.UPDATE;
        };
        ObjectNode trailed = representation.deepCopy();
        trailed.put("actorId", actorId);
        new Trail(session).append(realm, Trail.AUTHORIZATION_CHANGE, person.getId(), trailed);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("action", action);
        details.put("via", via);
        AdminAudit.byAdmin(session, realm, actor, session.getContext().getConnection(), operation,
                AuthorizationFeature.RESOURCE_TYPE, "users/" + person.getId() + "/authorizations/" + recordId,
                representation, details);
    }
}
