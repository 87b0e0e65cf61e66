package com.maintenanceaccess.signoff;

import java.time.Duration;

/**
 * How signatures are accepted, configured on the {@code mx} REST provider
 * ({@code --spi-realm-restapi-extension--mx--signoff-...}):
 * the ACR of the signoff level, how recent the re-authentication must be, the app whose tokens
 * count, and how long the trail keeps records after the person left.
 */
public record SignoffSettings(String acr, Duration authWindow, String clientId, int retentionYears) {

    public static final String DEFAULT_ACR = "signoff";
    public static final long DEFAULT_AUTH_WINDOW_SECONDS = 120;
    public static final String DEFAULT_CLIENT = "maintenance-app";
    /** EASA Part-145.A.35(j): records of certifying staff kept at least three years after they left. */
    public static final int DEFAULT_RETENTION_YEARS = 3;

    public SignoffSettings {
        if (authWindow.isNegative() || authWindow.isZero()) {
            throw new IllegalArgumentException("the signoff authentication window must be positive");
        }
        if (retentionYears < DEFAULT_RETENTION_YEARS) {
            throw new IllegalArgumentException("trail retention must be at least " + DEFAULT_RETENTION_YEARS
                    + " years after the person left (EASA Part-145.A.35)");
        }
    }

    public static SignoffSettings defaults() {
        return new SignoffSettings(DEFAULT_ACR, Duration.ofSeconds(DEFAULT_AUTH_WINDOW_SECONDS), DEFAULT_CLIENT,
                DEFAULT_RETENTION_YEARS);
    }
}
