package com.maintenanceaccess.invitation;

import com.maintenanceaccess.approval.ApprovableGrant;
import com.maintenanceaccess.approval.ApprovalGrant;
import com.maintenanceaccess.approval.Approval;
import com.maintenanceaccess.approval.Approvals;
import com.maintenanceaccess.bundle.MxClockSpi;
import com.maintenanceaccess.invitation.model.InvitationView;
import com.maintenanceaccess.kernel.Authority;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Moving a pending invitation to another address, when it waits for a second person
 * ({@link Approval.Kind#INVITATION_ADDRESS}, issue 23 item 1): the payload is the new address.
 */
public final class ApprovedAddressMove implements ApprovableGrant {

    @Override
    public String key(String address) {
        return Approvals.keyOfAddress(address);
    }

    @Override
    public ApprovalGrant describe(KeycloakSession session, String address) {
        return ApprovalGrant.address(address);
    }

    /**
     * Moves the invitation to the address the second person approved: the same checks as a direct
     * move, made again now, by the approver; the history names both.
     */
    @Override
    public InvitationView grant(KeycloakSession session, Authority approver, OrganizationModel account,
                                 UserModel person, Approval approval, String requesterName) {
        RealmModel realm = session.getContext().getRealm();
        return new InvitationService(session, realm, MxClockSpi.clock(session)).changeAddress(person.getId(),
                approval.payload(), approver.adminAuth(), session.getContext().getUri());
    }
}
