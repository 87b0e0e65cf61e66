package com.maintenanceaccess.roletemplate;

import com.maintenanceaccess.access.AccessCatalogStore;
import com.maintenanceaccess.roletemplate.Plan.Change;
import com.maintenanceaccess.roletemplate.RealmState.RoleState;
import com.maintenanceaccess.roletemplate.RealmState.ScopeState;
import java.util.HashMap;
import java.util.Map;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;

/**
 * Executes a plan's changes, in order, against a realm (inside the caller's transaction).
 *
 * <p>Roles and client scopes are resolved by name through name-to-id maps read once per apply
 * and kept up to date as the plan creates and deletes them. Looking each name up in the
 * database instead ({@code realm.getRole(name)}) made a large apply quadratic: every query
 * makes Hibernate dirty-check the whole persistence context, which grows with every write of
 * the apply's single transaction (docs/benchmarks.md measured 158 s for a ten-times catalog).
 * The maps hold ids, not models: a model listed after the apply's first write can be the
 * database's own adapter, whose writes would bypass the realm cache's invalidation, while
 * {@code getRoleById} always answers with the cache-aware model (and costs no query).
 *
 * <p>The caller runs it without automatic flushes; the executor flushes and clears the
 * persistence context at the {@link SafePoints}. Ids survive a clear, models do not: after
 * one, the realm is looked up again (an invalidated realm answers with a fresh database
 * model) and every role and scope is resolved afresh by id, as it always is.
 */
final class PlanExecutor {

    private final KeycloakSession session;
    private final ApplyPersistence persistence;
    private final SafePoints safePoints;
    private final String realmId;
    private final RealmState desired;
    private RealmModel realm;
    private Map<String, String> roleIds;
    private Map<String, String> scopeIds;

    private PlanExecutor(KeycloakSession session, ApplyPersistence persistence, SafePoints safePoints,
                         RealmModel realm, RealmState desired) {
        this.session = session;
        this.persistence = persistence;
        this.safePoints = safePoints;
        this.realmId = realm.getId();
        this.realm = realm;
        this.desired = desired;
    }

    /** Runs the plan's changes in order; answers the realm's model as it is valid afterwards. */
    static RealmModel execute(KeycloakSession session, ApplyPersistence persistence, SafePoints safePoints,
                              RealmModel realm, Plan plan) {
        PlanExecutor executor = new PlanExecutor(session, persistence, safePoints, realm, plan.desired());
        int executed = 0;
        for (Change change : plan.changes()) {
            if (safePoints.flushBefore(change)) {
                persistence.flush();
            }
            executor.run(change);
            executed++;
            if (safePoints.clearAfter(executed)) {
                executor.flushAndClear();
            }
        }
        return executor.realm;
    }

    private void flushAndClear() {
        persistence.flushAndClear();
        realm = session.realms().getRealm(realmId);
        // Keycloak's own listeners (a role's removal, for one) read the context's realm.
        session.getContext().setRealm(realm);
    }

    private void run(Change change) {
        switch (change.kind() + "." + change.op()) {
            case "role.CREATE" -> {
                RoleModel role = realm.addRole(change.name());
                roleIds().put(change.name(), role.getId());
                updateRole(role, desired.roles().get(change.name()));
            }
            case "role.UPDATE" -> updateRole(role(change.name()), desired.roles().get(change.name()));
            case "role.DELETE" -> {
                realm.removeRole(role(change.name()));
                roleIds().remove(change.name());
            }
            case "composite.CREATE" -> role(change.name()).addCompositeRole(role(change.target()));
            case "composite.DELETE" -> role(change.name()).removeCompositeRole(role(change.target()));
            case "client-scope.CREATE" -> {
                ClientScopeModel scope = realm.addClientScope(change.name());
                scopeIds().put(change.name(), scope.getId());
                scope.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
                updateScope(scope, desired.scopes().get(change.name()));
            }
            case "client-scope.UPDATE" -> updateScope(scope(change.name()), desired.scopes().get(change.name()));
            case "client-scope.DELETE" -> {
                realm.removeClientScope(scope(change.name()).getId());
                scopeIds().remove(change.name());
            }
            case "scope-mapping.CREATE" -> scope(change.name()).addScopeMapping(role(change.target()));
            case "scope-mapping.DELETE" -> scope(change.name()).deleteScopeMapping(role(change.target()));
            case "default-scope.CREATE" -> {
                ClientModel client = client();
                ClientScopeModel scope = scope(change.target());
                if (client.getClientScopes(false).containsKey(scope.getName())) {
                    client.removeClientScope(scope);
                }
                client.addClientScope(scope, true);
            }
            case "default-scope.DELETE" -> client().removeClientScope(scope(change.target()));
            case "catalog.CREATE", "catalog.UPDATE" -> realm.setAttribute(AccessCatalogStore.ATTRIBUTE, desired.catalogJson());
            default -> throw new IllegalStateException("no executor for " + change);
        }
    }

    private static void updateRole(RoleModel role, RoleState state) {
        role.setDescription(state.description());
        for (String key : RealmState.ROLE_ATTRIBUTES) {
            String value = state.attributes().get(key);
            if (value != null) {
                role.setSingleAttribute(key, value);
            } else if (role.getFirstAttribute(key) != null) {
                role.removeAttribute(key);
            }
        }
    }

    private static void updateScope(ClientScopeModel scope, ScopeState state) {
        scope.setDescription(state.description());
        for (Map.Entry<String, String> attribute : state.attributes().entrySet()) {
            scope.setAttribute(attribute.getKey(), attribute.getValue());
        }
    }

    private Map<String, String> roleIds() {
        if (roleIds == null) {
            roleIds = new HashMap<>();
            realm.getRolesStream().forEach(role -> roleIds.put(role.getName(), role.getId()));
        }
        return roleIds;
    }

    private Map<String, String> scopeIds() {
        if (scopeIds == null) {
            scopeIds = new HashMap<>();
            realm.getClientScopesStream().forEach(scope -> scopeIds.put(scope.getName(), scope.getId()));
        }
        return scopeIds;
    }

    private RoleModel role(String name) {
        String id = roleIds().get(name);
        RoleModel role = id == null ? null : realm.getRoleById(id);
        if (role == null) {
            throw new IllegalStateException("role " + name + " vanished while applying");
        }
        return role;
    }

    private ClientScopeModel scope(String name) {
        String id = scopeIds().get(name);
        ClientScopeModel scope = id == null ? null : realm.getClientScopeById(id);
        if (scope == null) {
            throw new IllegalStateException("client scope " + name + " vanished while applying");
        }
        return scope;
    }

    private ClientModel client() {
        return realm.getClientByClientId(desired.client());
    }
}
