package com.maintenanceaccess.invitation.join;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationInvitationModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * An invitation to join an account that can still be accepted: Keycloak's invitation row
 * ({@code ORG_INVITATION}) exists, is for this account and this person's address, has not
 * expired, the account is enabled and the person is not a member yet. The row is the one state:
 * deleting it (the bundle's removal, a realm operator in the console, acceptance) ends the link.
 */
public record PendingJoin(String invitationId, String accountId, String userId) {

    /** The invitation, if it can be accepted by this person; else null (and the caller says nothing more). */
    public static PendingJoin find(KeycloakSession session, String invitationId, String accountId, UserModel person,
                                   String linkEmail) {
        if (invitationId == null || accountId == null || person == null || person.getEmail() == null) {
            return null;
        }
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        OrganizationInvitationModel row = organizations.getInvitationManager().getById(invitationId);
        if (row == null || row.isExpired() || !accountId.equals(row.getOrganizationId())
                || !person.getEmail().equalsIgnoreCase(row.getEmail())
                || (linkEmail != null && !linkEmail.equalsIgnoreCase(row.getEmail()))) {
            return null;
        }
        OrganizationModel account = organizations.getById(accountId);
        if (account == null || !account.isEnabled() || organizations.isMember(account, person)) {
            return null;
        }
        return new PendingJoin(invitationId, accountId, person.getId());
    }
}
