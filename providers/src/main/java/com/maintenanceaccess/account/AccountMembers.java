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
 * What the features that change an account's people share: the kind of their admin events and
 * taking a person out of the account. Here, below those features, because the people API
 * ({@code people/AccountPeopleResource}), SCIM, approved account roles ({@link AccountRoleGrants})
 * and a person's history ({@code review/PersonHistory}) all use it.
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
}
