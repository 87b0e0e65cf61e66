package com.maintenanceaccess.invitation.flow;

import com.maintenanceaccess.invitation.flow.BrokeredEmail.Verdict;
import com.maintenanceaccess.invitation.model.Invitation;
import com.maintenanceaccess.invitation.model.Invitation.Usability;
import com.maintenanceaccess.invitation.model.InvitationStore;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.broker.AbstractIdpAuthenticator;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.IDToken;
import org.keycloak.representations.JsonWebToken;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * First step of the {@code mx invitation first broker login} flow. Keycloak runs that flow when a
 * person comes back from an identity provider with an identity that is linked to nobody yet.
 *
 * <ul>
 * <li>If the person came from the invitation page's "Continue with …" button
 * ({@link InvitationBrokerLogin} client notes on the session), this step decides: the invitation
 * must still be usable, the provider must be the one chosen, and the provider must vouch for the
 * invited address ({@link BrokeredEmail}). Then it accepts the invitation exactly like the
 * password path ({@link InvitationAcceptance}: nonce claimed atomically, state, membership, event
 * with {@code method=identity-provider}) and sets the invited user as the flow's user, so that
 * Keycloak links the brokered identity to them and logs them in. Otherwise it shows the clear
 * "ask your administrator" page: no link, no new user, the invitation stays pending.</li>
 * <li>Otherwise it is a normal broker login. If the brokered identity's e-mail or username belongs
 * to a user whose invitation is still pending, it stops at the same page a password login of that
 * user gets (the invitation must be accepted through its link first, and the default steps would
 * otherwise link the identity to them). In every other case it steps aside ({@code attempted}),
 * and the flow's next alternative, a copy of Keycloak's default first broker login, runs.</li>
 * </ul>
 */
public class InvitationIdpLinkAuthenticator extends AbstractIdpAuthenticator {

    private final Clock clock;

    InvitationIdpLinkAuthenticator(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected void authenticateImpl(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx,
            BrokeredIdentityContext brokerContext) {
        String userId = context.getAuthenticationSession().getClientNote(InvitationBrokerLogin.NOTE_USER);
        if (userId == null) {
            stopPendingInvitees(context, brokerContext);
        } else {
            accept(context, brokerContext, userId);
        }
    }

    @Override
    protected void actionImpl(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx,
            BrokeredIdentityContext brokerContext) {
        // This step shows no form; a post to it is a replay of its page: decide again.
        authenticateImpl(context, serializedCtx, brokerContext);
    }

    private void accept(AuthenticationFlowContext context, BrokeredIdentityContext brokerContext, String userId) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String alias = brokerContext.getIdpConfig().getAlias();
        EventBuilder event = context.getEvent().clone()
                .event(EventType.CUSTOM_REQUIRED_ACTION)
                .detail(Details.CUSTOM_REQUIRED_ACTION, AcceptInvitationRequiredActionFactory.PROVIDER_ID)
                .detail("method", InvitationAcceptance.Method.IDENTITY_PROVIDER.detail())
                .detail(Details.IDENTITY_PROVIDER, alias);

        UserModel user = session.users().getUserById(realm, userId);
        if (user == null || !user.isEnabled()) {
            event.detail("reason", "user").error("mx_invitation_unusable");
            context.challenge(InvitationPages.unusable(session, authSession));
            return;
        }
        event.user(user);
        String linkNonce = authSession.getClientNote(InvitationBrokerLogin.NOTE_NONCE);
        String linkEmail = authSession.getClientNote(InvitationBrokerLogin.NOTE_EMAIL);
        Invitation invitation = InvitationStore.read(user);
        Usability usability = invitation == null ? Usability.SUPERSEDED
                : invitation.usability(linkNonce, linkEmail, user.getEmail(), clock.instant());
        if (usability != Usability.USABLE) {
            String reason = usability.name().toLowerCase();
            event.detail("reason", reason).error("mx_invitation_" + reason);
            context.challenge(InvitationPages.unusable(session, authSession));
            return;
        }
        if (!alias.equals(authSession.getClientNote(InvitationBrokerLogin.NOTE_ALIAS))) {
            event.detail("reason", "other-provider").error("mx_invitation_idp_refused");
            context.challenge(InvitationPages.idpRefused(session, authSession));
            return;
        }
        Verdict verdict = BrokeredEmail.judge(user.getEmail(), brokerContext.getEmail(),
                Boolean.TRUE.equals(brokerContext.getIdpConfig().isTrustEmail()), emailVerifiedClaim(brokerContext));
        if (verdict != Verdict.MATCH) {
            event.detail("reason", verdict == Verdict.MISMATCH ? "email-mismatch" : "email-unverified")
                    .error("mx_invitation_idp_refused");
            context.challenge(InvitationPages.idpRefused(session, authSession));
            return;
        }
        if (session.users().getFederatedIdentity(realm, user, alias) != null) {
            // Keycloak would fail to add a second link to the same provider after acceptance.
            event.detail("reason", "already-linked").error("mx_invitation_idp_refused");
            context.challenge(InvitationPages.idpRefused(session, authSession));
            return;
        }

        InvitationAcceptance acceptance = new InvitationAcceptance(session, clock);
        if (!acceptance.claim(invitation)) {
            event.detail("reason", "used").error("mx_invitation_used");
            context.challenge(InvitationPages.unusable(session, authSession));
            return;
        }
        acceptance.complete(user, invitation, linkNonce, linkEmail, InvitationAcceptance.Method.IDENTITY_PROVIDER, event);
        event.success();
        InvitationBrokerLogin.forget(authSession);
        // As IdpAutoLinkAuthenticator does: Keycloak links the brokered identity to this user next.
        context.setUser(user);
        context.success();
    }

    private static void stopPendingInvitees(AuthenticationFlowContext context, BrokeredIdentityContext brokerContext) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        UserModel existing = brokerContext.getEmail() == null ? null
                : session.users().getUserByEmail(realm, brokerContext.getEmail());
        if (existing == null && brokerContext.getModelUsername() != null) {
            existing = session.users().getUserByUsername(realm, brokerContext.getModelUsername());
        }
        if (existing != null && existing.getRequiredActionsStream()
                .anyMatch(AcceptInvitationRequiredActionFactory.PROVIDER_ID::equals)) {
            context.getEvent().clone()
                    .event(EventType.CUSTOM_REQUIRED_ACTION_ERROR)
                    .detail(Details.CUSTOM_REQUIRED_ACTION, AcceptInvitationRequiredActionFactory.PROVIDER_ID)
                    .detail(Details.IDENTITY_PROVIDER, brokerContext.getIdpConfig().getAlias())
                    .detail("reason", "not-accepted")
                    .user(existing)
                    .error("mx_invitation_not_accepted");
            context.challenge(InvitationPages.unusable(session, context.getAuthenticationSession()));
            return;
        }
        context.attempted();
    }

    /** The provider's {@code email_verified} claim for this login (OpenID Connect only), else {@code null}. */
    static Boolean emailVerifiedClaim(BrokeredIdentityContext brokerContext) {
        Object token = brokerContext.getContextData().get(OIDCIdentityProvider.VALIDATED_ID_TOKEN);
        if (token instanceof IDToken idToken && idToken.getEmailVerified() != null) {
            return idToken.getEmailVerified();
        }
        if (token instanceof JsonWebToken jwt && jwt.getOtherClaims() != null) {
            Object claim = jwt.getOtherClaims().get(IDToken.EMAIL_VERIFIED);
            return claim == null ? null : Boolean.valueOf(claim.toString());
        }
        return null;
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return false;
    }
}
