package com.maintenanceaccess.invitation.flow;

import com.maintenanceaccess.invitation.model.Invitation;
import com.maintenanceaccess.invitation.model.InvitationDetails;
import com.maintenanceaccess.invitation.model.InvitationEvents;
import com.maintenanceaccess.invitation.model.InvitationSettings;
import com.maintenanceaccess.invitation.model.InvitationStore;
import java.time.Clock;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * Accepting an invitation, the same way whichever way the person proved who they are (a
 * password on the invitation page, or an identity provider whose verified e-mail matches):
 * claim the link's nonce atomically, then write the accepted state, mark the address verified,
 * remove the required action and make the person a member of the invitation's account.
 *
 * <p>The claim comes first and is separate so that a caller can do its own writes (the password)
 * only once it has won: of many parallel submissions of one link exactly one gets past
 * {@link #claim} ({@link SingleUseObjectProvider#putIfAbsent}, cluster-wide).
 */
public final class InvitationAcceptance {

    static final String CLAIM_PREFIX = "mx-invitation-accepted:";

    /** How the person proved who they are; the {@code method} detail of the accepted event. */
    enum Method {
        PASSWORD("password"), IDENTITY_PROVIDER("identity-provider");

        private final String detail;

        Method(String detail) {
            this.detail = detail;
        }

        String detail() {
            return detail;
        }
    }

    private final KeycloakSession session;
    private final Clock clock;

    public InvitationAcceptance(KeycloakSession session, Clock clock) {
        this.session = session;
        this.clock = clock;
    }

    /** {@code true} for exactly one caller per invitation nonce; everybody else must stop. */
    boolean claim(Invitation invitation) {
        InvitationSettings settings = InvitationSettings.of(session);
        long lifespan = Math.max(60, invitation.expiresAt().getEpochSecond() - clock.instant().getEpochSecond()
                + 86_400L * settings.linkGraceDays());
        return session.singleUseObjects().putIfAbsent(CLAIM_PREFIX + invitation.nonce(), lifespan);
    }

    /**
     * The same claim for an administrator's change (revoke, resend, address change), released
     * again if that change's transaction rolls back (e.g. the mail could not be sent), so that
     * the link it did not replace stays usable.
     */
    public boolean claimUntilRollback(Invitation invitation) {
        if (!claim(invitation)) {
            return false;
        }
        String key = CLAIM_PREFIX + invitation.nonce();
        org.keycloak.models.KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        session.getTransactionManager().enlistAfterCompletion(new org.keycloak.models.AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
            }

            @Override
            protected void rollbackImpl() {
                org.keycloak.models.utils.KeycloakModelUtils.runJobInTransaction(factory,
                        job -> job.singleUseObjects().remove(key));
            }
        });
        return true;
    }

    /**
     * Writes the acceptance of a claimed invitation and adds its details to {@code event}
     * (the caller emits it). Throws a refusal (kernel Problems) if the link no longer fits.
     */
    Invitation complete(UserModel user, Invitation invitation, String linkNonce, String linkEmail, Method method,
            EventBuilder event) {
        Invitation accepted = invitation.accept(linkNonce, linkEmail, user.getEmail(), clock.instant());
        InvitationStore.write(user, accepted);
        // The link went to this address and was opened: the address is proven.
        user.setEmailVerified(true);
        user.removeRequiredAction(AcceptInvitationRequiredActionFactory.PROVIDER_ID);
        OrganizationModel account = joinAccount(user, accepted);

        event.detail(InvitationEvents.DETAIL, "accepted")
                .detail("method", method.detail())
                .detail("invited_by", String.valueOf(accepted.invitedBy()))
                .detail("sent_at", String.valueOf(accepted.sentAt()))
                .detail("accepted_at", String.valueOf(accepted.acceptedAt()));
        if (account != null) {
            event.detail("account", account.getId());
        }
        return accepted;
    }

    private OrganizationModel joinAccount(UserModel user, Invitation invitation) {
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
}
