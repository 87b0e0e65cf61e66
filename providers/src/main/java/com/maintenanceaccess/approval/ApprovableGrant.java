package com.maintenanceaccess.approval;

import com.maintenanceaccess.kernel.Authority;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;

/**
 * One {@link Approval.Kind} of grant as its owner knows it: what makes two requests the same
 * grant, the grant in words, and the grant made once a second person approved it. The feature
 * that owns the grant implements it (authorization: {@code ApprovedGrant}; invitation:
 * {@code ApprovedAddressMove}; an account role: {@link AccountRoleGrant}), and the root hands the
 * kinds to {@link Approvals}: so approval/ imports none of the features that ask it for a second person.
 */
public interface ApprovableGrant {

    /** What makes two requests of this kind "the same grant" (a second would let two people each approve one). */
    String key(String payload);

    /** The grant in words for a screen: names and values, no raw ids. */
    ApprovalGrant describe(KeycloakSession session, String payload);

    /** Makes the grant {@code approval} asked for, now that {@code approver} approved it; answers what was granted. */
    Object grant(KeycloakSession session, Authority approver, OrganizationModel account, UserModel person,
                 Approval approval, String requesterName);
}
