package com.maintenanceaccess.roletemplate;

import com.maintenanceaccess.access.AccessCatalogStore;
import com.maintenanceaccess.roletemplate.RealmState.RoleState;
import com.maintenanceaccess.roletemplate.RealmState.ScopeState;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;

/** Reads what the importer manages from a realm into a {@link RealmState}. */
final class RealmStateReader {

    private RealmStateReader() {
    }

    static RealmState read(RealmModel realm, String clientId) {
        Map<String, RoleState> roles = new HashMap<>();
        Set<String> unmanagedRoles = new HashSet<>();
        realm.getRolesStream().forEach(role -> {
            if (role.getFirstAttribute(RealmState.MANAGED) == null) {
                unmanagedRoles.add(role.getName());
                return;
            }
            Map<String, String> attributes = new HashMap<>();
            for (String key : RealmState.ROLE_ATTRIBUTES) {
                String value = role.getFirstAttribute(key);
                if (value != null) {
                    attributes.put(key, value);
                }
            }
            Set<String> composites = role.getCompositesStream().filter(r -> !r.isClientRole())
                    .map(RoleModel::getName).collect(Collectors.toSet());
            roles.put(role.getName(), new RoleState(role.getName(), role.getDescription(), attributes, composites));
        });

        Map<String, ScopeState> scopes = new HashMap<>();
        Set<String> unmanagedScopes = new HashSet<>();
        realm.getClientScopesStream().forEach(scope -> {
            if (scope.getAttribute(RealmState.MANAGED) == null) {
                unmanagedScopes.add(scope.getName());
                return;
            }
            Map<String, String> attributes = new HashMap<>();
            for (String key : RealmState.SCOPE_ATTRIBUTES) {
                String value = scope.getAttribute(key);
                if (value != null) {
                    attributes.put(key, value);
                }
            }
            Set<String> mappings = scope.getRealmScopeMappingsStream().map(RoleModel::getName).collect(Collectors.toSet());
            scopes.put(scope.getName(), new ScopeState(scope.getName(), scope.getDescription(), attributes, mappings));
        });

        ClientModel client = realm.getClientByClientId(clientId);
        Set<String> defaults = new HashSet<>();
        Set<String> optionals = new HashSet<>();
        if (client != null) {
            managed(client.getClientScopes(true), scopes.keySet(), defaults);
            managed(client.getClientScopes(false), scopes.keySet(), optionals);
        }
        return new RealmState(clientId, client != null, roles, scopes, defaults, optionals,
                realm.getAttribute(AccessCatalogStore.ATTRIBUTE), unmanagedRoles, unmanagedScopes);
    }

    private static void managed(Map<String, ClientScopeModel> assigned, Set<String> managed, Set<String> into) {
        assigned.values().stream().map(ClientScopeModel::getName).filter(managed::contains).forEach(into::add);
    }
}
