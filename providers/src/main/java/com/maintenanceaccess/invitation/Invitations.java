package com.maintenanceaccess.invitation;

import com.maintenanceaccess.bundle.MxClockSpi;
import com.maintenanceaccess.invitation.model.Invitation;
import com.maintenanceaccess.invitation.model.InvitationEvents;
import com.maintenanceaccess.invitation.model.InvitationStatus;
import com.maintenanceaccess.invitation.model.InvitationStore;
import com.maintenanceaccess.invitation.model.InvitationView;
import com.maintenanceaccess.kernel.Problems;
import jakarta.ws.rs.WebApplicationException;
import java.time.Clock;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminAuth;

/** What other features may do with a user's invitation. */
public final class Invitations {


    private Invitations() {
    }

    /**
     * Revokes the user's invitation if it is still pending (its link dies, an event is
     * emitted, history is kept); returns whether there was one to revoke.
     */
    public static boolean revokePending(KeycloakSession session, RealmModel realm, UserModel user, AdminAuth actor) {
        return revokePending(session, realm, user, InvitationService.By.admin(actor));
    }

    /** {@link #revokePending} on behalf of a non-person actor (an account's provisioning token: its id and name). */
    public static boolean revokePending(KeycloakSession session, RealmModel realm, UserModel user, String actorId,
                                        String actorName) {
        return revokePending(session, realm, user, InvitationService.By.system(actorId, actorName));
    }

    private static boolean revokePending(KeycloakSession session, RealmModel realm, UserModel user, InvitationService.By actor) {
        Clock clock = MxClockSpi.clock(session);
        Invitation current = InvitationStore.read(user);
        if (current == null || current.effectiveStatus(clock.instant()) != InvitationStatus.PENDING) {
            return false;
        }
        try {
            new InvitationService(session, realm, clock).revoke(user.getId(), actor);
            return true;
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 409) {
                return false; // accepted at the same moment: nothing pending to revoke any more
            }
            throw e;
        }
    }
}
