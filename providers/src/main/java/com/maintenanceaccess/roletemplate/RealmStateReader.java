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
 * with six statements per realm, whatever its size ({@link StoredRealm}). Read through
 * Keycloak's models instead, each role cost up to three statements (the role, its
 * attributes, its composites) whenever it was not in the realm cache, and the cache holds
 * 10,000 entries by default: a hundred-times catalog has 34,000 roles. Under the apply's
 * row lock the database is also the most current state there is. The client's scopes and
 * the catalog attribute are single values and come through the (cached) models.
 */
final class RealmStateReader {

    private static final String ROLES = "SELECT ID, NAME, DESCRIPTION FROM KEYCLOAK_ROLE WHERE REALM_ID = ?1 AND CLIENT_ROLE = ?2";
    private static final String ROLE_ATTRIBUTES = "SELECT a.ROLE_ID, a.NAME, a.VALUE FROM ROLE_ATTRIBUTE a"
            + " JOIN KEYCLOAK_ROLE r ON r.ID = a.ROLE_ID WHERE r.REALM_ID = ?1 AND r.CLIENT_ROLE = ?2";
    private static final String COMPOSITES = "SELECT c.COMPOSITE, child.NAME FROM COMPOSITE_ROLE c"
            + " JOIN KEYCLOAK_ROLE parent ON parent.ID = c.COMPOSITE JOIN KEYCLOAK_ROLE child ON child.ID = c.CHILD_ROLE"
            + " WHERE parent.REALM_ID = ?1 AND parent.CLIENT_ROLE = ?2 AND child.CLIENT_ROLE = ?2";
    private static final String SCOPES = "SELECT ID, NAME, DESCRIPTION FROM CLIENT_SCOPE WHERE REALM_ID = ?1";
    private static final String SCOPE_ATTRIBUTES = "SELECT a.SCOPE_ID, a.NAME, a.VALUE FROM CLIENT_SCOPE_ATTRIBUTES a"
            + " JOIN CLIENT_SCOPE s ON s.ID = a.SCOPE_ID WHERE s.REALM_ID = ?1";
    private static final String SCOPE_MAPPINGS = "SELECT m.SCOPE_ID, r.NAME FROM CLIENT_SCOPE_ROLE_MAPPING m"
            + " JOIN CLIENT_SCOPE s ON s.ID = m.SCOPE_ID JOIN KEYCLOAK_ROLE r ON r.ID = m.ROLE_ID"
            + " WHERE s.REALM_ID = ?1 AND r.CLIENT_ROLE = ?2";

    private RealmStateReader() {
    }

    static RealmState read(ApplyPersistence database, RealmModel realm, String clientId) {
        String id = realm.getId();
        StoredRealm stored = new StoredRealm(
                database.rows(ROLES, id, false).stream().map(StoredRealm.Row::of).toList(),
                database.rows(ROLE_ATTRIBUTES, id, false).stream().map(StoredRealm.Value::of).toList(),
                database.rows(COMPOSITES, id, false).stream().map(StoredRealm.Link::of).toList(),
                database.rows(SCOPES, id).stream().map(StoredRealm.Row::of).toList(),
                database.rows(SCOPE_ATTRIBUTES, id).stream().map(StoredRealm.Value::of).toList(),
                database.rows(SCOPE_MAPPINGS, id, false).stream().map(StoredRealm.Link::of).toList());
        StoredRealm.Sorted sorted = stored.sorted();

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
