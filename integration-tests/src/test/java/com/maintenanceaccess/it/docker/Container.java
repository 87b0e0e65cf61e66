package com.maintenanceaccess.it.docker;

import com.maintenanceaccess.it.support.KeycloakServer;
import com.maintenanceaccess.it.support.Mail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One container of the image, run as production runs it (its own entrypoint and, unless a test
 * gives one, its own command) but on the host's network, since the engine here has no bridge:
 * Keycloak listens on loopback at this node's HTTP, management and cluster ports. Closing it
 * saves its log to target/docker/ and removes it, whatever the test's outcome.
 */
final class Container implements AutoCloseable {

    private final DockerEngine docker;
    private final String name;
    private final int httpPort;
    private final int managementPort;
    private final int clusterPort;

    private Container(DockerEngine docker, String name, int[] ports) {
        this.docker = docker;
        this.name = name;
        this.httpPort = ports[0];
        this.managementPort = ports[1];
        this.clusterPort = ports[2];
    }

    /** http:management:cluster ports of a node, from -Dmx.it.docker.node-a / node-b (the pom passes them). */
    static int[] ports(String node, String fallback) {
        return Arrays.stream(System.getProperty("mx.it.docker.node-" + node, fallback).split(":")).mapToInt(Integer::parseInt).toArray();
    }

    /**
     * Starts a container of {@code image} on the database at {@code jdbcUrl}; {@code command}
     * empty means the image's own ({@code start --optimized --import-realm …}). Returns at once;
     * {@link #awaitReady} waits for it.
     */
    static Container start(DockerEngine docker, String image, int[] ports, String hostname, String jdbcUrl, List<String> command) {
        Container container = new Container(docker, "mx-it-" + ports[0], ports);
        // A container of an earlier run that ended before its clean-up (a killed build).
        docker.tryRun(Map.of(), Duration.ofMinutes(1), "rm", "-f", container.name);
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("KC_DB_URL", jdbcUrl);
        environment.put("KC_DB_USERNAME", ImageDatabase.USER);
        environment.put("KC_DB_PASSWORD", "unused-with-trust-auth");
        environment.put("KC_HTTP_ENABLED", "true");
        environment.put("KC_HTTP_HOST", "127.0.0.1");
        environment.put("KC_HTTP_PORT", String.valueOf(container.httpPort));
        environment.put("KC_HTTP_MANAGEMENT_PORT", String.valueOf(container.managementPort));
        environment.put("KC_HOSTNAME", hostname);
        environment.put("KC_CACHE_EMBEDDED_NETWORK_BIND_ADDRESS", "127.0.0.1");
        environment.put("KC_CACHE_EMBEDDED_NETWORK_BIND_PORT", String.valueOf(container.clusterPort));
        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", KeycloakServer.ADMIN_USER);
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", KeycloakServer.ADMIN_PASSWORD);
        // The realm's mail goes to the tests' GreenMail on loopback (realm-config reads these at import).
        environment.put("MX_SMTP_HOST", "127.0.0.1");
        environment.put("MX_SMTP_PORT", String.valueOf(Mail.port()));
        // Two servers and the tests on two cores: a bounded heap instead of Keycloak's 70% of RAM.
        environment.put("JAVA_OPTS_KC_HEAP", "-Xms256m -Xmx1g");
        List<String> run = new ArrayList<>(List.of("run", "--detach", "--name", container.name, "--network", "host"));
        environment.forEach((key, value) -> run.addAll(List.of("--env", key + "=" + value)));
        run.add(image);
        run.addAll(command);
        docker.run(Duration.ofMinutes(2), run.toArray(String[]::new));
        return container;
    }

    /** Waits until the management port reports ready and the maintenance realm answers; fails early if the container stops. */
    void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!isRunning()) {
                throw new AssertionError(name + " stopped before it was ready:\n" + logs());
            }
            if (status(managementUrl("/health/ready")) == 200
                    && status(baseUrl() + "/realms/maintenance/.well-known/openid-configuration") == 200) {
                return;
            }
            DockerEngine.sleep(Duration.ofSeconds(2));
        }
        throw new AssertionError(name + " not ready after " + timeout + ":\n" + logs());
    }

    String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    String managementUrl(String path) {
        return "http://127.0.0.1:" + managementPort + path;
    }

    int clusterPort() {
        return clusterPort;
    }

    String name() {
        return name;
    }

    boolean isRunning() {
        DockerEngine.Result state = docker.tryRun(Map.of(), Duration.ofSeconds(30), "inspect", "--format", "{{.State.Running}}", name);
        return state.ok() && state.output().trim().equals("true");
    }

    /** What the server wrote so far (stdout and stderr). */
    String logs() {
        return docker.tryRun(Map.of(), Duration.ofMinutes(1), "logs", name).output();
    }

    /** SIGKILL, as a crashed machine: no goodbye to the cluster. */
    void kill() {
        docker.run(Duration.ofMinutes(1), "kill", "--signal", "KILL", name);
    }

    @Override
    public void close() {
        try {
            Path saved = Path.of(System.getProperty("mx.it.output", "target"), "docker", name + ".log");
            Files.createDirectories(saved.getParent());
            Files.writeString(saved, logs());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            docker.tryRun(Map.of(), Duration.ofMinutes(1), "rm", "-f", name);
        }
    }

    static int status(String url) {
        try {
            return com.maintenanceaccess.it.support.Http.CLIENT.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
