package com.maintenanceaccess.review;

import com.maintenanceaccess.account.AccountSettings;
import com.maintenanceaccess.account.AccountTemplates;
import com.maintenanceaccess.account.RoleTemplateRoles;
import com.maintenanceaccess.authorization.AuthorizationFeature;
import com.maintenanceaccess.authorization.model.AuthorizationStore;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization;
import com.maintenanceaccess.authorization.rules.RecordUsability;
import com.maintenanceaccess.authorization.rules.SignoffCheck;
import com.maintenanceaccess.invitation.flow.AcceptInvitationRequiredActionFactory;
import com.maintenanceaccess.invitation.model.Invitation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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

    /**
     * The realm view (realm operators, realm-wide reports, the person's own view): the templates the
     * user holds in any of their accounts and every record. Realm-level template roles (before the
     * migration) count in none.
     */
    public UserFacts read(UserModel user, Instant now) {
        return read(user, null, now, account -> true);
    }

    /**
     * The view of one account ({@code inAccount}; null is the realm view): the templates the user
     * holds there only, and the records whose issuing account {@code recordsOf} accepts (a view of
     * one account, or of the accounts the caller acts in, holds only those accounts' records; null:
     * no issuing account).
     */
    public UserFacts read(UserModel user, OrganizationModel inAccount, Instant now,
                          java.util.function.Predicate<String> recordsOf) {
        Invitation invitation = Invitation.read(key -> user.getAttributeStream(key).toList());

        List<UserFacts.Account> accounts = new ArrayList<>();
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        if (organizations != null && organizations.isEnabled()) {
            organizations.getByMember(user).forEach(account -> accounts.add(account(account, now)));
        }

        // Templates are held per account (organization groups, AccountTemplates); what they grant
        // is their composite roles. Permission roles mapped realm-wide (operators') count as before.
        Map<String, RoleModel> held = new TreeMap<>();
        // How each template reaches the user in the accounts asked about (evidence for least privilege).
        Map<String, List<PrivilegePaths.PrivilegePath>> accountPaths = new TreeMap<>();
        List<OrganizationModel> accountsAsked = inAccount != null ? List.of(inAccount)
                : organizations == null || !organizations.isEnabled() ? List.of() : organizations.getByMember(user).toList();
        for (OrganizationModel account : accountsAsked) {
            for (RoleModel template : AccountTemplates.held(session, account, user)) {
                for (RoleModel reached : RoleUtils.expandCompositeRoles(Set.of(template))) {
                    if (RoleTemplateRoles.isTemplate(reached)) {
                        held.putIfAbsent(reached.getName(), reached);
                        accountPaths.computeIfAbsent(reached.getName(), k -> new ArrayList<>()).add(PrivilegePaths.inAccount(
                                account.getAlias(), account.getName(),
                                reached.getId().equals(template.getId()) ? null : template.getName()));
                    }
                }
            }
        }
        Set<String> permissions = new HashSet<>(AccountTemplates.permissions(held.values()));
        for (RoleModel role : RoleUtils.getDeepUserRoleMappings(user)) {
            if (role.isClientRole()) {
                continue;
            }
            if (inAccount == null && RoleTemplateRoles.isTemplate(role)) {
                // The realm view also shows realm-level (unassigned, legacy) templates: an operator
                // must see them to assign them; no account's view or token counts them.
                held.putIfAbsent(role.getName(), role);
            } else if (CATALOG.equals(role.getFirstAttribute(MANAGED))
                    && (inAccount == null || directPermission(user, role))) {
                permissions.add(role.getName());
            }
        }
        List<UserFacts.Template> templates = new ArrayList<>();
        held.values().forEach(role -> templates.add(new UserFacts.Template(role.getName(),
                "true".equals(role.getFirstAttribute(PRIVILEGED)), role.getFirstAttribute(REQUIRES_AUTHORIZATION))));

        // Usable at signoff, by the signoff check's own rules (dates, status, licence, recency):
        // one rule set. Whether the person is enabled is a check of its own (explain's
        // user-enabled, the report's disabled-with-roles), so it is not repeated per record here.
        RecordUsability usability = AuthorizationFeature.of(session).usability();
        Set<String> validTypes = new HashSet<>();
        List<UserFacts.Expiring> valid = new ArrayList<>();
        List<UserFacts.Unusable> unusable = new ArrayList<>();
        for (PersonnelAuthorization authorization : AuthorizationStore.read(user).records()) {
            if (!recordsOf.test(authorization.account())) {
                continue;
            }
            List<SignoffCheck.Reason> reasons = usability.against(authorization, true, now);
            if (reasons.isEmpty()) {
                validTypes.add(authorization.type());
                valid.add(new UserFacts.Expiring(authorization.type(), authorization.reference(), authorization.validUntil()));
            } else {
                unusable.add(new UserFacts.Unusable(authorization.type(), authorization.reference(),
                        reasons.stream().map(SignoffCheck.Reason::id).toList()));
            }
        }

        UserFacts.Standing standing = new UserFacts.Standing(
                user.getRequiredActionsStream().anyMatch(AcceptInvitationRequiredActionFactory.PROVIDER_ID::equals),
                invitation == null || invitation.account() == null || organizations == null || !organizations.isEnabled()
                        ? null : ref(organizations, organizations.getById(invitation.account())),
                ref(organizations, domainOwner(organizations, user.getEmail())),
                unusable, privilegedPaths(user, held.values(), accountPaths, inAccount == null),
                PrivilegedAcknowledgement.read(user));
        return new UserFacts(user.getId(), user.getUsername(), user.getFirstName(), user.getLastName(), user.getEmail(),
                user.isEnabled(),
                invitation == null ? null : invitation.effectiveStatus(now).value(),
                invitation == null ? null : invitation.sentAt(),
                accounts, templates, permissions, validTypes, valid, standing);
    }

    /** The privileged templates held in the accounts asked about, each with how it reaches the user. */
    private static Map<String, List<PrivilegePaths.PrivilegePath>> privilegedPaths(UserModel user,
            java.util.Collection<RoleModel> held, Map<String, List<PrivilegePaths.PrivilegePath>> accountPaths, boolean realmView) {
        Map<String, List<PrivilegePaths.PrivilegePath>> paths = new TreeMap<>();
        for (RoleModel role : held) {
            if (PrivilegePaths.isPrivilegedTemplate(role)) {
                List<PrivilegePaths.PrivilegePath> found = new ArrayList<>(accountPaths.getOrDefault(role.getName(), List.of()));
                if (realmView) {
                    found.addAll(PrivilegePaths.of(user, role)); // realm-level paths count in the realm view only
                }
                paths.put(role.getName(), found);
            }
        }
        return paths;
    }

    /**
     * A permission role that reaches the user other than through a legacy realm-level template
     * (those count in no account): mapped directly, by a group, or by a composite that is not a template.
     */
    private static boolean directPermission(UserModel user, RoleModel permission) {
        return user.getRealmRoleMappingsStream().filter(role -> !RoleTemplateRoles.isTemplate(role))
                .anyMatch(role -> role.getId().equals(permission.getId()) || role.hasRole(permission))
                || user.getGroupsStream().anyMatch(group -> group.hasRole(permission));
    }

    /** The account whose domains include the e-mail's domain (Organizations → Domains), or null. */
    private static OrganizationModel domainOwner(OrganizationProvider organizations, String email) {
        int at = email == null ? -1 : email.lastIndexOf('@');
        if (organizations == null || !organizations.isEnabled() || at < 0) {
            return null;
        }
        return organizations.getByDomainName(email.substring(at + 1).toLowerCase(java.util.Locale.ROOT));
    }

    private static UserFacts.AccountRef ref(OrganizationProvider organizations, OrganizationModel account) {
        return organizations == null || account == null ? null : new UserFacts.AccountRef(account.getId(), account.getAlias(), account.getName());
    }

    private static UserFacts.Account account(OrganizationModel account, Instant now) {
        AccountSettings settings = AccountSettings.fromAttributes(account.getAttributes());
        return new UserFacts.Account(account.getId(), account.getAlias(), account.getName(), account.isEnabled(), settings.features(),
                settings.inSetupModeAt(now));
    }
}
