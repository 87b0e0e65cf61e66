package com.maintenanceaccess.roletemplate;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the importer manages in a realm, as plain values: the desired state computed from
 * the input, or the current state read from Keycloak. Only managed things appear in
 * {@link #roles()} and {@link #scopes()}; the names of unmanaged roles and scopes are kept
 * apart so that a clash can be refused.
 *
 * @param defaultScopes managed scopes that are default scopes of the client
 * @param optionalScopes managed scopes that are optional scopes of the client
 * @param catalogJson the realm attribute holding the applied catalog (null if absent)
 */
public record RealmState(String client, boolean clientExists, Map<String, RoleState> roles,
                         Map<String, ScopeState> scopes, Set<String> defaultScopes, Set<String> optionalScopes,
                         String catalogJson, Set<String> unmanagedRoles, Set<String> unmanagedScopes) {

    public static final String MANAGED = "mx.managed";
    public static final String MANAGED_BY_CATALOG = "access-catalog";
    public static final String MANAGED_BY_TEMPLATE = "role-template";
    public static final String MODULE = "mx.module";
    public static final String PRIVILEGED = "mx.privileged";
    public static final String REQUIRES_AUTHORIZATION = "mx.requires-authorization";
    public static final String READ_ONLY = "mx.read-only";
    /** The role attributes the importer owns; others (set by hand) are left alone. */
    public static final Set<String> ROLE_ATTRIBUTES = Set.of(MANAGED, MODULE, PRIVILEGED, REQUIRES_AUTHORIZATION, READ_ONLY);
    /** The client scope attributes the importer owns. */
    public static final Set<String> SCOPE_ATTRIBUTES =
            Set.of(MANAGED, "include.in.token.scope", "display.on.consent.screen");

    public RealmState {
        roles = new TreeMap<>(roles);
        scopes = new TreeMap<>(scopes);
        defaultScopes = new TreeSet<>(defaultScopes);
        optionalScopes = new TreeSet<>(optionalScopes);
        unmanagedRoles = new TreeSet<>(unmanagedRoles);
        unmanagedScopes = new TreeSet<>(unmanagedScopes);
    }

    /** A realm role: attributes are only the importer-owned ones; composites are realm role names. */
    public record RoleState(String name, String description, Map<String, String> attributes, Set<String> composites) {
        public RoleState {
            attributes = new TreeMap<>(attributes);
            composites = new TreeSet<>(composites);
        }
    }

    /** A client scope: attributes are only the importer-owned ones; mappings are realm role names. */
    public record ScopeState(String name, String description, Map<String, String> attributes, Set<String> roleMappings) {
        public ScopeState {
            attributes = new TreeMap<>(attributes);
            roleMappings = new TreeSet<>(roleMappings);
        }
    }
}
