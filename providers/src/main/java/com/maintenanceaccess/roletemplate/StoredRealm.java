package com.maintenanceaccess.roletemplate;

import com.maintenanceaccess.roletemplate.RealmState.RoleState;
import com.maintenanceaccess.roletemplate.RealmState.ScopeState;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A realm's realm roles and client scopes as stored (rows by id), sorted into what the
 * importer manages and what it must leave alone. Plain values: {@link ApplyPersistence#storedRealm}
 * fills it from the database.
 *
 * @param roles realm roles: id, name, description
 * @param roleAttributes attributes of those roles: role id, name, value
 * @param composites role id, name of a realm role it contains
 * @param scopes client scopes: id, name, description
 * @param scopeAttributes attributes of those scopes: scope id, name, value
 * @param scopeMappings scope id, name of a realm role it maps
 */
record StoredRealm(List<Row> roles, List<Value> roleAttributes, List<Link> composites,
                   List<Row> scopes, List<Value> scopeAttributes, List<Link> scopeMappings) {

    record Row(String id, String name, String description) {
        static Row of(String[] row) {
            return new Row(row[0], row[1], row[2]);
        }
    }

    record Value(String ownerId, String name, String value) {
        static Value of(String[] row) {
            return new Value(row[0], row[1], row[2]);
        }
    }

    record Link(String ownerId, String name) {
        static Link of(String[] row) {
            return new Link(row[0], row[1]);
        }
    }

    /** Managed roles and scopes by name, and the names of the unmanaged ones. */
    record Sorted(Map<String, RoleState> roles, Map<String, ScopeState> scopes,
                  Set<String> unmanagedRoles, Set<String> unmanagedScopes) {
    }

    /**
     * Managed means carrying {@link RealmState#MANAGED}. Of a managed role or scope only the
     * attributes the importer owns are kept (the first value, as Keycloak's
     * {@code getFirstAttribute} answers); attributes set by hand are ignored.
     */
    Sorted sorted() {
        Map<String, Map<String, String>> roleValues = owned(roleAttributes, RealmState.ROLE_ATTRIBUTES);
        Map<String, Set<String>> roleLinks = linked(composites);
        Map<String, RoleState> managedRoles = new HashMap<>();
        Set<String> unmanagedRoles = new HashSet<>();
        for (Row role : roles) {
            Map<String, String> attributes = roleValues.getOrDefault(role.id(), Map.of());
            if (attributes.containsKey(RealmState.MANAGED)) {
                managedRoles.put(role.name(), new RoleState(role.name(), role.description(), attributes,
                        roleLinks.getOrDefault(role.id(), Set.of())));
            } else {
                unmanagedRoles.add(role.name());
            }
        }
        Map<String, Map<String, String>> scopeValues = owned(scopeAttributes, RealmState.SCOPE_ATTRIBUTES);
        Map<String, Set<String>> scopeLinks = linked(scopeMappings);
        Map<String, ScopeState> managedScopes = new HashMap<>();
        Set<String> unmanagedScopes = new HashSet<>();
        for (Row scope : scopes) {
            Map<String, String> attributes = scopeValues.getOrDefault(scope.id(), Map.of());
            if (attributes.containsKey(RealmState.MANAGED)) {
                managedScopes.put(scope.name(), new ScopeState(scope.name(), scope.description(), attributes,
                        scopeLinks.getOrDefault(scope.id(), Set.of())));
            } else {
                unmanagedScopes.add(scope.name());
            }
        }
        return new Sorted(managedRoles, managedScopes, unmanagedRoles, unmanagedScopes);
    }

    private static Map<String, Map<String, String>> owned(List<Value> values, Set<String> owned) {
        Map<String, Map<String, String>> byOwner = new HashMap<>();
        for (Value value : values) {
            if (owned.contains(value.name()) && value.value() != null) {
                byOwner.computeIfAbsent(value.ownerId(), id -> new HashMap<>()).putIfAbsent(value.name(), value.value());
            }
        }
        return byOwner;
    }

    private static Map<String, Set<String>> linked(List<Link> links) {
        Map<String, Set<String>> byOwner = new HashMap<>();
        for (Link link : links) {
            byOwner.computeIfAbsent(link.ownerId(), id -> new HashSet<>()).add(link.name());
        }
        return byOwner;
    }
}
