package com.maintenanceaccess.invitation;

import com.maintenanceaccess.invitation.Invitation.Usability;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.policy.PasswordPolicyManagerProvider;
import org.keycloak.policy.PolicyError;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The required action every invited user carries until they accept. It only ever succeeds in
 * a flow that came through a valid invitation link (the handler's auth note): a password that
 * an administrator set, a social login or any other route stops here at the "ask your
 * administrator" page, so nobody can log in as the invitee before acceptance.
 *
 * <p>Acceptance is claimed atomically with {@link SingleUseObjectProvider#putIfAbsent} on the
 * invitation nonce: of many parallel submissions of one link, exactly one wins.
 */
public class AcceptInvitationRequiredAction implements RequiredActionProvider {

    static final String CLAIM_PREFIX = "mx-invitation-accepted:";

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
        EventBuilder event = context.getEvent().detail(InvitationEvents.DETAIL, "accepted");
        Invitation invitation = usableInvitation(context);
        if (invitation == null) {
            event.error("mx_invitation_unusable");
            context.challenge(InvitationPages.unusable(session, context.getAuthenticationSession()));
            return;
        }

        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
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
        long lifespan = Math.max(60, invitation.expiresAt().getEpochSecond() - Instant.now().getEpochSecond()
                + 86_400L * InvitationSettings.of(session).linkGraceDays());
        if (!session.singleUseObjects().putIfAbsent(CLAIM_PREFIX + invitation.nonce(), lifespan)) {
            event.error("mx_invitation_used");
            context.challenge(InvitationPages.unusable(session, context.getAuthenticationSession()));
            return;
        }

        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        Invitation accepted = invitation.accept(authSession.getAuthNote(InvitationActionTokenHandler.NOTE_NONCE),
                authSession.getAuthNote(InvitationActionTokenHandler.NOTE_EMAIL), user.getEmail(),
                InvitationSettings.of(session).now());
        user.credentialManager().updateCredential(UserCredentialModel.password(password, false));
        InvitationStore.write(user, accepted);
        // The link went to this address and was opened: the address is proven.
        user.setEmailVerified(true);
        user.removeRequiredAction(AcceptInvitationRequiredActionFactory.PROVIDER_ID);
        OrganizationModel account = joinAccount(session, user, accepted);
        authSession.removeAuthNote(InvitationActionTokenHandler.NOTE_NONCE);

        event.detail("invited_by", String.valueOf(accepted.invitedBy()))
                .detail("sent_at", String.valueOf(accepted.sentAt()))
                .detail("accepted_at", String.valueOf(accepted.acceptedAt()));
        if (account != null) {
            event.detail("account", account.getId());
        }
        context.success();
    }

    /** The invitation if this flow came through a link that is still usable, else {@code null}. */
    private static Invitation usableInvitation(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String nonce = authSession.getAuthNote(InvitationActionTokenHandler.NOTE_NONCE);
        String email = authSession.getAuthNote(InvitationActionTokenHandler.NOTE_EMAIL);
        Invitation invitation = InvitationStore.read(context.getUser());
        if (nonce == null || invitation == null) {
            return null;
        }
        Usability usability = invitation.usability(nonce, email, context.getUser().getEmail(),
                InvitationSettings.of(context.getSession()).now());
        return usability == Usability.USABLE ? invitation : null;
    }

    private static OrganizationModel joinAccount(KeycloakSession session, UserModel user, Invitation invitation) {
        OrganizationModel account = InvitationDetails.organization(session, invitation.account());
        if (account == null) {
            return null;
        }
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        if (!organizations.isMember(account, user)) {
            organizations.addMember(account, user);
        }
        return account;
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
