package com.maintenanceaccess.root;

import com.maintenanceaccess.bundle.KeycloakInternals;
import com.maintenanceaccess.bundle.MxClockSpi;
import com.maintenanceaccess.bundle.ReportsBundleVersion;
import java.time.Clock;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * Mounts the bundle's REST API at {@code /realms/{realm}/mx}. Its options
 * ({@code --spi-realm-restapi-extension--mx--<option>}) and jobs belong to the features
 * ({@link MxFeatures}): each reads its own options and schedules its own jobs; this factory
 * only delegates to them, and runs the start-up checks and migrations.
 */
public class MxResourceProviderFactory implements RealmResourceProviderFactory, ReportsBundleVersion {

    public static final String PROVIDER_ID = "mx";

    private final MxFeatures features = MxFeatures.create();
    private Clock clock;

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new MxResourceProvider(session, clock, features);
    }

    @Override
    public void init(Config.Scope config) {
        // Fail the start, not the first request, when a Keycloak upgrade removed what the bundle reaches into.
        KeycloakInternals.check();
        features.all().forEach(feature -> feature.init(config));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        clock = MxClockSpi.clock(factory);
        // Schedule once the database is migrated, as Keycloak's own jobs do.
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                // Every query on Keycloak's schema runs once, and each of the bundle's tables (created by
                // Keycloak from bundle/storage's changelog) is read: a missing table or column fails the start.
                KeycloakModelUtils.runJobInTransaction(factory, KeycloakInternals::checkStore);
                // Provider ids the bundle renamed, in realms stored with the old ones (a failure fails the start).
                KeycloakModelUtils.runJobInTransaction(factory, session -> session.realms().getRealmsStream()
                        .forEach(realm -> ProviderIdMigration.migrate(session, realm)));
                // Role templates held realm-wide (before accounts held them) move into their account.
                // A failure rolls the migration back and is logged; the server still starts (the
                // realm-level templates then count in no account until the next start).
                try {
                    KeycloakModelUtils.runJobInTransaction(factory, session -> session.realms().getRealmsStream().toList()
                            .forEach(realm -> {
                                session.getContext().setRealm(realm);
                                com.maintenanceaccess.account.TemplateMigration.migrate(session, realm);
                            }));
                } catch (RuntimeException e) {
                    org.jboss.logging.Logger.getLogger(com.maintenanceaccess.account.TemplateMigration.class)
                            .error("role templates could not be moved into accounts; nothing was changed", e);
                }
                // The features' jobs (the setup-mode expiry, the notice job), each scheduled by its feature.
                features.all().forEach(feature -> feature.start(factory, clock));
            } else if (event instanceof RealmModel.RealmPostCreateEvent created) {
                ProviderIdMigration.migrate(created.getKeycloakSession(), created.getCreatedRealm());
            }
        });
    }

    /** The features' options, in the order Provider info has always listed them. */
    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return features.all().stream().flatMap(feature -> feature.options().stream()).toList();
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
