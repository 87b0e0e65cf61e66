package com.maintenanceaccess.review;

import com.maintenanceaccess.account.RoleTemplateRoles;
import com.maintenanceaccess.account.AccountTemplates;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.maintenanceaccess.kernel.AdminAudit;
import com.maintenanceaccess.kernel.LastLogin;
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
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.RoleUtils;

/**
 * Feeds the access review: records the day of each login, and turns a grant of a
 * privileged role template into a warning event (least privilege), whichever path granted it:
 * direct, composite, group, parent group ({@link PrivilegePaths}).
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
        if (event.getType() == EventType.INVITE_ORG && event.getUserId() != null && event.getDetails() != null) {
            // Keycloak's invitation to join an account was accepted: the templates asked for then.
            RealmModel realm = session.realms().getRealm(event.getRealmId());
            UserModel user = realm == null ? null : session.users().getUserById(realm, event.getUserId());
            org.keycloak.organization.OrganizationProvider organizations = session.getProvider(
                    org.keycloak.organization.OrganizationProvider.class);
            org.keycloak.models.OrganizationModel account = organizations == null ? null
                    : organizations.getById(event.getDetails().get("org_id"));
            if (user != null && account != null) {
                com.maintenanceaccess.invitation.JoinInvitation.joined(session, account, user);
            }
        }
        if (event.getType() == EventType.LOGIN && event.getUserId() != null) {
            RealmModel realm = session.realms().getRealm(event.getRealmId());
            UserModel user = realm == null ? null : session.users().getUserById(realm, event.getUserId());
            if (user != null) {
                LastLogin.record(user, Instant.ofEpochMilli(event.getTime()));
            }
        }
    }

    /**
     * Warns for every path by which a privileged template reaches people: roles granted to a
     * user (the template itself or a composite containing it), roles granted to a group (all its
     * members and its subgroups' members), and a user joining a group that (or whose parent)
     * carries such a role.
     */
    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        // By name: the bundle's own events are CUSTOM, Keycloak's are typed.
        String type = event.getResourceTypeAsString();
        String path = event.getResourcePath();
        if (event.getOperationType() != OperationType.CREATE || path == null || event.getError() != null) {
            return;
        }
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        if (realm == null) {
            return;
        }
        String[] parts = path.split("/");
        Map<String, List<String>> reached = new LinkedHashMap<>();
        String who;
        if (ResourceType.REALM_ROLE_MAPPING.name().equals(type) && event.getRepresentation() != null && parts.length >= 2) {
            boolean group = parts[0].equals("groups");
            GroupModel target = group ? session.groups().getGroupById(realm, parts[1]) : null;
            PrivilegePaths.Where where = group && target != null ? PrivilegePaths.Where.group(KeycloakModelUtils.buildGroupPath(target)) : null;
            for (String name : roleNames(event.getRepresentation())) {
                RoleModel role = realm.getRole(name);
                if (role != null) {
                    privilegedIn(role).forEach(p -> reached.computeIfAbsent(p.getName(), k -> new ArrayList<>())
                            .addAll(PrivilegePaths.texts(PrivilegePaths.via(java.util.stream.Stream.of(role), p, where))));
                }
            }
            who = group ? "every member of " + (where == null ? parts[1] : where.text()) : "user " + parts[1];
        } else if (ResourceType.GROUP_MEMBERSHIP.name().equals(type) && parts.length == 4 && parts[0].equals("users")) {
            GroupModel group = session.groups().getGroupById(realm, parts[3]);
            if (group == null) {
                return;
            }
            for (GroupModel g = group; g != null; g = g.getParent()) {
                g.getRoleMappingsStream().forEach(role -> privilegedIn(role).forEach(p -> reached.putIfAbsent(p.getName(),
                        PrivilegePaths.texts(PrivilegePaths.ofGroup(group, p)))));
            }
            who = "user " + parts[1];
        } else if (ResourceType.ORGANIZATION_GROUP_MEMBERSHIP.name().equals(type) && parts.length == 6
                && parts[0].equals("organizations") && parts[4].equals("members")) {
            // A role template held in an account: the account's template group (AccountTemplates),
            // which carries no role; its template's role says whether it is privileged.
            GroupModel group = session.groups().getGroupById(realm, parts[3]);
            String template = group == null ? null : group.getFirstAttribute(AccountTemplates.TEMPLATE);
            RoleModel role = template == null ? null : realm.getRole(template);
            if (role == null || !RoleTemplateRoles.isTemplate(role)) {
                return;
            }
            String where = "template group " + group.getName() + " of account " + parts[1];
            privilegedIn(role).forEach(p -> reached.computeIfAbsent(p.getName(), k -> new ArrayList<>())
                    .add(p.getId().equals(role.getId()) ? where : where + " through composite " + role.getName()));
            who = "user " + parts[5];
        } else {
            return;
        }
        if (!reached.isEmpty()) {
            Map<String, Object> warning = new LinkedHashMap<>();
            warning.put("warning", "privileged role template granted: confirm the user needs administrator access");
            warning.put("roles", List.copyOf(reached.keySet()));
            warning.put("paths", reached);
            warning.put("to", who);
            warning.put("grant", path);
            AdminAudit.asFollowUp(session, realm, event, OperationType.ACTION, WARNING_RESOURCE_TYPE, path, warning);
        }
    }

    /** The privileged templates a granted role is or contains. */
    private static List<RoleModel> privilegedIn(RoleModel role) {
        return RoleUtils.expandCompositeRoles(java.util.Set.of(role)).stream()
                .filter(PrivilegePaths::isPrivilegedTemplate).toList();
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
