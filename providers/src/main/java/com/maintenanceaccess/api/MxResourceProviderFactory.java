package com.maintenanceaccess.api;

import com.maintenanceaccess.account.SetupModeExpiryTask;
import com.maintenanceaccess.bundle.ReportsBundleVersion;
import java.time.Clock;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;
import org.keycloak.timer.TimerProvider;

/**
 * Mounts the bundle's REST API at {@code /realms/{realm}/mx}, and owns the bundle's
 * background job (ending setup modes whose end date has passed).
 */
public class MxResourceProviderFactory implements RealmResourceProviderFactory, ReportsBundleVersion {

    public static final String PROVIDER_ID = "mx";
    static final String SETUP_MODE_CHECK_INTERVAL = "setupModeCheckInterval";
    static final long DEFAULT_SETUP_MODE_CHECK_SECONDS = 60;

    private final Clock clock = Clock.systemUTC();
    private long setupModeCheckSeconds = DEFAULT_SETUP_MODE_CHECK_SECONDS;

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new MxResourceProvider(session, clock);
    }

    @Override
    public void init(Config.Scope config) {
        setupModeCheckSeconds = config.getLong(SETUP_MODE_CHECK_INTERVAL, DEFAULT_SETUP_MODE_CHECK_SECONDS);
        if (setupModeCheckSeconds < 1) {
            throw new IllegalArgumentException(SETUP_MODE_CHECK_INTERVAL + " must be at least 1 second");
        }
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // Schedule once the database is migrated, as Keycloak's own jobs do.
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(TimerProvider.class)
                        .scheduleTask(new SetupModeExpiryTask(clock), setupModeCheckSeconds * 1000,
                                SetupModeExpiryTask.TASK_NAME));
            }
        });
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(SETUP_MODE_CHECK_INTERVAL)
                .type("int")
                .helpText("Seconds between checks that switch off setup modes whose end date has passed.")
                .defaultValue(DEFAULT_SETUP_MODE_CHECK_SECONDS)
                .add()
                .build();
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
