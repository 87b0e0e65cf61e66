package com.maintenanceaccess.account;

import com.maintenanceaccess.kernel.AdminAudit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * At every start, the templates half of the per-account migration (docs/accounts.md "Role
 * templates per account"): role templates mapped to a person as realm roles (the form before
 * templates were held per account) move into the person's account when the person is a member
 * of exactly one; people in none or several keep them (they count in no account's token) and
 * get the user attribute {@value #UNASSIGNED} = {@value #TEMPLATES}, listed by
 * {@code GET /mx/migration/unassigned} and in the start log. Idempotent: a second run finds
 * nothing to move; one admin event per run that changed something.
 */
public final class TemplateMigration {

    /** Multi-valued: {@code templates} (this half), {@code authorizations} (the records' half). */
    public static final String UNASSIGNED = "mx.unassigned";
    public static final String TEMPLATES = "templates";
    public static final String RESOURCE_TYPE = "MX_TEMPLATE_MIGRATION";
    static final String ACTOR = "maintenance-access:migration";
    private static final Logger LOG = Logger.getLogger(TemplateMigration.class);

    private TemplateMigration() {
    }

    public static void migrate(KeycloakSession session, RealmModel realm) {
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        if (organizations == null || !realm.isOrganizationsEnabled()) {
            return;
        }
        // Read first, then write: no user is changed while a query's result is still open.
        Map<String, UserModel> holders = new LinkedHashMap<>();
        for (RoleModel template : RoleTemplateRoles.all(realm)) {
            session.users().getRoleMembersStream(realm, template).toList().forEach(user -> holders.putIfAbsent(user.getId(), user));
        }
        List<String> flaggedBefore = session.users().searchForUserByUserAttributeStream(realm, UNASSIGNED, TEMPLATES)
                .map(UserModel::getId).toList();

        Map<String, Object> moved = new LinkedHashMap<>();
        List<String> unassigned = new ArrayList<>();
        for (UserModel user : holders.values()) {
            List<RoleModel> legacy = user.getRealmRoleMappingsStream().filter(RoleTemplateRoles::isTemplate).toList();
            List<OrganizationModel> accounts = organizations.getByMember(user).toList();
            if (accounts.size() == 1) {
                OrganizationModel account = accounts.get(0);
                Set<RoleModel> wanted = new LinkedHashSet<>(AccountTemplates.held(session, account, user));
                wanted.addAll(legacy);
                AccountTemplates.set(session, account, user, wanted);
                legacy.forEach(user::deleteRoleMapping);
                mark(user, false);
                moved.put(user.getUsername(), Map.of("account", account.getAlias(),
                        "templates", legacy.stream().map(RoleModel::getName).sorted().toList()));
            } else {
                mark(user, true);
                unassigned.add(user.getUsername());
            }
        }
        // Flagged people whose realm-level templates an operator has taken away since: no longer unassigned.
        List<String> cleared = new ArrayList<>();
        for (String id : flaggedBefore) {
            UserModel user = session.users().getUserById(realm, id);
            if (user != null && !holders.containsKey(id)) {
                mark(user, false);
                cleared.add(user.getUsername());
            }
        }
        boolean newlyUnassigned = holders.values().stream().anyMatch(user -> !flaggedBefore.contains(user.getId())
                && user.getAttributeStream(UNASSIGNED).anyMatch(TEMPLATES::equals));
        if (!unassigned.isEmpty()) {
            LOG.warnf("realm %s: %d people hold role templates in no or several accounts, counted in no account's token "
                    + "until an operator assigns them (GET /realms/%s/mx/migration/unassigned): %s",
                    realm.getName(), unassigned.size(), realm.getName(), unassigned);
        }
        if (moved.isEmpty() && !newlyUnassigned && cleared.isEmpty()) {
            return;
        }
        LOG.infof("realm %s: role templates moved into accounts for %d people", realm.getName(), moved.size());
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("moved", moved);
        change.put("unassigned", unassigned);
        change.put("cleared", cleared);
        AdminAudit.bySystem(session, realm, ACTOR, OperationType.UPDATE, RESOURCE_TYPE, "mx/migration/templates", change);
    }

    /** Adds or removes the value {@value #TEMPLATES} of {@value #UNASSIGNED}, keeping the other half's value. */
    private static void mark(UserModel user, boolean unassigned) {
        List<String> values = new ArrayList<>(user.getAttributeStream(UNASSIGNED).toList());
        boolean has = values.contains(TEMPLATES);
        if (unassigned && !has) {
            values.add(TEMPLATES);
        } else if (!unassigned && has) {
            values.remove(TEMPLATES);
        } else {
            return;
        }
        if (values.isEmpty()) {
            user.removeAttribute(UNASSIGNED);
        } else {
            user.setAttribute(UNASSIGNED, values);
        }
    }
}
