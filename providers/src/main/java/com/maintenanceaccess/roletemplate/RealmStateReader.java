package com.maintenanceaccess.roletemplate;

import com.maintenanceaccess.access.AccessCatalogStore;
import com.maintenanceaccess.roletemplate.RealmState.ScopeState;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.RealmModel;

/**
 * Reads what the importer manages from a realm into a {@link RealmState}.
 *
 * <p>Roles and client scopes, with their attributes, composites and scope mappings, are read
 * with six statements per realm, whatever its size ({@link StoredRealm}, read by
 * {@link ApplyPersistence#storedRealm} through the seam that owns the SQL on Keycloak's tables). Read through
 * Keycloak's models instead, each role cost up to three statements (the role, its
 * attributes, its composites) whenever it was not in the realm cache, and the cache holds
 * 10,000 entries by default: a hundred-times catalog has 34,000 roles. Under the apply's
 * row lock the database is also the most current state there is. The client's scopes and
 * the catalog attribute are single values and come through the (cached) models.
 */
final class RealmStateReader {

    private RealmStateReader() {
    }

    static RealmState read(ApplyPersistence database, RealmModel realm, String clientId) {
        StoredRealm.Sorted sorted = database.storedRealm(realm.getId()).sorted();

        ClientModel client = realm.getClientByClientId(clientId);
        Set<String> defaults = new HashSet<>();
        Set<String> optionals = new HashSet<>();
        if (client != null) {
            managed(client.getClientScopes(true), sorted.scopes(), defaults);
            managed(client.getClientScopes(false), sorted.scopes(), optionals);
        }
        return new RealmState(clientId, client != null, sorted.roles(), sorted.scopes(), defaults, optionals,
                realm.getAttribute(AccessCatalogStore.ATTRIBUTE), sorted.unmanagedRoles(), sorted.unmanagedScopes());
    }

    private static void managed(Map<String, ClientScopeModel> assigned, Map<String, ScopeState> managed, Set<String> into) {
        assigned.values().stream().map(ClientScopeModel::getName).filter(managed::containsKey).forEach(into::add);
    }
}
