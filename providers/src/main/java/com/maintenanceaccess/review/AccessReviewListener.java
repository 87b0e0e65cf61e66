package com.maintenanceaccess.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.maintenanceaccess.audit.AdminAudit;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/**
 * Feeds the access review: records the day of each login, and turns a grant of a
 * privileged role template into a warning event (least privilege), whichever path granted it.
 */
public class AccessReviewListener implements EventListenerProvider {

    public static final String WARNING_RESOURCE_TYPE = "MX_PRIVILEGED_GRANT";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeycloakSession session;

    public AccessReviewListener(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        if (event.getType() == EventType.LOGIN && event.getUserId() != null) {
            RealmModel realm = session.realms().getRealm(event.getRealmId());
            UserModel user = realm == null ? null : session.users().getUserById(realm, event.getUserId());
            if (user != null) {
                LastLogin.record(user, Instant.ofEpochMilli(event.getTime()));
            }
        }
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        // By name: getResourceType() fails on the custom types of the bundle's own events.
        if (!ResourceType.REALM_ROLE_MAPPING.name().equals(event.getResourceTypeAsString())
                || event.getOperationType() != OperationType.CREATE || event.getRepresentation() == null) {
            return;
        }
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        if (realm == null) {
            return;
        }
        List<String> privileged = new ArrayList<>();
        for (String name : roleNames(event.getRepresentation())) {
            RoleModel role = realm.getRole(name);
            if (role != null && "true".equals(role.getFirstAttribute(UserFactsReader.PRIVILEGED))
                    && UserFactsReader.TEMPLATE.equals(role.getFirstAttribute(UserFactsReader.MANAGED))) {
                privileged.add(name);
            }
        }
        if (!privileged.isEmpty()) {
            Map<String, Object> warning = new LinkedHashMap<>();
            warning.put("warning", "privileged role template granted: confirm the user needs administrator access");
            warning.put("roles", privileged);
            warning.put("grant", event.getResourcePath());
            AdminAudit.asFollowUp(session, realm, event, OperationType.ACTION, WARNING_RESOURCE_TYPE,
                    event.getResourcePath(), warning);
        }
    }

    private static List<String> roleNames(String representation) {
        List<String> names = new ArrayList<>();
        try {
            JsonNode roles = JSON.readTree(representation);
            if (roles.isArray()) {
                roles.forEach(role -> names.add(role.path("name").asText()));
            }
        } catch (IOException e) {
            // not a role list: nothing to warn about
        }
        return names;
    }

    @Override
    public void close() {
    }
}
