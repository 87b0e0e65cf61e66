package com.maintenanceaccess.invitation;

import com.maintenanceaccess.account.AccountRoleGrants;
import com.maintenanceaccess.account.AccountTemplates;
import com.maintenanceaccess.account.RoleTemplateRoles;
import com.maintenanceaccess.bundle.KeycloakInternals;
import com.maintenanceaccess.invitation.model.ExpiryDays;
import com.maintenanceaccess.invitation.model.InvitationSettings;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.keycloak.common.util.Time;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationInvitationModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.InvitationManager;
import org.keycloak.organization.OrganizationProvider;

/**
 * Bringing a person who already exists (another account's contractor, say) into an account.
 * Keycloak's invitation row ({@code ORG_INVITATION}: a realm operator sees it under Organizations →
 * the account → Invitations) and Keycloak's "join organization" e-mail, but the bundle's own link
 * ({@link JoinActionToken}): it opens the login, the person signs in with their own credentials and
 * confirms (account/join). Until then they are a <em>pending person</em> of the account, known
 * there only by the invitation's id and what the administrator sent (names, address, templates):
 * nothing of the person's other accounts, and nothing that tells an administrator the address
 * existed (a new person looks the same, docs/accounts.md).
 *
 * <p>What waits on the user, per account: {@value #PENDING}{@code <account id>} the templates to
 * give on joining, {@code …}{@value #BY} who invited (the history line).
 */
public final class JoinInvitation {

    /** User attribute prefix: templates to give when the person joins that account. */
    public static final String PENDING = "mx.join.";
    /** Suffix of the attribute naming who invited (the marker that the bundle made the row). */
    static final String BY = ".by";
    /** Suffix of the attribute holding the account roles to give on joining. */
    static final String ROLES = ".roles";

    private JoinInvitation() {
    }

    /** What the sending did: the invitation's id, whether the mail went out, when the link expires. */
    public record Sent(String invitationId, boolean mailed, Instant sentAt, Instant expiresAt) {
    }

    /**
     * Sends the invitation to join; an earlier one of this account to this address is replaced
     * (its link dies with its row). Names are what the administrator sent, not the person's own.
     */
    public static Sent send(KeycloakSession session, RealmModel realm, OrganizationModel account, UserModel user,
                     String firstName, String lastName, List<RoleModel> templates, Integer days, String invitedBy,
                     UriInfo uri) {
        InvitationManager invitations = session.getProvider(OrganizationProvider.class).getInvitationManager();
        OrganizationInvitationModel earlier = invitations.getByEmail(account, user.getEmail());
        if (earlier != null) {
            invitations.remove(earlier.getId());
        }
        OrganizationInvitationModel invitation = invitations.create(account, user.getEmail(), firstName, lastName);
        // The same expiry rule as a new person's invitation (Keycloak's own rows last the admin
        // action-token lifespan); on Keycloak's clock, which verifies the link.
        int expiresAt = Time.currentTime() + ExpiryDays.resolve(days, realm.getAttribute(ExpiryDays.REALM_ATTRIBUTE)) * 86_400;
        invitation.setExpiresAt(expiresAt);
        JoinActionToken token = new JoinActionToken(user.getId(), user.getEmail(), account.getId(), invitation.getId(),
                expiresAt, InvitationSettings.of(session).clientId());
        String link = KeycloakInternals.actionTokenLink(session, realm, token, uri, InvitationSettings.of(session).clientId());
        invitation.setInviteLink(link);
        List<String> names = templates.stream().map(RoleModel::getName).sorted().toList();
        forget(account, user);
        setPendingTemplates(user, account, names);
        user.setSingleAttribute(PENDING + account.getId() + BY, invitedBy);
        long minutes = Math.max(1, (expiresAt - Time.currentTime()) / 60);
        boolean mailed;
        try {
            session.getProvider(EmailTemplateProvider.class).setRealm(realm).setUser(user)
                    .sendOrgInviteEmail(account, link, minutes);
            mailed = true;
        } catch (EmailException e) {
            mailed = false;
        }
        return new Sent(invitation.getId(), mailed, Instant.ofEpochSecond(invitation.getCreatedAt()),
                Instant.ofEpochSecond(expiresAt));
    }

    /** The person became a member of the account: the templates the administrator asked for, then forget them. */
    public static void joined(KeycloakSession session, OrganizationModel account, UserModel user) {
        if (!session.getProvider(OrganizationProvider.class).isMember(account, user)) {
            return;
        }
        RealmModel realm = session.getContext().getRealm();
        for (String id : user.getAttributeStream(PENDING + account.getId() + ROLES).toList()) {
            com.maintenanceaccess.kernel.AccountRole.byId(id).ifPresent(role -> {
                org.keycloak.models.GroupModel group = org.keycloak.models.utils.KeycloakModelUtils.findGroupByPath(session, realm,
                        role.groupPath(account.getAlias()));
                if (group == null || !user.isMemberOf(group)) {
                    user.joinGroup(group == null ? AccountRoleGrants.roleGroup(session, account, role) : group);
                }
            });
        }
        List<String> pending = user.getAttributeStream(PENDING + account.getId()).toList();
        if (!pending.isEmpty()) {
            List<RoleModel> templates = new ArrayList<>(AccountTemplates.held(session, account, user));
            pending.forEach(name -> RoleTemplateRoles.byName(session.getContext().getRealm(), name)
                    .filter(role -> !templates.contains(role)).ifPresent(templates::add));
            AccountTemplates.set(session, account, user, templates);
        }
        forget(account, user);
    }

    // ---------------------------------------------------------------- the pending person

    /** A pending person of an account: the invitation row (what the administrator sent) and the invited user. */
    public record Pending(OrganizationInvitationModel row, UserModel user) {

        public String id() {
            return row.getId();
        }

        public List<String> templates(OrganizationModel account) {
            return user.getAttributeStream(PENDING + account.getId()).sorted().toList();
        }

        /** In the people API's order (AccountRole's). */
        public List<String> accountRoles(OrganizationModel account) {
            List<String> held = user.getAttributeStream(PENDING + account.getId() + ROLES).toList();
            return java.util.Arrays.stream(com.maintenanceaccess.kernel.AccountRole.values())
                    .map(com.maintenanceaccess.kernel.AccountRole::id).filter(held::contains).toList();
        }

        /**
         * The pending person's invitation as the people API shows a new person's: pending or
         * expired, sent and expiry times, and (with history) the one line of its sending.
         */
        public InvitationState invitation(OrganizationModel account, boolean withHistory) {
            Instant sentAt = Instant.ofEpochSecond(row.getCreatedAt());
            Instant expiresAt = Instant.ofEpochSecond(row.getExpiresAt());
            return new InvitationState(row.isExpired() ? "expired" : "pending", expiresAt.toString(), sentAt.toString(), null,
                    withHistory ? List.of(sentAt + " sent by=" + user.getFirstAttribute(PENDING + account.getId() + BY)
                            + " to=" + row.getEmail() + " expiresAt=" + expiresAt + " account=" + account.getId()) : null);
        }

        public boolean matches(String text) {
            if (text == null) {
                return true;
            }
            String needle = text.toLowerCase(Locale.ROOT);
            return Stream.of(row.getEmail(), row.getFirstName(), row.getLastName())
                    .anyMatch(value -> value != null && value.toLowerCase(Locale.ROOT).contains(needle));
        }
    }

    /** The account's pending people, oldest invitation first: rows the bundle made, for users who are not members yet. */
    public static List<Pending> pendingIn(KeycloakSession session, OrganizationModel account) {
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        RealmModel realm = session.getContext().getRealm();
        return organizations.getInvitationManager().getAllStream(account, Map.of(), null, null)
                .map(row -> pending(session, realm, organizations, account, row))
                .filter(java.util.Objects::nonNull)
                .sorted(java.util.Comparator.comparingInt((Pending p) -> p.row().getCreatedAt()).thenComparing(Pending::id))
                .toList();
    }

    /** The pending person of this account with this id (the invitation's), or null. */
    public static Pending pendingById(KeycloakSession session, OrganizationModel account, String id) {
        if (id == null) {
            return null;
        }
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        OrganizationInvitationModel row = organizations.getInvitationManager().getById(id);
        return row == null || !account.getId().equals(row.getOrganizationId()) ? null
                : pending(session, session.getContext().getRealm(), organizations, account, row);
    }

    private static Pending pending(KeycloakSession session, RealmModel realm, OrganizationProvider organizations,
                                   OrganizationModel account, OrganizationInvitationModel row) {
        UserModel user = row.getEmail() == null ? null : session.users().getUserByEmail(realm, row.getEmail());
        if (user == null || user.getFirstAttribute(PENDING + account.getId() + BY) == null
                || organizations.isMember(account, user)) {
            return null;
        }
        return new Pending(row, user);
    }

    /** Changes the templates the person gets on joining. */
    public static void setTemplates(OrganizationModel account, Pending pending, List<String> names) {
        setPendingTemplates(pending.user(), account, names.stream().sorted().toList());
    }

    /** Changes the account roles the person gets on joining. */
    public static void setAccountRoles(OrganizationModel account, Pending pending, List<String> ids) {
        if (ids.isEmpty()) {
            pending.user().removeAttribute(PENDING + account.getId() + ROLES);
        } else {
            pending.user().setAttribute(PENDING + account.getId() + ROLES, ids);
        }
    }

    /** Withdraws the invitation: the row (and so the link) and what waited on the user. */
    public static void withdraw(KeycloakSession session, OrganizationModel account, Pending pending) {
        session.getProvider(OrganizationProvider.class).getInvitationManager().remove(pending.id());
        forget(account, pending.user());
    }

    private static void forget(OrganizationModel account, UserModel user) {
        user.removeAttribute(PENDING + account.getId());
        user.removeAttribute(PENDING + account.getId() + BY);
        user.removeAttribute(PENDING + account.getId() + ROLES);
    }

    private static void setPendingTemplates(UserModel user, OrganizationModel account, List<String> names) {
        if (names.isEmpty()) {
            user.removeAttribute(PENDING + account.getId());
        } else {
            user.setAttribute(PENDING + account.getId(), names);
        }
    }
}
