package com.maintenanceaccess.roletemplate;

import java.util.List;
import java.util.concurrent.locks.Lock;
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
        // Read-only: no query needs a flush, and each one would dirty-check what the reader loaded.
        ApplyPersistence database = ApplyPersistence.of(session);
        return database.withoutAutoFlush(() -> Planner.plan(desired, RealmStateReader.read(database, realm, desired.client())));
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
                        ApplyPersistence persistence = ApplyPersistence.of(inner);
                        persistence.lockRealmRow(realmId);
                        Applied applied = persistence.withoutAutoFlush(() -> {
                            Plan plan = Planner.plan(desired, RealmStateReader.read(persistence, target, desired.client()));
                            return new Applied(plan, PlanExecutor.execute(inner, persistence, SafePoints.DEFAULT, target, plan));
                        });
                        // The executor may have cleared the persistence context: only its realm model is current.
                        inner.getContext().setRealm(applied.realm());
                        events.emit(inner, applied.realm(), applied.plan());
                        return applied.plan();
                    }, "mx-role-templates-apply");
        } finally {
            lock.unlock();
        }
    }

    private record Applied(Plan plan, RealmModel realm) {
    }

    @Override
    public void close() {
    }
}
