package com.maintenanceaccess.it.support;

import com.maintenanceaccess.it.clock.ShiftedClockProviderFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Moves the bundle's clock on a test server (the tests' {@code mx-clock} provider,
 * {@link ShiftedClockProviderFactory}, reads the shift on every "now"); Keycloak's own clock
 * (tokens, sessions) stays real. Use it in try-with-resources, so that the next test runs on the
 * real time again even when this one fails.
 */
public final class ServerClock implements AutoCloseable {

    private final Path file;

    private ServerClock(Path file) {
        this.file = file;
    }

    /** From now until {@link #close()}, the bundle on {@code server} sees the time {@code shift} ahead. */
    public static ServerClock ahead(KeycloakServer server, Duration shift) {
        Path file = server.home().resolve(ShiftedClockProviderFactory.FILE);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, shift.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ServerClock(file);
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
