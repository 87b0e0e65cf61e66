package com.maintenanceaccess.invitation.join;

import jakarta.ws.rs.core.Response;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.utils.RedirectUtils;
import org.keycloak.sessions.AuthenticationSessionModel;

/** The joiner's pages (maintenance login theme) and what the authentication session carries between them. */
final class JoinPages {

    static final String CONFIRM_TEMPLATE = "mx-join-account.ftl";
    static final String UNUSABLE_TEMPLATE = "mx-invitation-unusable.ftl";
    static final String UNUSABLE_MESSAGE = "mxInvitationUnusable";
    static final String OTHER_PERSON_MESSAGE = "mxJoinOtherPerson";

    /**
     * Client notes, not auth notes: Keycloak clears auth notes when a login is restarted ("Restart
     * login", another way) but keeps client notes. No request parameter can set a client note of
     * these names (the authorization endpoint prefixes unknown parameters).
     */
    static final String NOTE_INVITATION = "mx.join.invitation";
    static final String NOTE_ACCOUNT = "mx.join.account";
    static final String NOTE_USER = "mx.join.user";

    private JoinPages() {
    }

    static void remember(AuthenticationSessionModel authSession, PendingJoin pending) {
        authSession.setClientNote(NOTE_INVITATION, pending.invitationId());
        authSession.setClientNote(NOTE_ACCOUNT, pending.accountId());
        authSession.setClientNote(NOTE_USER, pending.userId());
    }

    /** Whether this login came through a join link. */
    static boolean joining(AuthenticationSessionModel authSession) {
        return authSession.getClientNote(NOTE_INVITATION) != null;
    }

    static void forget(AuthenticationSessionModel authSession) {
        authSession.removeClientNote(NOTE_INVITATION);
        authSession.removeClientNote(NOTE_ACCOUNT);
        authSession.removeClientNote(NOTE_USER);
    }

    /** The one page of every link that cannot be used: names nobody, offers nothing to try. */
    static Response unusable(KeycloakSession session, AuthenticationSessionModel authSession) {
        return page(session, authSession, "mxInvitationUnusableTitle", UNUSABLE_MESSAGE);
    }

    /** Somebody else signed in with the link: nothing changes, nobody is named. */
    static Response otherPerson(KeycloakSession session, AuthenticationSessionModel authSession) {
        return page(session, authSession, "mxJoinOtherPersonTitle", OTHER_PERSON_MESSAGE);
    }

    private static Response page(KeycloakSession session, AuthenticationSessionModel authSession, String title, String message) {
        LoginFormsProvider form = session.getProvider(LoginFormsProvider.class);
        if (authSession != null) {
            form.setAuthenticationSession(authSession);
        }
        return form.setAttribute("mxUnusableTitle", title).setAttribute("mxUnusableMessage", message)
                .setStatus(Response.Status.BAD_REQUEST).createForm(UNUSABLE_TEMPLATE);
    }

    /** After joining, the person lands in the maintenance app (the link's client), as an invitee does. */
    static void landInTheApp(KeycloakSession session, AuthenticationSessionModel authSession) {
        ClientModel client = authSession.getClient();
        String base = client.getBaseUrl();
        String root = client.getRootUrl();
        if (base == null && root == null) {
            return;
        }
        String target = base == null ? root : base.startsWith("/") && root != null ? root + base : base;
        String redirect = RedirectUtils.verifyRedirectUri(session, target, client);
        if (redirect != null) {
            authSession.setRedirectUri(redirect);
            authSession.setClientNote(OIDCLoginProtocol.REDIRECT_URI_PARAM, redirect);
        }
    }
}
