package com.maintenanceaccess.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** Waits for a Keycloak started by a test or benchmark to serve its realm. */
public final class Readiness {

    private Readiness() {
    }

    /**
     * Polls {@code probe} once a second until it answers 200 ({@code true}) or the timeout
     * passes ({@code false}). Fails at once if the process exits, naming its log.
     */
    public static boolean await(Process process, URI probe, Duration timeout, Path log) {
        Instant deadline = Instant.now().plus(timeout);
        try {
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + log);
                }
                if (answersOk(probe)) {
                    return true;
                }
                Thread.sleep(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return false;
    }

    private static boolean answersOk(URI probe) throws InterruptedException {
        try {
            return Http.CLIENT.send(HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        }
    }
}
