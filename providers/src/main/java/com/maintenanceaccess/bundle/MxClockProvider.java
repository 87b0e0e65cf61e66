package com.maintenanceaccess.bundle;

import java.time.Clock;
import org.keycloak.provider.Provider;

/** A session's view of the one clock ({@link MxClockSpi}). */
public interface MxClockProvider extends Provider {

    Clock clock();

    @Override
    default void close() {
    }
}
