package com.maintenanceaccess.invitation.model;

import java.util.List;
import java.util.Objects;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * What the invitee is told: who invited them, to which account, and which roles they will
 * have (their realm role mappings, without the realm's default-roles composite that everybody has;
 * role templates by their names in the invitee's language, {@link RoleWords}).
 */
public record InvitationDetails(String inviterName, String accountName, List<String> roles) {

    public static InvitationDetails of(KeycloakSession session, RealmModel realm, UserModel user, Invitation invitation) {
        String inviter = invitation.invitedByName();
        if (invitation.invitedBy() != null) {
            UserModel admin = session.users().getUserById(realm, invitation.invitedBy());
            if (admin != null) {
                inviter = displayName(admin);
            }
        }
        OrganizationModel account = organization(session, invitation.account());
        RoleModel defaults = realm.getDefaultRole();
        // Realm roles mapped to the person, and the role templates held in the invitation's account.
        java.util.stream.Stream<RoleModel> held = account == null ? java.util.stream.Stream.empty()
                : com.maintenanceaccess.account.AccountTemplates.held(session, account, user).stream();
        // In the invitee's language (their locale, else the request's): the templates by their workspace names.
        java.util.function.Function<RoleModel, String> words = RoleWords.in(session, realm, session.getContext().resolveLocale(user));
        List<String> roles = java.util.stream.Stream.concat(user.getRealmRoleMappingsStream(), held)
                .filter(role -> defaults == null || !Objects.equals(role.getId(), defaults.getId()))
                .map(words)
                .distinct()
                .sorted()
                .toList();
        return new InvitationDetails(inviter == null ? "" : inviter, account == null ? null : account.getName(), roles);
    }

    public static OrganizationModel organization(KeycloakSession session, String id) {
        if (id == null) {
            return null;
        }
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        return organizations == null ? null : organizations.getById(id);
    }

    public static String displayName(UserModel user) {
        String first = user.getFirstName() == null ? "" : user.getFirstName();
        String last = user.getLastName() == null ? "" : user.getLastName();
        String name = (first + " " + last).trim();
        return name.isEmpty() ? user.getUsername() : name;
    }
}
