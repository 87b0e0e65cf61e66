package com.maintenanceaccess.account;

import com.maintenanceaccess.kernel.FeatureLifecycle;
import java.time.Clock;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The accounts' option and job: how often setup modes past their end date are switched off (docs/accounts.md). */
public final class AccountFeature implements FeatureLifecycle {

    static final String SETUP_MODE_CHECK_INTERVAL = "setupModeCheckInterval";
    static final long DEFAULT_SETUP_MODE_CHECK_SECONDS = 60;

    private long setupModeCheckSeconds = DEFAULT_SETUP_MODE_CHECK_SECONDS;

    @Override
    public List<ProviderConfigProperty> options() {
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
    public void init(Config.Scope config) {
        setupModeCheckSeconds = FeatureLifecycle.intervalSeconds(config, SETUP_MODE_CHECK_INTERVAL,
                DEFAULT_SETUP_MODE_CHECK_SECONDS);
    }

    @Override
    public void start(KeycloakSessionFactory factory, Clock clock) {
        FeatureLifecycle.schedule(factory, new SetupModeExpiryTask(clock), setupModeCheckSeconds);
    }
}
