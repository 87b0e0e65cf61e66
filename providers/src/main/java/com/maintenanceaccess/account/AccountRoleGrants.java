package com.maintenanceaccess.account;

import com.maintenanceaccess.kernel.AccountRole;
import com.maintenanceaccess.kernel.Authority;
import com.maintenanceaccess.kernel.Problems;
import com.maintenanceaccess.kernel.AdminAudit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * An account role held as membership of its group {@code /mx-accounts/<alias>/<role>}: which a
 * person holds, the group made on first grant, and the grant a second person approved
 * ({@code approval/ApprovalsResource}).
 */
public final class AccountRoleGrants {

    private AccountRoleGrants() {
    }

    public static List<String> roleIds(KeycloakSession session, OrganizationModel account, UserModel user) {
        RealmModel realm = session.getContext().getRealm();
        return Arrays.stream(AccountRole.values()).filter(role -> {
            GroupModel group = KeycloakModelUtils.findGroupByPath(session, realm, role.groupPath(account.getAlias()));
            return group != null && user.isMemberOf(group);
        }).map(AccountRole::id).toList();
    }

    /** The group of an account role, made (with its parents) the first time the role is granted. */
    public static GroupModel roleGroup(KeycloakSession session, OrganizationModel account, AccountRole role) {
        RealmModel realm = session.getContext().getRealm();
        GroupModel existing = KeycloakModelUtils.findGroupByPath(session, realm, role.groupPath(account.getAlias()));
        if (existing != null) {
            return existing;
        }
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

    /**
     * Gives the approved role (already held: nothing to do) and emits the account person's event
     * with both people, as {@code AccountPeopleResource} does for its own changes.
     */
    public static void grantApproved(KeycloakSession session, Authority approver, OrganizationModel account, UserModel user,
                                     String roleId, String approvalId, String requesterId) {
        AccountRole role = AccountRole.byId(roleId).orElseThrow(() ->
                Problems.conflict("the requested account role '" + roleId + "' is not known"));
        List<String> before = roleIds(session, account, user);
        GroupModel group = roleGroup(session, account, role);
        if (user.isMemberOf(group)) {
            return;
        }
        user.joinGroup(group);
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("account", account.getAlias());
        change.put("what", "accountRoles");
        change.put("before", before);
        change.put("after", roleIds(session, account, user));
        change.put("approval", Map.of("approvalId", approvalId, "requestedBy", requesterId,
                "approvedBy", approver.user().getId()));
        AdminAudit.byCaller(session, approver, OperationType.UPDATE, AccountMembers.RESOURCE_TYPE,
                "accounts/" + account.getId() + "/people/" + user.getId(), change);
    }
}
