package com.maintenanceaccess.invitation.model;

import com.fasterxml.jackson.core.type.TypeReference;
import com.maintenanceaccess.kernel.AdminAudit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.util.JsonSerialization;

/**
 * Admin events of invitation operations: resource type {@code CUSTOM} with detail
 * {@code mx_kind=MX_INVITATION} ({@link AdminAudit}), resource path
 * {@code mx/invitations/{userId}}, the invitation after the operation as representation, and
 * details {@code mx_invitation} (sent, resent, revoked, address-changed) and {@code before_status}.
 */
public final class InvitationEvents {

    public static final String RESOURCE_TYPE = "MX_INVITATION";
    public static final String DETAIL = "mx_invitation";
    /** The history word of an invitation ended because its required action was removed outside the API. */
    public static final String ACTION_REMOVED = "required-action-removed";

    private InvitationEvents() {
    }

    public static void admin(KeycloakSession session, RealmModel realm, AdminAuth actor, OperationType operation,
            String userId, String what, String beforeStatus, Object after) {
        AdminAudit.byAdmin(session, realm, actor, session.getContext().getConnection(), operation, RESOURCE_TYPE,
                "mx/invitations/" + userId, after,
                Map.of(DETAIL, what, "before_status", beforeStatus == null ? "none" : beforeStatus));
    }

    /** The same event when no administrator acted but a non-person actor the bundle names (a provisioning token). */
    public static void bySystem(KeycloakSession session, RealmModel realm, String actor, OperationType operation,
            String userId, String what, String beforeStatus, Object after) {
        AdminAudit.bySystem(session, realm, actor, operation, RESOURCE_TYPE, "mx/invitations/" + userId, after,
                Map.of(DETAIL, what, "before_status", beforeStatus == null ? "none" : beforeStatus));
    }

    /** An invitation's answer as an event's representation, for events that add fields of their own. */
    public static Map<String, Object> representation(InvitationView view) {
        return JsonSerialization.mapper.convertValue(view, new TypeReference<LinkedHashMap<String, Object>>() { });
    }
}
