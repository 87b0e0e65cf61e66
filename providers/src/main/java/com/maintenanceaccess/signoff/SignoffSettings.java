package com.maintenanceaccess.signoff;

import java.time.Duration;

/**
 * How signatures are accepted, read by {@link SignoffFeature} from the {@code mx} REST provider's options
 * ({@code --spi-realm-restapi-extension--mx--signoff-...}): the ACR of the signoff level, how recent the
 * re-authentication must be, and the app whose tokens count.
 */
public record SignoffSettings(String acr, Duration authWindow, String clientId) {

    public static final String DEFAULT_ACR = "signoff";
    public static final long DEFAULT_AUTH_WINDOW_SECONDS = 120;
    public static final String DEFAULT_CLIENT = "maintenance-app";

    public SignoffSettings {
        if (authWindow.isNegative() || authWindow.isZero()) {
            throw new IllegalArgumentException("the signoff authentication window must be positive");
        }
    }

    public static SignoffSettings defaults() {
        return new SignoffSettings(DEFAULT_ACR, Duration.ofSeconds(DEFAULT_AUTH_WINDOW_SECONDS), DEFAULT_CLIENT);
    }
}
