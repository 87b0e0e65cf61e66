package com.maintenanceaccess.invitation.flow;

import com.maintenanceaccess.invitation.model.Invitation;
import com.maintenanceaccess.invitation.model.Invitation.Usability;
import com.maintenanceaccess.invitation.model.InvitationEvents;
import com.maintenanceaccess.invitation.model.InvitationStore;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.policy.PasswordPolicyManagerProvider;
import org.keycloak.policy.PolicyError;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The required action every invited user carries until they accept. It only ever succeeds in
 * a flow that came through a valid invitation link (the handler's auth note): a password that
 * an administrator set, a social login or any other route stops here at the "ask your
 * administrator" page, so nobody can log in as the invitee before acceptance.
 *
 * <p>The page takes a password, or offers the realm's identity providers ("Continue with …",
 * see {@link InvitationBrokerLogin}). Acceptance is claimed atomically on the invitation nonce
 * ({@link InvitationAcceptance}): of many parallel submissions of one link, exactly one wins.
 */
public class AcceptInvitationRequiredAction implements RequiredActionProvider {

    private final Clock clock;

    AcceptInvitationRequiredAction(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        // Added to the user when an invitation is sent; removed only on acceptance.
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        Invitation invitation = usableInvitation(context);
        if (invitation == null) {
            context.challenge(InvitationPages.unusable(context.getSession(), context.getAuthenticationSession()));
            return;
        }
        context.challenge(page(context, invitation, List.of()));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        UserModel user = context.getUser();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        EventBuilder event = context.getEvent().detail(InvitationEvents.DETAIL, "accepted");
        Invitation invitation = usableInvitation(context);
        if (invitation == null) {
            event.error("mx_invitation_unusable");
            context.challenge(InvitationPages.unusable(session, authSession));
            return;
        }

        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (form.containsKey(InvitationBrokerLogin.FORM_FIELD)) {
            continueWithIdentityProvider(context, invitation, form.getFirst(InvitationBrokerLogin.FORM_FIELD));
            return;
        }
        String password = form.getFirst("password-new");
        String confirm = form.getFirst("password-confirm");
        List<FormMessage> errors = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            errors.add(new FormMessage("password", "missingPasswordMessage"));
        } else if (!password.equals(confirm)) {
            errors.add(new FormMessage("password-confirm", "notMatchPasswordMessage"));
        } else {
            PolicyError policy = session.getProvider(PasswordPolicyManagerProvider.class).validate(realm, user, password);
            if (policy != null) {
                errors.add(new FormMessage("password", policy.getMessage(), policy.getParameters()));
            }
        }
        if (!errors.isEmpty()) {
            context.challenge(page(context, invitation, errors));
            return;
        }

        // Only one submission per link gets past this line, across threads and cluster nodes.
        InvitationAcceptance acceptance = new InvitationAcceptance(session, clock);
        if (!acceptance.claim(invitation)) {
            event.error("mx_invitation_used");
            context.challenge(InvitationPages.unusable(session, authSession));
            return;
        }
        user.credentialManager().updateCredential(UserCredentialModel.password(password, false));
        acceptance.complete(user, invitation, authSession.getAuthNote(InvitationActionTokenHandler.NOTE_NONCE),
                authSession.getAuthNote(InvitationActionTokenHandler.NOTE_EMAIL), InvitationAcceptance.Method.PASSWORD,
                event);
        authSession.removeAuthNote(InvitationActionTokenHandler.NOTE_NONCE);
        // Keycloak emits the event (CUSTOM_REQUIRED_ACTION) with the details added above.
        context.success();
    }

    /**
     * "Continue with …": nothing is accepted here. The broker login decides, in the
     * first-broker-login flow ({@link InvitationIdpLinkAuthenticator}).
     */
    private static void continueWithIdentityProvider(RequiredActionContext context, Invitation invitation, String alias) {
        KeycloakSession session = context.getSession();
        Optional<IdentityProviderModel> idp = InvitationBrokerLogin.find(session, context.getRealm(), alias);
        if (idp.isEmpty()) {
            context.challenge(context.form()
                    .setAttribute("mxInvitation", InvitationPages.model(session, context.getRealm(), context.getUser(), invitation))
                    .setError("mxInvitationIdpUnavailable")
                    .setStatus(Response.Status.BAD_REQUEST)
                    .createForm(InvitationPages.ACCEPT_TEMPLATE));
            return;
        }
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        context.challenge(InvitationBrokerLogin.start(session, context.getRealm(), context.getUriInfo().getBaseUri(),
                authSession, context.getUser(), authSession.getAuthNote(InvitationActionTokenHandler.NOTE_NONCE),
                authSession.getAuthNote(InvitationActionTokenHandler.NOTE_EMAIL), idp.get()));
    }

    /** The invitation if this flow came through a link that is still usable, else {@code null}. */
    private Invitation usableInvitation(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String nonce = authSession.getAuthNote(InvitationActionTokenHandler.NOTE_NONCE);
        String email = authSession.getAuthNote(InvitationActionTokenHandler.NOTE_EMAIL);
        Invitation invitation = InvitationStore.read(context.getUser());
        if (nonce == null || invitation == null) {
            return null;
        }
        Usability usability = invitation.usability(nonce, email, context.getUser().getEmail(),
                clock.instant());
        return usability == Usability.USABLE ? invitation : null;
    }

    private static Response page(RequiredActionContext context, Invitation invitation, List<FormMessage> errors) {
        var form = context.form()
                .setAttribute("mxInvitation", InvitationPages.model(context.getSession(), context.getRealm(),
                        context.getUser(), invitation));
        if (!errors.isEmpty()) {
            form.setErrors(errors);
        }
        return form.createForm(InvitationPages.ACCEPT_TEMPLATE);
    }

    @Override
    public void close() {
    }
}
