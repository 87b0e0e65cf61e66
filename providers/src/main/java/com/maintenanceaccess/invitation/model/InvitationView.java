package com.maintenanceaccess.invitation.model;

import com.maintenanceaccess.approval.Approvals;
import jakarta.annotation.Nullable;
import java.util.List;

/**
 * One person's invitation as the API answers it: who (with their name, so that lists show who was
 * invited rather than an address that may hold a typo), the state and its times, who invited and
 * into which account, and the history. {@code pendingApproval} is there only when an address change
 * waits for a second administrator (202).
 */
public record InvitationView(String userId, String username, @Nullable String firstName, @Nullable String lastName,
                             String email, String status, @Nullable String sentAt, @Nullable String expiresAt,
                             @Nullable String acceptedAt, @Nullable String invitedBy, @Nullable String invitedByName,
                             @Nullable String account, List<String> history,
                             @Nullable Approvals.ApprovalView pendingApproval) {

    /** This invitation with the request for a second administrator's approval that it waits for. */
    public InvitationView waitingFor(Approvals.ApprovalView approval) {
        return new InvitationView(userId, username, firstName, lastName, email, status, sentAt, expiresAt, acceptedAt,
                invitedBy, invitedByName, account, history, approval);
    }
}
