package com.maintenanceaccess.bundle;

import java.time.Clock;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderFactory;

/** A factory of the one clock ({@link MxClockSpi}); the one with the highest {@link #order()} is used. */
public interface MxClockProviderFactory extends ProviderFactory<MxClockProvider> {

    /** The clock, the same for every session. */
    Clock clock();

    @Override
    default MxClockProvider create(KeycloakSession session) {
        Clock clock = clock();
        return () -> clock;
    }

    @Override
    default void init(Config.Scope config) {
    }

    @Override
    default void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    default void close() {
    }
}
