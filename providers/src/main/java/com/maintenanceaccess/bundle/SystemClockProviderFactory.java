package com.maintenanceaccess.bundle;

import java.time.Clock;

/** The production clock: the system's, in UTC. */
public class SystemClockProviderFactory implements MxClockProviderFactory, ReportsBundleVersion {

    public static final String PROVIDER_ID = "system";

    private static final Clock SYSTEM = Clock.systemUTC();

    @Override
    public Clock clock() {
        return SYSTEM;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
