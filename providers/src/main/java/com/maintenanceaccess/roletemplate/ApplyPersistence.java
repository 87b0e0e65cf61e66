package com.maintenanceaccess.roletemplate;

import com.maintenanceaccess.bundle.KeycloakInternals;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.util.List;
import java.util.function.Supplier;
import org.keycloak.models.KeycloakSession;

/**
 * The importer's hold on the session's JPA persistence context (Hibernate), for the three
 * things an apply of tens of thousands of changes needs from it: the realm row lock, no
 * automatic flush before every query, and a persistence context that does not grow with
 * the apply.
 *
 * <p>Why (docs/benchmarks.md, "Importer at scale"): with Hibernate's default
 * flush mode every query first dirty-checks every entity the transaction has loaded or
 * written, and Keycloak queries once per created role (the duplicate-name check of
 * {@code addRealmRole}) and once per role read (its composites). Both grow with the
 * transaction, so a large apply was quadratic.
 *
 * <p>The EntityManager comes from the bundle's one seam to Keycloak's JPA store
 * ({@link KeycloakInternals}).
 */
final class ApplyPersistence {

    private final EntityManager entityManager;

    private ApplyPersistence(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    static ApplyPersistence of(KeycloakSession session) {
        return new ApplyPersistence(KeycloakInternals.entityManager(session, "the role-template importer"));
    }

    /** SELECT ... FOR UPDATE on the realm row: held until the transaction ends, flushes and clears included. */
    void lockRealmRow(String realmId) {
        entityManager.createNativeQuery("SELECT ID FROM REALM WHERE ID = ?1 FOR UPDATE")
                .setParameter(1, realmId)
                .getResultList();
    }

    /**
     * Runs {@code work} with flush mode COMMIT: queries no longer flush (and dirty-check)
     * first. The importer flushes itself where order matters ({@link SafePoints}); the
     * previous mode is restored afterwards, for whatever else runs in the transaction.
     */
    <T> T withoutAutoFlush(Supplier<T> work) {
        FlushModeType previous = entityManager.getFlushMode();
        entityManager.setFlushMode(FlushModeType.COMMIT);
        try {
            return work.get();
        } finally {
            entityManager.setFlushMode(previous);
        }
    }

    /**
     * Writes what is pending to the database (inside the transaction: a rollback still
     * undoes it) and empties the persistence context, so later flushes only check what was
     * written since. Every model loaded before is stale afterwards: callers look models up
     * again (see {@link PlanExecutor}).
     */
    void flushAndClear() {
        entityManager.flush();
        entityManager.clear();
    }

    /** A native query's rows; parameters are numbered ?1, ?2 … in order. */
    @SuppressWarnings("unchecked")
    List<Object[]> rows(String sql, Object... parameters) {
        jakarta.persistence.Query query = entityManager.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.getResultList();
    }

    /** Writes what is pending to the database, keeping the persistence context. */
    void flush() {
        entityManager.flush();
    }
}
