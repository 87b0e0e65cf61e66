package com.maintenanceaccess.invitation.flow;

import com.maintenanceaccess.invitation.model.ExpiryFormat;
import com.maintenanceaccess.invitation.model.Invitation;
import com.maintenanceaccess.invitation.model.InvitationDetails;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/** The invitee's pages in the maintenance login theme. */
final class InvitationPages {

    static final String ACCEPT_TEMPLATE = "mx-accept-invitation.ftl";
    static final String UNUSABLE_TEMPLATE = "mx-invitation-unusable.ftl";
    static final String IDP_REFUSED_MESSAGE = "mxInvitationIdpRefused";

    private InvitationPages() {
    }

    /**
     * The one page for every link that cannot be used (expired, used, revoked, replaced) and for
     * logins that did not come through the link. It names nobody and changes nothing.
     */
    static Response unusable(KeycloakSession session, AuthenticationSessionModel authSession) {
        LoginFormsProvider form = session.getProvider(LoginFormsProvider.class);
        if (authSession != null) {
            form.setAuthenticationSession(authSession);
        }
        return form.setStatus(Response.Status.BAD_REQUEST).createForm(UNUSABLE_TEMPLATE);
    }

    /**
     * The same page when an identity provider did not vouch for the invited address (another
     * address, not verified, another provider). It says what to do and names nobody; the
     * invitation is still pending and its link still works.
     */
    static Response idpRefused(KeycloakSession session, AuthenticationSessionModel authSession) {
        LoginFormsProvider form = session.getProvider(LoginFormsProvider.class);
        if (authSession != null) {
            form.setAuthenticationSession(authSession);
        }
        return form.setAttribute("mxUnusableTitle", "mxInvitationIdpRefusedTitle")
                .setAttribute("mxUnusableMessage", IDP_REFUSED_MESSAGE)
                .setStatus(Response.Status.BAD_REQUEST).createForm(UNUSABLE_TEMPLATE);
    }

    /** What the invitee sees before setting a password: account, inviter, roles, expiry. */
    static Map<String, Object> model(KeycloakSession session, RealmModel realm, UserModel user, Invitation invitation) {
        InvitationDetails details = InvitationDetails.of(session, realm, user, invitation);
        Locale locale = session.getContext().resolveLocale(user);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("firstName", user.getFirstName() == null ? "" : user.getFirstName());
        model.put("lastName", user.getLastName() == null ? "" : user.getLastName());
        model.put("email", user.getEmail() == null ? "" : user.getEmail());
        model.put("inviterName", details.inviterName());
        model.put("accountName", details.accountName() == null ? "" : details.accountName());
        model.put("roles", details.roles());
        model.put("expiry", ExpiryFormat.format(invitation.expiresAt(), locale));
        model.put("identityProviders", InvitationBrokerLogin.offered(session, realm));
        return model;
    }
}
