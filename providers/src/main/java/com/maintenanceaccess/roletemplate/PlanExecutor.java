package com.maintenanceaccess.roletemplate;

import com.maintenanceaccess.access.AccessCatalogStore;
import com.maintenanceaccess.roletemplate.Plan.Change;
import com.maintenanceaccess.roletemplate.RealmState.RoleState;
import com.maintenanceaccess.roletemplate.RealmState.ScopeState;
import java.util.Map;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;

/** Executes a plan's changes, in order, against a realm (inside the caller's transaction). */
final class PlanExecutor {

    private final RealmModel realm;
    private final RealmState desired;

    private PlanExecutor(RealmModel realm, RealmState desired) {
        this.realm = realm;
        this.desired = desired;
    }

    static void execute(RealmModel realm, Plan plan) {
        PlanExecutor executor = new PlanExecutor(realm, plan.desired());
        plan.changes().forEach(executor::run);
    }

    private void run(Change change) {
        switch (change.kind() + "." + change.op()) {
            case "role.CREATE" -> updateRole(realm.addRole(change.name()), desired.roles().get(change.name()));
            case "role.UPDATE" -> updateRole(role(change.name()), desired.roles().get(change.name()));
            case "role.DELETE" -> realm.removeRole(role(change.name()));
            case "composite.CREATE" -> role(change.name()).addCompositeRole(role(change.target()));
            case "composite.DELETE" -> role(change.name()).removeCompositeRole(role(change.target()));
            case "client-scope.CREATE" -> {
                ClientScopeModel scope = realm.addClientScope(change.name());
                scope.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
                updateScope(scope, desired.scopes().get(change.name()));
            }
            case "client-scope.UPDATE" -> updateScope(scope(change.name()), desired.scopes().get(change.name()));
            case "client-scope.DELETE" -> realm.removeClientScope(scope(change.name()).getId());
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

    private RoleModel role(String name) {
        RoleModel role = realm.getRole(name);
        if (role == null) {
            throw new IllegalStateException("role " + name + " vanished while applying");
        }
        return role;
    }

    private ClientScopeModel scope(String name) {
        return realm.getClientScopesStream().filter(s -> s.getName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("client scope " + name + " vanished while applying"));
    }

    private ClientModel client() {
        return realm.getClientByClientId(desired.client());
    }
}
