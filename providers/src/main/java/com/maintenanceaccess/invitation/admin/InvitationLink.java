package com.maintenanceaccess.invitation.admin;

import com.maintenanceaccess.invitation.flow.InvitationActionToken;
import com.maintenanceaccess.invitation.model.Invitation;
import com.maintenanceaccess.invitation.model.InvitationSettings;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.Urls;

/**
 * Builds the signed link for the invitation currently stored on a user. The JWT expires
 * {@code link-grace-days} after the invitation so that a late click still reaches the
 * invitation handler, which refuses it with the clear page and records the expiry; the
 * invitation's own expiry (on the user) is what decides.
 */
final class InvitationLink {

    private InvitationLink() {
    }

    static String build(KeycloakSession session, RealmModel realm, UserModel user, Invitation invitation,
            URI baseUri, InvitationSettings settings) {
        long exp = invitation.expiresAt().getEpochSecond() + settings.linkGraceDays() * 86_400L;
        InvitationActionToken token = new InvitationActionToken(user.getId(), invitation.email(), invitation.nonce(),
                (int) Math.min(exp, Integer.MAX_VALUE), settings.clientId());
        String issuer = Urls.realmIssuer(baseUri, realm.getName());
        token.iat((long) Time.currentTime()).id(invitation.nonce()).issuer(issuer).audience(issuer);
        String jwt = session.tokens().encode(token);
        UriBuilder link = UriBuilder.fromUri(baseUri).path("realms").path(realm.getName())
                .path("login-actions").path("action-token").queryParam("key", jwt);
        if (realm.getClientByClientId(settings.clientId()) != null) {
            link.queryParam("client_id", settings.clientId());
        }
        return link.build().toString();
    }
}
