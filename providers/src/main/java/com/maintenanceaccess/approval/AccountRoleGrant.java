package com.maintenanceaccess.approval;

import com.maintenanceaccess.account.AccountRoleGrants;
import com.maintenanceaccess.kernel.Authority;
import java.util.LinkedHashMap;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;

/**
 * A privileged account role that waits for a second person ({@link Approval.Kind#ACCOUNT_ROLE}):
 * the payload is the role id. Here rather than in account/, which every feature reads and which
 * therefore imports no feature; the grant itself is {@link AccountRoleGrants#grantApproved}.
 */
public final class AccountRoleGrant implements ApprovableGrant {

    @Override
    public String key(String roleId) {
        return Approvals.keyOfRole(roleId);
    }

    @Override
    public ApprovalGrant describe(KeycloakSession session, String roleId) {
        return ApprovalGrant.role(roleId);
    }

    @Override
    public Object grant(KeycloakSession session, Authority approver, OrganizationModel account, UserModel person,
                        Approval approval, String requesterName) {
        AccountRoleGrants.grantApproved(session, approver, account, person, approval.payload(), approval.id(),
                approval.requestedBy());
        return Map.of("role", approval.payload());
    }
}
