package com.maintenanceaccess.invitation;

import com.maintenanceaccess.bundle.MxClockSpi;
import com.maintenanceaccess.invitation.model.Invitation;
import com.maintenanceaccess.invitation.model.InvitationEvents;
import com.maintenanceaccess.invitation.model.InvitationStore;
import com.maintenanceaccess.invitation.model.InvitationView;
import com.maintenanceaccess.kernel.Problems;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminAuth;

/**
 * The invitation side of the account people API (create-and-invite, the person's invitation
 * state), on the one {@link InvitationService}. When the first e-mail cannot be sent the
 * person is kept: the invitation is undone and a {@value #NOT_SENT} marker keeps the reason, so
 * that {@code POST /mx/invitations/{id}/resend} can send it later.
 */
public final class PeopleInvitations {

    /** "<instant> <account id or -> <reason>", present while the first invitation could not be sent. */
    public static final String NOT_SENT = "mx.invite-not-sent";

    private PeopleInvitations() {
    }

    /** Invites; on a mail failure keeps the person with status not-sent and answers the view with the failure. */
    public static Map<String, Object> inviteKeepingThePerson(KeycloakSession session, RealmModel realm, UserModel user,
            Integer expiresInDays, String accountId, AdminAuth actor, UriInfo uri) {
        return inviteKeepingThePerson(session, realm, user, expiresInDays, accountId, InvitationService.By.admin(actor), uri);
    }

    /**
     * The same invitation, sent on behalf of a non-person actor (an account's provisioning token:
     * scim/ScimUsers): its {@code actorId} and {@code actorName} are the invitation's "invited by"
     * and the actor of its admin event.
     */
    public static Map<String, Object> inviteKeepingThePerson(KeycloakSession session, RealmModel realm, UserModel user,
            String accountId, String actorId, String actorName, UriInfo uri) {
        return inviteKeepingThePerson(session, realm, user, null, accountId, InvitationService.By.system(actorId, actorName), uri);
    }

    private static Map<String, Object> inviteKeepingThePerson(KeycloakSession session, RealmModel realm, UserModel user,
            Integer expiresInDays, String accountId, InvitationService.By actor, UriInfo uri) {
        try {
            InvitationView view = new InvitationService(session, realm, MxClockSpi.clock(session)).invite(user.getId(),
                    expiresInDays, accountId, actor, uri);
            user.removeAttribute(NOT_SENT);
            return InvitationEvents.representation(view);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() != 502) {
                throw e;
            }
            Invitation.KEYS.forEach(user::removeAttribute);
            user.setSingleAttribute(NOT_SENT, MxClockSpi.clock(session).instant() + " " + (accountId == null ? "-" : accountId) + " " + Problems.sentence(e));
            // The admin event's form of a not-sent invitation (its view has no nulls to drop).
            Map<String, Object> notSent = new LinkedHashMap<>();
            notSent.put("status", "not-sent");
            notSent.put("failure", status(session, realm, user).failure());
            return notSent;
        }
    }

    /** Whether the person's first invitation is still to be sent (see {@link #NOT_SENT}). */
    public static boolean notSent(UserModel user) {
        return user.getFirstAttribute(NOT_SENT) != null;
    }

    /** The first send after a failure: the account the failed one named. */
    public static InvitationView sendFirst(KeycloakSession session, RealmModel realm, UserModel user, Integer days,
            AdminAuth actor, UriInfo uri) {
        String[] marker = user.getFirstAttribute(NOT_SENT).split(" ", 3);
        String account = marker.length > 1 && !marker[1].equals("-") ? marker[1] : null;
        InvitationView view = new InvitationService(session, realm, MxClockSpi.clock(session)).invite(user.getId(), days, account, actor, uri);
        user.removeAttribute(NOT_SENT);
        return view;
    }

    /** {@code {"status","expiresAt","sentAt","failure"}}, status one of pending, expired, accepted, revoked, not-sent, none. */
    public static InvitationState status(KeycloakSession session, RealmModel realm, UserModel user) {
        String failure = user.getFirstAttribute(NOT_SENT);
        Invitation invitation = InvitationStore.read(user);
        if (failure != null) {
            String[] marker = failure.split(" ", 3);
            return new InvitationState("not-sent", null, null, marker.length > 2 ? marker[2] : failure, null);
        }
        if (invitation == null) {
            return new InvitationState("none", null, null, null, null);
        }
        return new InvitationState(invitation.effectiveStatus(MxClockSpi.clock(session).instant()).value(),
                invitation.expiresAt() == null ? null : invitation.expiresAt().toString(),
                invitation.sentAt() == null ? null : invitation.sentAt().toString(), null, null);
    }

    /** The invitation's history lines, oldest first (empty without an invitation). */
    public static List<String> history(UserModel user) {
        Invitation invitation = InvitationStore.read(user);
        return invitation == null ? List.of() : invitation.history();
    }
}
