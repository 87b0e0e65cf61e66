package com.maintenanceaccess.account;

import com.maintenanceaccess.kernel.AccountRole;
import java.util.List;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.organization.OrganizationProvider;

/**
 * An account's people as Keycloak holds them: membership and the groups of the account roles.
 * Here, below the features, because the people API ({@code people/AccountPeopleResource}), SCIM,
 * the invitation to join, approved account roles and a person's history all use it.
 */
public final class AccountMembers {

    /** The admin events' kind ({@code mx_kind}) of a change to an account's person. */
    public static final String RESOURCE_TYPE = "MX_ACCOUNT_PERSON";

    private AccountMembers() {
    }

    /**
     * Takes a person out of an account: this account's templates and account roles, then the
     * membership; nothing of other accounts, and the user stays (records are kept). The people
     * API's DELETE and SCIM's (scim/ScimUsers).
     */
    public static void removeFromAccount(KeycloakSession session, OrganizationModel account, UserModel user) {
        RealmModel realm = session.getContext().getRealm();
        // This account's templates and account roles, nothing else (Keycloak's removeMember also
        // leaves the organization's groups; said here so that the rule does not hang on that).
        AccountTemplates.set(session, account, user, List.of());
        for (AccountRole role : AccountRole.values()) {
            GroupModel group = KeycloakModelUtils.findGroupByPath(session, realm, role.groupPath(account.getAlias()));
            if (group != null && user.isMemberOf(group)) {
                user.leaveGroup(group);
            }
        }
        session.getProvider(OrganizationProvider.class).removeMember(account, user);
    }

    /** The group of an account role, made (with its parents) the first time the role is granted. */
    public static GroupModel roleGroup(KeycloakSession session, RealmModel realm, OrganizationModel account, AccountRole role) {
        GroupModel root = KeycloakModelUtils.findGroupByPath(session, realm, "/" + AccountRole.ROOT_GROUP);
        if (root == null) {
            root = session.groups().createGroup(realm, AccountRole.ROOT_GROUP);
        }
        GroupModel accountGroup = KeycloakModelUtils.findGroupByPath(session, realm, "/" + AccountRole.ROOT_GROUP + "/" + account.getAlias());
        if (accountGroup == null) {
            accountGroup = session.groups().createGroup(realm, account.getAlias(), root);
        }
        return session.groups().createGroup(realm, role.id(), accountGroup);
    }
}
