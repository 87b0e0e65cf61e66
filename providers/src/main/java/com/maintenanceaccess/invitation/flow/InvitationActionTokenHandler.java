package com.maintenanceaccess.invitation.flow;

import com.maintenanceaccess.bundle.MxClockSpi;
import com.maintenanceaccess.bundle.ReportsBundleVersion;
import com.maintenanceaccess.invitation.model.Invitation;
import com.maintenanceaccess.invitation.model.Invitation.Usability;
import com.maintenanceaccess.invitation.model.InvitationEvents;
import com.maintenanceaccess.invitation.model.InvitationStatus;
import com.maintenanceaccess.invitation.model.InvitationStore;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import org.keycloak.authentication.actiontoken.AbstractActionTokenHandler;
import org.keycloak.authentication.actiontoken.ActionTokenContext;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.utils.RedirectUtils;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Opens an invitation link. Keycloak has already checked the signature, the JWT expiry and
 * that the user exists and is enabled; this handler checks the invitation on the user (nonce,
 * address, status, expiry) and either shows the one "ask your administrator" page or marks
 * the authentication session as coming from a valid link and hands over to the
 * {@code mx-accept-invitation} required action, which shows the invitation and takes the password.
 *
 * <p>A link logs nobody in by itself: it is refused unless the invitation is pending and the
 * user still carries the required action (which then shows the invitation page).
 *
 * <p>Single use is ours, not Keycloak's: the link dies when the nonce on the user changes
 * (resend, address change, revoke, acceptance), and acceptance claims the nonce atomically.
 * So the token may be opened repeatedly until then (a person may reload the page).
 */
public class InvitationActionTokenHandler extends AbstractActionTokenHandler<InvitationActionToken>
        implements ReportsBundleVersion {

    /** Auth notes that only this handler sets: proof that the flow came through a valid link. */
    static final String NOTE_NONCE = "mx.invitation.nonce";
    static final String NOTE_EMAIL = "mx.invitation.email";
    static final String UNUSABLE_MESSAGE = "mxInvitationUnusable";

    /** The one clock ({@link MxClockSpi}), set when the server starts. */
    private Clock clock;

    public InvitationActionTokenHandler() {
        super(InvitationActionToken.TOKEN_TYPE, InvitationActionToken.class, UNUSABLE_MESSAGE,
                EventType.CUSTOM_REQUIRED_ACTION, "mx_invitation_invalid_link");
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        clock = MxClockSpi.clock(factory);
    }

    @Override
    public boolean canUseTokenRepeatedly(InvitationActionToken token, ActionTokenContext<InvitationActionToken> context) {
        return true;
    }

    @Override
    public AuthenticationSessionModel startFreshAuthenticationSession(InvitationActionToken token,
            ActionTokenContext<InvitationActionToken> context) {
        return context.createAuthenticationSessionForClient(token.getIssuedFor());
    }

    @Override
    public Response handleToken(InvitationActionToken token, ActionTokenContext<InvitationActionToken> context) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        UserModel user = authSession.getAuthenticatedUser();
        EventBuilder event = context.getEvent()
                .event(EventType.CUSTOM_REQUIRED_ACTION)
                .detail(Details.CUSTOM_REQUIRED_ACTION, AcceptInvitationRequiredActionFactory.PROVIDER_ID)
                .user(user);

        Invitation invitation = InvitationStore.read(user);
        Usability usability = invitation == null ? Usability.SUPERSEDED
                : invitation.usability(token.invitationNonce(), token.getEmail(), user.getEmail(), clock.instant());
        if (usability != Usability.USABLE) {
            if (usability == Usability.EXPIRED && invitation.status() == InvitationStatus.PENDING) {
                // First use of a link past its expiry: record the expiry once (history + event).
                InvitationStore.write(user, invitation.expire(clock.instant()));
                event.detail(InvitationEvents.DETAIL, "expired");
            }
            event.detail("reason", usability.name().toLowerCase()).error("mx_invitation_" + usability.name().toLowerCase());
            new AuthenticationSessionManager(session).removeAuthenticationSession(realm, authSession, true);
            return InvitationPages.unusable(session, null);
        }

        if (!AcceptInvitationRequiredActionFactory.pending(user)) {
            // The required action is gone (removed outside the console's form, e.g. by an import):
            // the link must not become a passwordless login. End the invitation; the link dies.
            InvitationStore.write(user, invitation.end(InvitationEvents.ACTION_REMOVED, Invitation.Actor.SYSTEM,
                    clock.instant()));
            event.detail(InvitationEvents.DETAIL, InvitationEvents.ACTION_REMOVED).error("mx_invitation_revoked");
            new AuthenticationSessionManager(session).removeAuthenticationSession(realm, authSession, true);
            return InvitationPages.unusable(session, null);
        }
        authSession.setAuthNote(NOTE_NONCE, token.invitationNonce());
        // The flow always ends at the invitation page, never straight in the app.
        authSession.addRequiredAction(AcceptInvitationRequiredActionFactory.PROVIDER_ID);
        authSession.setAuthNote(NOTE_EMAIL, token.getEmail());
        landInTheApp(session, authSession);

        String nextAction = AuthenticationManager.nextRequiredAction(session, authSession, context.getRequest(), event);
        return AuthenticationManager.redirectToRequiredActions(session, realm, authSession, context.getUriInfo(),
                nextAction);
    }

    /** After accepting, the invitee lands in the maintenance app rather than the account console. */
    private static void landInTheApp(KeycloakSession session, AuthenticationSessionModel authSession) {
        ClientModel client = authSession.getClient();
        String base = client.getBaseUrl();
        String root = client.getRootUrl();
        if (base == null && root == null) {
            return;
        }
        String target = base == null ? root : base.startsWith("/") && root != null ? root + base : base;
        String redirect = RedirectUtils.verifyRedirectUri(session, target, client);
        if (redirect != null) {
            authSession.setAuthNote(AuthenticationManager.SET_REDIRECT_URI_AFTER_REQUIRED_ACTIONS, "true");
            authSession.setRedirectUri(redirect);
            authSession.setClientNote(OIDCLoginProtocol.REDIRECT_URI_PARAM, redirect);
        }
    }
}
