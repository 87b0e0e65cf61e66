package com.maintenanceaccess.account;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.RoleUtils;
import org.keycloak.organization.OrganizationProvider;

/**
 * The role templates a person holds <em>in one account</em>: membership of the account's
 * organization group for the template (Keycloak 26.7's organization groups, admin console:
 * Organizations → the account → Groups). The group is named after the template, carries the
 * attribute {@value #TEMPLATE} naming it, and carries <b>no role</b>: a role on the group would
 * land in the realm-wide {@code realm_access} and count in every account. What the template
 * grants is read from its composite realm role (the importer's) when it is needed, for the
 * account of the question only.
 *
 * <p>Realm-level mappings of template roles are the pre-migration form (legacy): they count in
 * no account (see {@link TemplateMigration}).
 */
public final class AccountTemplates {

    /** Group attribute naming the role template the organization group stands for. */
    public static final String TEMPLATE = "mx.template";
    static final String CATALOG = "access-catalog";

    private AccountTemplates() {
    }

    /** The template roles the user holds in this account, by name; only templates that still exist. */
    public static List<RoleModel> held(KeycloakSession session, OrganizationModel account, UserModel user) {
        RealmModel realm = session.getContext().getRealm();
        if (account == null) {
            return List.of();
        }
        Set<String> names = new TreeSet<>();
        groupsOf(session, account, user).forEach(group -> names.add(group.getFirstAttribute(TEMPLATE)));
        return names.stream().map(name -> RoleTemplateRoles.byName(realm, name).orElse(null))
                .filter(java.util.Objects::nonNull).toList();
    }

    public static List<String> names(KeycloakSession session, OrganizationModel account, UserModel user) {
        return held(session, account, user).stream().map(RoleModel::getName).toList();
    }

    /** The {@code <area>:<action>} permissions the given templates grant (composites expanded), sorted. */
    public static List<String> permissions(Collection<RoleModel> templates) {
        if (templates.isEmpty()) {
            return List.of();
        }
        Set<String> permissions = new TreeSet<>();
        for (RoleModel role : RoleUtils.expandCompositeRoles(Set.copyOf(templates))) {
            if (!role.isClientRole() && CATALOG.equals(role.getFirstAttribute(RoleTemplateRoles.MANAGED))) {
                permissions.add(role.getName());
            }
        }
        return List.copyOf(permissions);
    }

    /** Sets the user's templates in this account to exactly these; other accounts and realm roles are untouched. */
    public static void set(KeycloakSession session, OrganizationModel account, UserModel user, Collection<RoleModel> wanted) {
        Set<String> names = new TreeSet<>();
        wanted.forEach(role -> names.add(role.getName()));
        groupsOf(session, account, user).stream().filter(group -> !names.contains(group.getFirstAttribute(TEMPLATE))).toList()
                .forEach(user::leaveGroup);
        List<String> have = groupsOf(session, account, user).stream().map(group -> group.getFirstAttribute(TEMPLATE)).toList();
        for (String name : names) {
            if (!have.contains(name)) {
                user.joinGroup(group(session, account, name));
            }
        }
    }

    /**
     * The user's template groups in this account. Keycloak keeps organization groups out of the
     * user's (cached) group list, so this asks the organization provider: one query (see
     * docs/benchmarks.md "token" for what that costs a token).
     */
    public static List<GroupModel> groupsOf(KeycloakSession session, OrganizationModel account, UserModel user) {
        return session.getProvider(OrganizationProvider.class).getOrganizationGroupsByMember(account, user)
                .filter(group -> group.getFirstAttribute(TEMPLATE) != null).toList();
    }

    /** The account's group for a template (made on first use, top level, no roles). */
    public static GroupModel group(KeycloakSession session, OrganizationModel account, String template) {
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        GroupModel found = organizations.searchGroupsByAttributes(account, Map.of(TEMPLATE, template), 0, 1)
                .findFirst().orElse(null);
        if (found != null) {
            return found;
        }
        GroupModel group = organizations.createGroup(account, template, null);
        group.setDescription("Role template " + template + " in this account (kept by Maintenance Access; carries no roles)");
        group.setSingleAttribute(TEMPLATE, template);
        return group;
    }

    /** The account's template groups (for counting holders). */
    public static java.util.stream.Stream<GroupModel> groups(KeycloakSession session, OrganizationModel account) {
        return session.getProvider(OrganizationProvider.class).getTopLevelGroups(account, null, null)
                .filter(group -> group.getFirstAttribute(TEMPLATE) != null);
    }

    /** The account's group of a template if it exists (for listing its holders), else null. */
    static GroupModel existingGroup(KeycloakSession session, OrganizationModel account, String template) {
        return session.getProvider(OrganizationProvider.class)
                .searchGroupsByAttributes(account, Map.of(TEMPLATE, template), 0, 1).findFirst().orElse(null);
    }
}
