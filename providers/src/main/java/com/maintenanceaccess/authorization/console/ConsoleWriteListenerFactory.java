package com.maintenanceaccess.authorization.console;

import com.maintenanceaccess.bundle.ReportsBundleVersion;
import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import com.maintenanceaccess.authorization.migration.RecordAccountMigration;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;

/**
 * {@code mx-authorization-index}: enable per realm (eventsListeners) so that the expiry index is
 * rebuilt after every admin save of a user (formerly {@code mx-personnel-authorizations}, renamed
 * in existing realms by the root's {@code ProviderIdMigration}).
 */
public class ConsoleWriteListenerFactory implements EventListenerProviderFactory, ReportsBundleVersion {

    public static final String PROVIDER_ID = "mx-authorization-index";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new ConsoleWriteListener(session);
    }

    @Override
    public void init(Config.Scope config) {
    }

    /**
     * Once the database is migrated, records stored before accounts issued them get their
     * account ({@link RecordAccountMigration}), in every realm, in one transaction per start.
     */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                KeycloakModelUtils.runJobInTransaction(factory, session -> session.realms().getRealmsStream()
                        .forEach(realm -> RecordAccountMigration.migrate(session, realm)));
            }
        });
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
