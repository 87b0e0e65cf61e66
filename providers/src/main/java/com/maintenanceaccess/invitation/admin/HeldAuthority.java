package com.maintenanceaccess.invitation.admin;

import com.maintenanceaccess.account.AccountTemplates;
import com.maintenanceaccess.account.RoleTemplateRoles;
import com.maintenanceaccess.kernel.AccountRole;
import com.maintenanceaccess.authorization.model.AuthorizationStore;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.organization.OrganizationProvider;

/**
 * Whether a person already holds authority that a second person had to approve or that makes them
 * more than a new member: a privileged account role (compliance officer, account administrator), a
 * privileged role template, or a personnel authorization record, in any account. Moving such a
 * pending person's invitation to another address needs four eyes (issue 23 item 1).
 */
final class HeldAuthority {

    private HeldAuthority() {
    }

    static boolean holdsAny(KeycloakSession session, UserModel user) {
        if (!AuthorizationStore.read(user).records().isEmpty()) {
            return true;
        }
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        return organizations.getByMember(user).anyMatch(account -> privilegedIn(session, account, user));
    }

    private static boolean privilegedIn(KeycloakSession session, OrganizationModel account, UserModel user) {
        for (AccountRole role : AccountRole.values()) {
            GroupModel group = KeycloakModelUtils.findGroupByPath(session, session.getContext().getRealm(),
                    role.groupPath(account.getAlias()));
            if (role.requiresSecondPerson() && group != null && user.isMemberOf(group)) {
                return true;
            }
        }
        return AccountTemplates.held(session, account, user).stream().anyMatch(RoleTemplateRoles::privileged);
    }
}
