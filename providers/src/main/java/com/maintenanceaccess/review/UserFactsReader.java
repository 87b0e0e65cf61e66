package com.maintenanceaccess.review;

import com.maintenanceaccess.account.AccountSettings;
import com.maintenanceaccess.authorization.AuthorizationState;
import com.maintenanceaccess.authorization.AuthorizationStore;
import com.maintenanceaccess.authorization.PersonnelAuthorization;
import com.maintenanceaccess.invitation.Invitation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.RoleUtils;
import org.keycloak.organization.OrganizationProvider;

/**
 * Reads the {@link UserFacts} of one user from Keycloak's (cached) models: invitation state,
 * account memberships and their settings, effective roles (composites and groups expanded
 * once), and personnel authorizations.
 */
public final class UserFactsReader {

    /** Role attributes the role-template importer writes (see docs/role-templates.md). */
    static final String MANAGED = "mx.managed";
    static final String TEMPLATE = "role-template";
    static final String CATALOG = "access-catalog";
    static final String PRIVILEGED = "mx.privileged";
    static final String REQUIRES_AUTHORIZATION = "mx.requires-authorization";

    private final KeycloakSession session;

    public UserFactsReader(KeycloakSession session) {
        this.session = session;
    }

    public UserFacts read(UserModel user, Instant now) {
        Invitation invitation = Invitation.read(key -> user.getAttributeStream(key).toList());

        List<UserFacts.Account> accounts = new ArrayList<>();
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        if (organizations != null && organizations.isEnabled()) {
            organizations.getByMember(user).forEach(account -> accounts.add(account(account, now)));
        }

        List<UserFacts.Template> templates = new ArrayList<>();
        Set<String> permissions = new HashSet<>();
        for (RoleModel role : RoleUtils.getDeepUserRoleMappings(user)) {
            if (role.isClientRole()) {
                continue;
            }
            String managed = role.getFirstAttribute(MANAGED);
            if (TEMPLATE.equals(managed)) {
                templates.add(new UserFacts.Template(role.getName(), "true".equals(role.getFirstAttribute(PRIVILEGED)),
                        role.getFirstAttribute(REQUIRES_AUTHORIZATION)));
            } else if (CATALOG.equals(managed)) {
                permissions.add(role.getName());
            }
        }
        templates.sort(java.util.Comparator.comparing(UserFacts.Template::name));

        Set<String> validTypes = new HashSet<>();
        List<UserFacts.Expiring> valid = new ArrayList<>();
        for (PersonnelAuthorization authorization : AuthorizationStore.read(user).records()) {
            if (AuthorizationState.isValid(authorization, now)) {
                validTypes.add(authorization.type());
                valid.add(new UserFacts.Expiring(authorization.type(), authorization.reference(), authorization.validUntil()));
            }
        }

        return new UserFacts(user.getId(), user.getUsername(), user.getFirstName(), user.getLastName(), user.getEmail(),
                user.isEnabled(),
                invitation == null ? null : invitation.effectiveStatus(now).value(),
                invitation == null ? null : invitation.sentAt(),
                accounts, templates, permissions, validTypes, valid);
    }

    private static UserFacts.Account account(OrganizationModel account, Instant now) {
        AccountSettings settings = AccountSettings.fromAttributes(account.getAttributes());
        return new UserFacts.Account(account.getId(), account.getAlias(), account.isEnabled(), settings.features(),
                settings.inSetupModeAt(now));
    }
}
