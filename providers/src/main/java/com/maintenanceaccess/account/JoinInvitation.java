package com.maintenanceaccess.account;

import com.maintenanceaccess.bundle.KeycloakInternals;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.keycloak.authentication.actiontoken.inviteorg.InviteOrgActionToken;
import org.keycloak.common.util.Time;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.OrganizationInvitationModel;
import org.keycloak.organization.InvitationManager;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.services.Urls;

/**
 * Bringing a person who already exists (another account's contractor, say) into an account:
 * Keycloak's own organization invitation for an existing user (the e-mail "join organization",
 * its action token, its confirmation page). The person joins only by following the link and
 * confirming: their consent. The templates the administrator asked for wait on the user
 * ({@value #PENDING}{@code <account id>}) and are given when the membership begins
 * ({@link #joined}); until then nothing of the person is visible in the account, and nothing of
 * other accounts in the answer.
 */
public final class JoinInvitation {

    /** User attribute prefix: templates to give when the person joins that account. */
    public static final String PENDING = "mx.join.";

    private JoinInvitation() {
    }

    /** Sends Keycloak's invitation to join; false when the e-mail could not be sent. */
    static boolean send(KeycloakSession session, RealmModel realm, OrganizationModel account, UserModel user,
                        List<RoleModel> templates, UriInfo uri) {
        // As Keycloak's own "invite an existing user" does: the invitation row (Organizations →
        // Invitations, which its handler requires) and an action token with the row's id.
        InvitationManager invitations = session.getProvider(OrganizationProvider.class).getInvitationManager();
        OrganizationInvitationModel earlier = invitations.getByEmail(account, user.getEmail());
        if (earlier != null) {
            invitations.remove(earlier.getId());
        }
        OrganizationInvitationModel invitation = invitations.create(account, user.getEmail(), user.getFirstName(), user.getLastName());
        InviteOrgActionToken token = new InviteOrgActionToken(user.getId(), invitation.getExpiresAt(), user.getEmail(),
                Constants.ACCOUNT_MANAGEMENT_CLIENT_ID);
        token.setOrgId(account.getId());
        token.id(invitation.getId());
        token.setRedirectUri(account.getRedirectUrl() != null && !account.getRedirectUrl().isBlank() ? account.getRedirectUrl()
                : Urls.accountBase(uri.getBaseUri()).path("/").build(realm.getName()).toString());
        String link = KeycloakInternals.actionTokenLink(session, realm, token, uri, null);
        invitation.setInviteLink(link);
        // Keycloak verifies the token's expiry with its own clock, so the mail's minutes are on that clock.
        long minutes = Math.max(1, (invitation.getExpiresAt() - Time.currentTime()) / 60);
        List<String> names = new ArrayList<>(templates.stream().map(RoleModel::getName).toList());
        if (names.isEmpty()) {
            user.removeAttribute(PENDING + account.getId());
        } else {
            user.setAttribute(PENDING + account.getId(), names);
        }
        try {
            session.getProvider(EmailTemplateProvider.class).setRealm(realm).setUser(user)
                    .sendOrgInviteEmail(account, link, minutes);
            return true;
        } catch (EmailException e) {
            return false;
        }
    }

    /** The person became a member of the account: the templates the administrator asked for, then forget them. */
    public static void joined(KeycloakSession session, OrganizationModel account, UserModel user) {
        List<String> pending = user.getAttributeStream(PENDING + account.getId()).toList();
        if (pending.isEmpty() || !session.getProvider(OrganizationProvider.class).isMember(account, user)) {
            return;
        }
        List<RoleModel> templates = new ArrayList<>(AccountTemplates.held(session, account, user));
        pending.forEach(name -> RoleTemplateRoles.byName(session.getContext().getRealm(), name)
                .filter(role -> !templates.contains(role)).ifPresent(templates::add));
        AccountTemplates.set(session, account, user, templates);
        user.removeAttribute(PENDING + account.getId());
    }
}
