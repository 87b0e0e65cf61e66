package com.maintenanceaccess.bundle;

import java.time.Clock;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * The bundle's one clock: every "now" the bundle takes (expiry decisions, acceptance, revocation,
 * claims, audit times) comes from the {@link Clock} of this SPI's default factory, so that all of
 * them agree. Factories ask {@link #clock(KeycloakSessionFactory)} in {@code postInit} and hand the
 * clock to the classes they create; code that only has a session asks {@link #clock(KeycloakSession)}.
 *
 * <p>Production servers have one factory, {@link SystemClockProviderFactory}. The integration tests
 * install a second one with a higher {@code order()} from a test-only jar that only their copy of
 * the distribution gets (docs/architecture.md, "The tests' clock jar"); there is no server option
 * that shifts the clock.
 */
public class MxClockSpi implements Spi {

    public static final String NAME = "mx-clock";

    /** The clock of the server's default mx-clock factory. */
    public static Clock clock(KeycloakSessionFactory factory) {
        if (factory.getProviderFactory(MxClockProvider.class) instanceof MxClockProviderFactory clocks) {
            return clocks.clock();
        }
        throw new IllegalStateException("no " + NAME + " provider: the bundle's jar is incomplete");
    }

    /** The same clock, from a request's session. */
    public static Clock clock(KeycloakSession session) {
        return clock(session.getKeycloakSessionFactory());
    }

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return MxClockProvider.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return MxClockProviderFactory.class;
    }
}
