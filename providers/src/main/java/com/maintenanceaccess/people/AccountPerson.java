package com.maintenanceaccess.people;

import com.maintenanceaccess.approval.Approvals.ApprovalView;
import com.maintenanceaccess.invitation.InvitationState;
import jakarta.annotation.Nullable;
import java.util.List;

/**
 * A person of an account as the people API answers: a member, or a pending person (an existing
 * person invited to join, listed under the invitation's id with what the administrator sent, so
 * that nothing tells whether the address existed). {@code provisioned}: created or linked by the
 * account's directory (SCIM). {@code pendingApprovals} only in the answer of an account-roles change:
 * the privileged roles that wait for a second person.
 */
public record AccountPerson(String id, String username, @Nullable String email, @Nullable String firstName,
                            @Nullable String lastName, boolean enabled, boolean deactivated, InvitationState invitation,
                            List<String> templates, List<String> accountRoles, boolean provisioned,
                            @Nullable String lastLogin, @Nullable List<ApprovalView> pendingApprovals) {

    public AccountPerson withInvitation(InvitationState state) {
        return new AccountPerson(id, username, email, firstName, lastName, enabled, deactivated, state, templates,
                accountRoles, provisioned, lastLogin, pendingApprovals);
    }

    public AccountPerson withPendingApprovals(List<ApprovalView> waiting) {
        return new AccountPerson(id, username, email, firstName, lastName, enabled, deactivated, invitation, templates,
                accountRoles, provisioned, lastLogin, waiting);
    }

    /** The People list's state of the person: deactivated, disabled, invited (with the invitation's status) or active. */
    public String state() {
        if (deactivated) {
            return "deactivated";
        }
        if (!enabled) {
            return "disabled";
        }
        String status = invitation.status();
        return "accepted".equals(status) || "none".equals(status) ? "active" : "invited (" + status + ")";
    }
}
