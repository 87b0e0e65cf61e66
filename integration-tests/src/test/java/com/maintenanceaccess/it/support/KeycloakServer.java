package com.maintenanceaccess.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real Keycloak distribution laid out by Maven in target/ (pinned version, this bundle's
 * jars in providers/, realm-config in data/import), started once per test JVM with
 * {@code kc.sh start-dev} on an in-memory H2 database and stopped when the JVM exits.
 * Its log goes to target/keycloak.log so that tests can read what the server wrote.
 */
public final class KeycloakServer {

    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";

    private static KeycloakServer shared;

    private final Path home;
    private final Path log;
    private final int httpPort;
    private final int managementPort;
    private Process process;

    private KeycloakServer(Path home, Path log, int httpPort, int managementPort) {
        this.home = home;
        this.log = log;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
    }

    /** The server every test class of this JVM shares; started on first use. */
    public static synchronized KeycloakServer shared() {
        if (shared == null) {
            Mail.shared();
            shared = new KeycloakServer(
                    Path.of(System.getProperty("keycloak.home")),
                    Path.of(System.getProperty("mx.it.output", "target"), "keycloak.log"),
                    Integer.getInteger("mx.it.http-port", 8180),
                    Integer.getInteger("mx.it.management-port", 9180));
            shared.start(Map.of("MX_SMTP_HOST", "127.0.0.1", "MX_SMTP_PORT", String.valueOf(Mail.port())));
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
        }
        return shared;
    }

    public String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    public Path log() {
        return log;
    }

    private void start(Map<String, String> environment) {
        List<String> command = new ArrayList<>(List.of(
                home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + httpPort,
                "--http-management-port=" + managementPort,
                "--db=dev-mem",
                "--cache=local",
                "--import-realm",
                // Tests watch setup modes end within seconds rather than the default minute.
                "--spi-realm-restapi-extension--mx--setup-mode-check-interval=2",
                // Invitations: expiry decisions run 2 days ahead, so a 1-day invitation is expired (InvitationExpiryIT).
                "--spi-required-action--accept-invitation--test-clock-offset-seconds=172800",
                "--log-level=INFO,com.maintenanceaccess:DEBUG"));
        // Feature options for the test server (e.g. the role-template start-up import), from the pom.
        String extra = System.getProperty("mx.it.server-options", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + command, e);
        }
        awaitReady(Duration.ofMinutes(4));
    }

    private void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        URI probe = URI.create(baseUrl() + "/realms/maintenance/.well-known/openid-configuration");
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(probe).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofSeconds(1));
        }
        stop();
        throw new IllegalStateException("Keycloak not ready after " + timeout + "; see " + log);
    }

    private void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        // kc.sh execs java, but stop its children too in case a wrapper stays around.
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
