package com.maintenanceaccess.invitation.flow;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.IdentityProviderStorageProvider.FetchMode;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.Urls;
import org.keycloak.services.managers.ClientSessionCode;
import org.keycloak.services.resources.LoginActionsService;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * "Continue with an identity provider" on the invitation page: which providers are offered, and
 * the hand-over from the {@code mx-accept-invitation} required action to Keycloak's broker login
 * in the same authentication session. {@link InvitationIdpLinkAuthenticator} finishes the job in
 * the first-broker-login flow.
 *
 * <p>The invitation travels as <em>client notes</em> of the authentication session: before the
 * first-broker-login flow Keycloak resets the session and clears every auth note, but keeps the
 * client notes (protocol parameters). No request parameter can set a client note of these names
 * (the authorization endpoint stores only known parameters and prefixes the others with
 * {@code client_request_param_}), and the authenticator re-checks the nonce against the user anyway.
 */
final class InvitationBrokerLogin {

    static final String NOTE_USER = "mx.invitation.idp.user";
    static final String NOTE_NONCE = "mx.invitation.idp.nonce";
    static final String NOTE_EMAIL = "mx.invitation.idp.email";
    static final String NOTE_ALIAS = "mx.invitation.idp.alias";
    /** Form field of the "Continue with …" buttons: the provider's alias. */
    static final String FORM_FIELD = "mx-idp";

    private InvitationBrokerLogin() {
    }

    /**
     * The realm's identity providers a person may log in with (enabled, not link-only, not hidden
     * on the login page, not tied to an organization) whose first-broker-login flow can accept an
     * invitation (it has an enabled {@code mx-invitation-idp-link} step), as {@code alias} and
     * {@code displayName}, by display name.
     */
    static List<Map<String, String>> offered(KeycloakSession session, RealmModel realm) {
        return candidates(session, realm)
                .map(idp -> {
                    Map<String, String> choice = new LinkedHashMap<>();
                    choice.put("alias", idp.getAlias());
                    choice.put("displayName", KeycloakModelUtils.getIdentityProviderDisplayName(session, idp));
                    return choice;
                })
                .sorted(Comparator.comparing((Map<String, String> c) -> c.get("displayName"), String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(c -> c.get("alias")))
                .toList();
    }

    /** The offered provider of that alias, if it is one. */
    static Optional<IdentityProviderModel> find(KeycloakSession session, RealmModel realm, String alias) {
        if (alias == null || alias.isBlank()) {
            return Optional.empty();
        }
        return candidates(session, realm).filter(idp -> idp.getAlias().equals(alias)).findFirst();
    }

    private static Stream<IdentityProviderModel> candidates(KeycloakSession session, RealmModel realm) {
        return session.identityProviders().getForLogin(FetchMode.REALM_ONLY, null)
                .filter(idp -> acceptsInvitations(realm, idp));
    }

    /**
     * Whether the provider's first-broker-login flow (its own, else the realm's) has the step that
     * accepts invitations. Behind any other flow, Keycloak's default steps would offer to link the
     * invitee's account, and the invitation would never be accepted.
     */
    private static boolean acceptsInvitations(RealmModel realm, IdentityProviderModel idp) {
        AuthenticationFlowModel flow = idp.getFirstBrokerLoginFlowId() == null ? realm.getFirstBrokerLoginFlow()
                : realm.getAuthenticationFlowById(idp.getFirstBrokerLoginFlowId());
        if (flow == null) {
            return false;
        }
        List<AuthenticationExecutionModel> steps = new ArrayList<>();
        KeycloakModelUtils.deepFindAuthenticationExecutions(realm, flow, steps);
        return steps.stream().anyMatch(step -> InvitationIdpLinkAuthenticatorFactory.PROVIDER_ID.equals(step.getAuthenticator())
                && !step.isDisabled());
    }

    /**
     * Leaves the required action for the broker login: remembers which invitation this is, puts
     * the authentication session back to the start of authentication (no authenticated user, the
     * {@code AUTHENTICATE} action Keycloak's broker endpoint insists on) and redirects to
     * {@code /broker/{alias}/login} with a fresh session code, as the login page's own buttons do.
     */
    static Response start(KeycloakSession session, RealmModel realm, URI baseUri, AuthenticationSessionModel authSession,
            UserModel user, String linkNonce, String linkEmail, IdentityProviderModel idp) {
        AuthenticationProcessor.resetFlow(authSession, LoginActionsService.AUTHENTICATE_PATH);
        authSession.setClientNote(NOTE_USER, user.getId());
        authSession.setClientNote(NOTE_NONCE, linkNonce);
        authSession.setClientNote(NOTE_EMAIL, linkEmail);
        authSession.setClientNote(NOTE_ALIAS, idp.getAlias());
        String code = new ClientSessionCode<>(session, realm, authSession).getOrGenerateCode();
        URI target = Urls.identityProviderAuthnRequest(baseUri, idp.getAlias(), realm.getName(), code,
                authSession.getClient().getClientId(), authSession.getTabId(),
                AuthenticationProcessor.getClientData(session, authSession), null);
        return Response.status(Response.Status.FOUND).location(target).build();
    }

    /** Removes the invitation from the authentication session (after acceptance). */
    static void forget(AuthenticationSessionModel authSession) {
        authSession.removeClientNote(NOTE_USER);
        authSession.removeClientNote(NOTE_NONCE);
        authSession.removeClientNote(NOTE_EMAIL);
        authSession.removeClientNote(NOTE_ALIAS);
    }
}
