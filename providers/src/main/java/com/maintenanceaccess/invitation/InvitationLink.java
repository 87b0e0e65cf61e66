package com.maintenanceaccess.invitation;

import com.maintenanceaccess.bundle.KeycloakInternals;
import com.maintenanceaccess.invitation.flow.InvitationActionToken;
import com.maintenanceaccess.invitation.model.Invitation;
import com.maintenanceaccess.invitation.model.InvitationSettings;
import jakarta.ws.rs.core.UriInfo;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Builds the signed link for the invitation currently stored on a user. The JWT expires
 * {@code link-grace-days} after the invitation so that a late click still reaches the
 * invitation handler, which refuses it with the clear page and records the expiry; the
 * invitation's own expiry (on the user) is what decides. Keycloak signs the token and builds
 * the action-token URL ({@link KeycloakInternals#actionTokenLink}); the token id is the
 * invitation's nonce.
 */
final class InvitationLink {

    private InvitationLink() {
    }

    static String build(KeycloakSession session, RealmModel realm, UserModel user, Invitation invitation,
            UriInfo uri, InvitationSettings settings) {
        long exp = invitation.expiresAt().getEpochSecond() + settings.linkGraceDays() * 86_400L;
        InvitationActionToken token = new InvitationActionToken(user.getId(), invitation.email(), invitation.nonce(),
                (int) Math.min(exp, Integer.MAX_VALUE), settings.clientId());
        token.id(invitation.nonce());
        String clientId = realm.getClientByClientId(settings.clientId()) != null ? settings.clientId() : null;
        return KeycloakInternals.actionTokenLink(session, realm, token, uri, clientId);
    }
}
