package com.maintenanceaccess.kernel;

import jakarta.ws.rs.NotAuthorizedException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.services.resources.admin.fgap.AdminPermissions;

/**
 * Who the caller of a {@code /mx} endpoint is and what they may do to which target: the one
 * authority check of the bundle (docs/security-model.md).
 *
 * <ul>
 *   <li>The caller is the user of a bearer token of this realm (lightweight tokens of the
 *       admin console carry no {@code sub}: Keycloak finds the user through the token's session).</li>
 *   <li>A <b>realm operator</b> holds roles of the realm's {@code realm-management} client and acts
 *       in every account with those rights (view-users, manage-users, manage-realm).</li>
 *   <li>Everybody else acts only through {@link AccountRole account roles}, per account.</li>
 *   <li>A target (user, account, invitation, record) outside the caller's accounts answers 404
 *       with the same body as an unknown id; inside, a missing permission answers 403 naming it.</li>
 * </ul>
 */
public final class Authority {

    /** The realm-wide compliance roles: they count only for realm operators (see {@link AccountPermission}). */
    public static final String REALM_COMPLIANCE_ROLE = "personnel-authorizations:manage";
    public static final String REALM_AUDITOR_ROLE = "personnel-authorizations:view";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminAuth auth;
    private final AdminPermissionEvaluator permissions;
    private Map<String, Set<AccountRole>> rolesByAccountId;

    private Authority(KeycloakSession session, RealmModel realm, AdminAuth auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.permissions = AdminPermissions.evaluator(session, realm, auth);
    }

    /** 401 without a valid token of this realm that names a user. */
    public static Authority authenticate(KeycloakSession session) {
        RealmModel realm = session.getContext().getRealm();
        AuthResult result = new AppAuthManager.BearerTokenAuthenticator(session).setRealm(realm).authenticate();
        if (result == null || result.user() == null) {
            throw new NotAuthorizedException(unauthorized(realm));
        }
        return new Authority(session, realm, new AdminAuth(realm, result.token(), result.user(), result.client()));
    }

    private static jakarta.ws.rs.core.Response unauthorized(RealmModel realm) {
        return jakarta.ws.rs.core.Response.fromResponse(Problems.status(401, "unauthorized",
                        "a bearer token of realm " + realm.getName() + " is required"))
                .header("WWW-Authenticate", "Bearer realm=\"" + realm.getName() + "\"").build();
    }

    public UserModel user() {
        return auth.getUser();
    }

    public AdminAuth adminAuth() {
        return auth;
    }

    // ---- realm operators ------------------------------------------------------------------

    /** Holds any role of the realm's realm-management client (directly or through a composite or group). */
    public boolean operator() {
        return isRealmOperator(realm, user());
    }

    /** Whether this user (the caller or a target) holds a role of the realm's realm-management client. */
    public static boolean isRealmOperator(RealmModel realm, UserModel user) {
        ClientModel management = realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
        return management != null && management.getRolesStream().anyMatch(user::hasRole);
    }

    boolean operatorCanViewUsers() {
        return permissions.users().canView();
    }

    boolean operatorCanManageUsers() {
        return permissions.users().canManage();
    }

    boolean operatorCanManageRealm() {
        return permissions.realm().canManageRealm();
    }

    boolean operatorIsRealmCompliance() {
        return operatorCanManageUsers() && hasRealmRole(REALM_COMPLIANCE_ROLE);
    }

    boolean operatorIsRealmAuditor() {
        return operatorCanViewUsers() && hasRealmRole(REALM_AUDITOR_ROLE);
    }

    public boolean hasRealmRole(String name) {
        RoleModel role = realm.getRole(name);
        return role != null && user().hasRole(role);
    }

    /** For the few operator-only endpoints (roles as code, reindex, bundle info): 403 naming the role. */
    public Authority requireOperator(boolean granted, String role) {
        if (!granted) {
            throw Problems.forbidden("this operation is for realm operators with " + role + ".");
        }
        return this;
    }

    public Authority requireViewRealm() {
        return requireOperator(permissions.realm().canViewRealm(), "view-realm");
    }

    public Authority requireManageRealm() {
        return requireOperator(operatorCanManageRealm(), "manage-realm");
    }

    /** Realm-wide records (the trail spans every account of the realm): a realm-wide auditor only. */
    public Authority requireRealmAuditor() {
        return requireOperator(operatorIsRealmAuditor(), "view-users and " + REALM_AUDITOR_ROLE);
    }

    public Authority requireRealmCompliance() {
        return requireOperator(operatorIsRealmCompliance(), "manage-users and " + REALM_COMPLIANCE_ROLE);
    }

    /** For what every account person may read (the catalog's pages): any account role, or an operator. */
    public Authority requireSomeRole() {
        if (!operator() && accountRoles().isEmpty()) {
            throw Problems.forbidden("this needs an account role (account-administrator, compliance-officer or auditor)"
                    + " or a realm operator role.");
        }
        return this;
    }

    // ---- accounts -------------------------------------------------------------------------

    /** The caller's roles in each account they are a member of, by account id (operators: none needed). */
    public Map<String, Set<AccountRole>> accountRoles() {
        if (rolesByAccountId == null) {
            Map<String, Set<AccountRole>> byAlias = new LinkedHashMap<>();
            user().getGroupsStream().forEach(group -> {
                GroupModel account = group.getParent();
                GroupModel root = account == null ? null : account.getParent();
                if (root != null && root.getParentId() == null && AccountRole.ROOT_GROUP.equals(root.getName())) {
                    AccountRole.byId(group.getName()).ifPresent(role ->
                            byAlias.computeIfAbsent(account.getName(), a -> EnumSet.noneOf(AccountRole.class)).add(role));
                }
            });
            Map<String, Set<AccountRole>> byId = new LinkedHashMap<>();
            OrganizationProvider organizations = organizations();
            byAlias.forEach((alias, roles) -> {
                OrganizationModel account = organizations == null ? null : organizations.getByAlias(alias);
                if (account != null && organizations.isMember(account, user())) {
                    byId.put(account.getId(), roles);
                }
            });
            rolesByAccountId = byId;
        }
        return rolesByAccountId;
    }

    public Set<AccountRole> rolesIn(OrganizationModel account) {
        return accountRoles().getOrDefault(account.getId(), Set.of());
    }

    public boolean may(OrganizationModel account, AccountPermission permission) {
        return permission.grantedToOperator(this)
                || rolesIn(account).stream().anyMatch(permission.roles()::contains);
    }

    /** Whether the caller sees this account at all: any role in it, or any operator right to view. */
    private boolean sees(OrganizationModel account) {
        return operatorCanViewUsers() || permissions.realm().canViewRealm() || !rolesIn(account).isEmpty();
    }

    /** The account by id or alias: 404 when unknown or not one of the caller's; 403 when the permission is missing. */
    public OrganizationModel account(String idOrAlias, AccountPermission permission) {
        OrganizationModel account = findAccount(idOrAlias);
        if (account == null || !sees(account)) {
            throw Problems.notFound("account", idOrAlias);
        }
        if (!may(account, permission)) {
            throw Problems.forbidden(permission.missing());
        }
        return account;
    }

    /** The user by id: 404 when unknown or in none of the caller's accounts; 403 when the permission is missing. */
    public UserModel user(String userId, AccountPermission permission) {
        UserModel target = userId == null ? null : session.users().getUserById(realm, userId.trim());
        if (target == null) {
            throw Problems.notFound("user", userId);
        }
        requireInAccount(target, permission, userId);
        return target;
    }

    /**
     * The check for every target user: operators with the right pass; otherwise the target must
     * be a member of an account in which the caller holds a role (else 404, as if unknown), and
     * one of those roles must allow the permission (else 403).
     */
    public void requireInAccount(UserModel target, AccountPermission permission, String asNamed) {
        if (permission.grantedToOperator(this)) {
            return;
        }
        List<OrganizationModel> shared = sharedAccounts(target);
        if (shared.isEmpty() && !operatorCanViewUsers()) {
            throw Problems.notFound("user", asNamed);
        }
        if (shared.stream().noneMatch(account -> may(account, permission))) {
            throw Problems.forbidden(permission.missing());
        }
    }

    /** The accounts the target is a member of in which the caller holds any role. */
    public List<OrganizationModel> sharedAccounts(UserModel target) {
        OrganizationProvider organizations = organizations();
        if (organizations == null || accountRoles().isEmpty()) {
            return List.of();
        }
        return organizations.getByMember(target).filter(account -> accountRoles().containsKey(account.getId())).toList();
    }

    /** Whether the caller may do this to that target, without throwing (for filtering lists). */
    public boolean mayAct(UserModel target, AccountPermission permission) {
        return permission.grantedToOperator(this)
                || sharedAccounts(target).stream().anyMatch(account -> may(account, permission));
    }

    // ---- records issued by an account (personnel authorizations) ----------------------------

    /**
     * Whether the caller may do this to a record that {@code accountId} issued to {@code person}:
     * an operator with the right may (records of every account, and those with no issuing account,
     * which only operators see); anybody else needs a role allowing it in that account, of which the
     * person is a member. A record of another account is, to its caller, a record that does not exist.
     */
    public boolean mayOnRecord(UserModel person, String accountId, AccountPermission permission) {
        if (permission.grantedToOperator(this)) {
            return true;
        }
        if (accountId == null || accountRoles().getOrDefault(accountId, Set.of()).stream()
                .noneMatch(permission.roles()::contains)) {
            return false;
        }
        OrganizationProvider organizations = organizations();
        OrganizationModel account = organizations == null ? null : organizations.getById(accountId);
        return account != null && organizations.isMember(account, person);
    }

    /**
     * The account that issues a new record to {@code person}: the one named ({@code account},
     * id or alias: 404 when unknown or not the caller's, 403 without the permission, 400 when the
     * person is not a member), or else the only account of the person's in which the caller may do
     * this. 400 naming {@code account} when there are several (say which) or none.
     */
    public OrganizationModel issuingAccount(UserModel person, String accountParam, AccountPermission permission) {
        OrganizationProvider organizations = organizations();
        if (accountParam != null && !accountParam.isBlank()) {
            OrganizationModel account = account(accountParam.trim(), permission);
            if (!organizations.isMember(account, person)) {
                throw Problems.invalid("account", "the person is not a member of account '" + accountParam.trim() + "'");
            }
            return account;
        }
        List<OrganizationModel> candidates = organizations == null ? List.of() : organizations.getByMember(person)
                .filter(account -> may(account, permission)).toList();
        if (candidates.size() > 1) {
            throw Problems.invalid("account", "the person is a member of several accounts you act in: say which one"
                    + " issues the authorization (\"account\": \"<id or alias>\")");
        }
        if (candidates.isEmpty()) {
            throw Problems.invalid("account", "an authorization is issued by an account of the person's, and the person"
                    + " is a member of none: make them a member first");
        }
        return candidates.get(0);
    }

    /** Separation of duties: nobody does this to themselves. 403 naming the rule. */
    public void requireNotSelf(UserModel target, String rule) {
        if (target.getId().equals(user().getId())) {
            throw Problems.forbidden("separation of duties: " + rule + ".");
        }
    }

    /**
     * Which users a list endpoint may show: with {@code account=} that account (404/403 as
     * above); without, the whole realm for an operator with the right, or the caller's only
     * account that allows it. 400 naming {@code account} when the caller acts in several.
     */
    public AccountScope scope(String accountParam, AccountPermission permission) {
        if (accountParam != null && !accountParam.isBlank()) {
            return new AccountScope(account(accountParam.trim(), permission), organizations());
        }
        if (permission.grantedToOperator(this)) {
            return new AccountScope(null, organizations());
        }
        List<String> allowed = accountRoles().entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(permission.roles()::contains)).map(Map.Entry::getKey).toList();
        if (allowed.isEmpty()) {
            throw Problems.forbidden(permission.missing());
        }
        if (allowed.size() > 1) {
            throw Problems.invalid("account", "you act in several accounts: say which one (account=<id or alias>)");
        }
        return new AccountScope(organizations().getById(allowed.get(0)), organizations());
    }

    /** By id or alias; null for anything that is not an account of this realm. */
    public OrganizationModel findAccount(String idOrAlias) {
        OrganizationProvider organizations = organizations();
        if (organizations == null || idOrAlias == null || idOrAlias.isBlank()) {
            return null;
        }
        OrganizationModel account;
        try {
            account = organizations.getById(idOrAlias);
        } catch (ModelException e) {
            // Keycloak throws for the id of another realm's organization: to the caller that is
            // an account that does not exist here (HostileInputIT).
            account = null;
        }
        return account != null ? account : organizations.getByAlias(idOrAlias);
    }

    private OrganizationProvider organizations() {
        return session.getProvider(OrganizationProvider.class);
    }

    /** The users a list may show: one account's members, or (account null) the whole realm. */
    public record AccountScope(OrganizationModel account, OrganizationProvider organizations) {
        public boolean wholeRealm() {
            return account == null;
        }

        public boolean contains(UserModel user) {
            return account == null || organizations.isMember(account, user);
        }

        /** A record in this scope: the whole realm's, or one the account issued to one of its members. */
        public boolean holds(UserModel user, String recordAccountId) {
            return account == null || (account.getId().equals(recordAccountId) && organizations.isMember(account, user));
        }
    }
}
