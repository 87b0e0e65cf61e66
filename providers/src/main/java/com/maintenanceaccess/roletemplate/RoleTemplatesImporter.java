package com.maintenanceaccess.roletemplate;

import java.util.List;
import java.util.concurrent.locks.Lock;
import jakarta.persistence.EntityManager;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.provider.Provider;

/**
 * Plans and applies catalog + templates for one realm. An apply runs in its own
 * transaction, serialised per realm: a per-realm lock on this node (held until the
 * transaction, cache invalidation included, has completed) and a row lock on the realm
 * in the database (for other nodes sharing it). The plan is computed after both locks are
 * held, so two applies never work from the same stale state.
 */
public class RoleTemplatesImporter implements Provider {

    /** Writes the one event of an apply, inside the apply's transaction. */
    @FunctionalInterface
    public interface EventSink {
        void emit(KeycloakSession session, RealmModel realm, Plan plan);
    }

    private static final String JPA_PROVIDER = "org.keycloak.connections.jpa.JpaConnectionProvider";

    private final KeycloakSession session;
    private final RoleTemplatesImporterFactory factory;

    RoleTemplatesImporter(KeycloakSession session, RoleTemplatesImporterFactory factory) {
        this.session = session;
        this.factory = factory;
    }

    /** Checks the input (400-worthy problems as {@link InvalidInputException}) and computes the desired state. */
    public static RealmState desired(List<InputParser.Source> sources) {
        return DesiredStateBuilder.build(InputParser.parse(sources));
    }

    /** A dry run: what an apply would do now. Writes nothing. */
    public Plan plan(RealmModel realm, List<InputParser.Source> sources) {
        RealmState desired = desired(sources);
        return Planner.plan(desired, RealmStateReader.read(realm, desired.client()));
    }

    /** Applies and returns the plan it executed; the event is written in the same transaction. */
    public Plan apply(RealmModel realm, List<InputParser.Source> sources, EventSink events) {
        RealmState desired = desired(sources);
        String realmId = realm.getId();
        Lock lock = factory.lockFor(realmId);
        lock.lock();
        try {
            return KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(),
                    session.getContext(), inner -> {
                        RealmModel target = inner.realms().getRealm(realmId);
                        inner.getContext().setRealm(target);
                        lockRealmRow(inner, realmId);
                        Plan plan = Planner.plan(desired, RealmStateReader.read(target, desired.client()));
                        PlanExecutor.execute(target, plan);
                        events.emit(inner, target, plan);
                        return plan;
                    }, "mx-role-templates-apply");
        } finally {
            lock.unlock();
        }
    }

    /**
     * SELECT ... FOR UPDATE on the realm row: held until the transaction ends. The JPA
     * connection provider is looked up by name because keycloak-model-jpa 26.7.3 cannot be
     * compiled against (its parent pom is not served); the distribution always has it.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void lockRealmRow(KeycloakSession session, String realmId) {
        try {
            Class type = Class.forName(JPA_PROVIDER, true, RoleTemplatesImporter.class.getClassLoader());
            Object provider = session.getProvider(type);
            EntityManager entityManager = (EntityManager) type.getMethod("getEntityManager").invoke(provider);
            entityManager.createNativeQuery("SELECT ID FROM REALM WHERE ID = ?1 FOR UPDATE")
                    .setParameter(1, realmId)
                    .getResultList();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot lock realm " + realmId + " for the role-template apply", e);
        }
    }

    @Override
    public void close() {
    }
}
