package com.maintenanceaccess.roletemplate;

import com.maintenanceaccess.bundle.KeycloakInternals;
import com.maintenanceaccess.bundle.KeycloakStore;
import java.util.function.Supplier;
import org.keycloak.models.KeycloakSession;

/**
 * The importer's hold on the session's persistence context, for the three things an apply of
 * tens of thousands of changes needs from it: the realm row lock, no automatic flush before
 * every query, and a persistence context that does not grow with the apply; and the realm's
 * stored roles and scopes ({@link RealmStateReader}).
 *
 * <p>Why (docs/benchmarks.md, "Importer at scale"): with Hibernate's default
 * flush mode every query first dirty-checks every entity the transaction has loaded or
 * written, and Keycloak queries once per created role (the duplicate-name check of
 * {@code addRealmRole}) and once per role read (its composites). Both grow with the
 * transaction, so a large apply was quadratic.
 *
 * <p>Everything goes through the bundle's one seam to Keycloak's JPA store
 * ({@link KeycloakInternals}, {@link KeycloakStore}), which owns the SQL on Keycloak's tables.
 */
final class ApplyPersistence {

    private final KeycloakStore store;

    private ApplyPersistence(KeycloakStore store) {
        this.store = store;
    }

    static ApplyPersistence of(KeycloakSession session) {
        return new ApplyPersistence(KeycloakInternals.store(session, "the role-template importer"));
    }

    /** SELECT ... FOR UPDATE on the realm row: held until the transaction ends, flushes and clears included. */
    void lockRealmRow(String realmId) {
        store.lockRealmRow(realmId);
    }

    /**
     * Runs {@code work} with flush mode COMMIT: queries no longer flush (and dirty-check)
     * first. The importer flushes itself where order matters ({@link SafePoints}); the
     * previous mode is restored afterwards, for whatever else runs in the transaction.
     */
    <T> T withoutAutoFlush(Supplier<T> work) {
        return store.withoutAutoFlush(work);
    }

    /**
     * Writes what is pending to the database (inside the transaction: a rollback still
     * undoes it) and empties the persistence context, so later flushes only check what was
     * written since. Every model loaded before is stale afterwards: callers look models up
     * again (see {@link PlanExecutor}).
     */
    void flushAndClear() {
        store.flush();
        store.clear();
    }

    /** Writes what is pending to the database, keeping the persistence context. */
    void flush() {
        store.flush();
    }

    /** The realm's realm roles and client scopes as stored, read with six statements. */
    StoredRealm storedRealm(String realmId) {
        return new StoredRealm(
                store.realmRoles(realmId).stream().map(StoredRealm.Row::of).toList(),
                store.realmRoleAttributes(realmId).stream().map(StoredRealm.Value::of).toList(),
                store.realmRoleComposites(realmId).stream().map(StoredRealm.Link::of).toList(),
                store.clientScopes(realmId).stream().map(StoredRealm.Row::of).toList(),
                store.clientScopeAttributes(realmId).stream().map(StoredRealm.Value::of).toList(),
                store.clientScopeRealmRoles(realmId).stream().map(StoredRealm.Link::of).toList());
    }
}
