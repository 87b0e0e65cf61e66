package com.maintenanceaccess.invitation.join;

import com.maintenanceaccess.bundle.ReportsBundleVersion;
import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.authentication.actiontoken.AbstractActionTokenHandler;
import org.keycloak.authentication.actiontoken.ActionTokenContext;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.services.resources.LoginActionsService;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Opens a join link ({@link JoinActionToken}). Keycloak has checked the signature, the expiry,
 * that the person exists and is enabled, and that no other person is signed in in this browser.
 * This handler checks the invitation (Keycloak's row still there, not expired, for this account
 * and address, the person not yet a member) and then, unlike Keycloak's own handler, makes
 * nobody a member: it forgets who the link names and starts the realm's login flow, so the
 * person proves who they are with their own credentials. The invitation travels as client notes
 * (they survive a restarted login); after the login {@link JoinAccountRequiredAction} asks the
 * signed-in person to confirm, and only the named person can.
 */
public class JoinActionTokenHandler extends AbstractActionTokenHandler<JoinActionToken> implements ReportsBundleVersion {

    public JoinActionTokenHandler() {
        super(JoinActionToken.TOKEN_TYPE, JoinActionToken.class, JoinPages.UNUSABLE_MESSAGE, EventType.INVITE_ORG,
                "mx_join_invalid_link");
    }

    @Override
    public boolean canUseTokenRepeatedly(JoinActionToken token, ActionTokenContext<JoinActionToken> context) {
        // Single use is the invitation row's: confirming removes it (under a claim), and the link dies with it.
        return true;
    }

    @Override
    public AuthenticationSessionModel startFreshAuthenticationSession(JoinActionToken token,
            ActionTokenContext<JoinActionToken> context) {
        return context.createAuthenticationSessionForClient(token.getIssuedFor());
    }

    @Override
    public Response handleToken(JoinActionToken token, ActionTokenContext<JoinActionToken> context) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        UserModel named = authSession.getAuthenticatedUser();
        PendingJoin pending = PendingJoin.find(session, token.getId(), token.accountId(), named, token.getEmail());
        if (pending == null) {
            context.getEvent().event(EventType.INVITE_ORG).user(named).detail("org_id", token.accountId())
                    .error("mx_join_unusable");
            new AuthenticationSessionManager(session).removeAuthenticationSession(realm, authSession, true);
            return JoinPages.unusable(session, null);
        }
        // From here on the login decides who this is, not the link.
        AuthenticationProcessor.resetFlow(authSession, LoginActionsService.AUTHENTICATE_PATH);
        JoinPages.remember(authSession, pending);
        // Always the person's credentials, even with a session of their own in this browser.
        authSession.setClientNote(OIDCLoginProtocol.PROMPT_PARAM, OIDCLoginProtocol.PROMPT_VALUE_LOGIN);
        JoinPages.landInTheApp(session, authSession);
        return context.processFlow(false, LoginActionsService.AUTHENTICATE_PATH, realm.getBrowserFlow(), null,
                new AuthenticationProcessor());
    }
}
