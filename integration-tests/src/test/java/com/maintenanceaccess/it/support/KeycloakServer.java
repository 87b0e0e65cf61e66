package com.maintenanceaccess.it.support;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Keycloak distribution run with {@code kc.sh}: its home, ports and log, started,
 * stopped or killed as a process. {@link #shared()} is the server every single-node test
 * class of a JVM shares: the copy laid out by Maven in target/ (pinned version, this bundle's
 * jars and the tests' clock ({@link ServerClock}) in providers/, realm-config in data/import), started with {@code kc.sh start-dev} on a
 * fresh H2 file database and stopped when the JVM exits. The file database (rather than
 * dev-mem) lets a test stop the server, write straight into a table as someone with database
 * access could, and start it again ({@link #whileSharedStopped}, {@link ServerDatabase}). The cluster tests run other copies
 * with other arguments (it/reliability/ClusterNode). The log goes to a file so that tests
 * can read what the server wrote.
 */
public final class KeycloakServer {

    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";

    private static KeycloakServer shared;
    private static List<String> sharedArguments;

    private final Path home;
    private final Path log;
    private final String host;
    private final int httpPort;
    private Process process;
    private boolean started;
    private String adminToken;
    private Process adminTokenProcess;
    private long adminTokenAt;
    private final java.util.Set<String> facts = new java.util.HashSet<>();

    public KeycloakServer(Path home, Path log, String host, int httpPort) {
        this.home = home;
        this.log = log;
        this.host = host;
        this.httpPort = httpPort;
    }

    /** The server every test class of this JVM shares; started on first use. */
    public static synchronized KeycloakServer shared() {
        if (shared == null) {
            Mail.shared();
            shared = new KeycloakServer(
                    Path.of(System.getProperty("keycloak.home")),
                    Path.of(System.getProperty("mx.it.output", "target"), "keycloak.log"),
                    "localhost",
                    Integer.getInteger("mx.it.http-port", 8180));
            ServerDatabase.deleteFiles(shared.home);
            List<String> arguments = new ArrayList<>(List.of("start-dev",
                    "--http-port=" + shared.httpPort,
                    "--http-management-port=" + Integer.getInteger("mx.it.management-port", 9180),
                    "--db=dev-file",
                    "--db-username=" + ServerDatabase.USER,
                    "--db-password=" + ServerDatabase.PASSWORD,
                    "--cache=local",
                    "--import-realm",
                    // Tests watch setup modes end within seconds rather than the default minute.
                    "--spi-realm-restapi-extension--mx--setup-mode-check-interval=2",
                    "--log-level=INFO,com.maintenanceaccess:DEBUG"));
            arguments.addAll(extraOptions());
            sharedArguments = List.copyOf(arguments);
            shared.start(arguments, smtpEnvironment(), startTimeout());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
        }
        return shared;
    }

    /**
     * Stops the shared server, runs {@code work} (e.g. writes into its database files, which
     * H2 locks while the server runs) and starts it again with the same options and data.
     */
    public static synchronized void whileSharedStopped(Runnable work) {
        KeycloakServer server = shared();
        server.stop();
        try {
            work.run();
        } finally {
            server.start(sharedArguments, smtpEnvironment(), startTimeout());
        }
    }

    /** How long a start may take: 4 minutes, more on a crowded machine (-Dmx.it.start-minutes=8). */
    private static Duration startTimeout() {
        return Duration.ofMinutes(Integer.getInteger("mx.it.start-minutes", 4));
    }

    /** Feature options for test servers (e.g. the role-template start-up import), from the pom. */
    public static List<String> extraOptions() {
        String extra = System.getProperty("mx.it.server-options", "").trim();
        return extra.isEmpty() ? List.of() : List.of(extra.split("\\s+"));
    }

    /** The realm's mail goes to the test's GreenMail (realm-config reads these at import). */
    public static Map<String, String> smtpEnvironment() {
        return Map.of("MX_SMTP_HOST", "127.0.0.1", "MX_SMTP_PORT", String.valueOf(Mail.port()),
                // A second address of the maintenance app: the reference app of AppBrowserIT.
                "MX_APP_URL_2", "http://localhost:" + Integer.getInteger("mx.it.app-port", 3600));
    }

    /**
     * A token of the master realm's bootstrap administrator, reused for 20 seconds (it lives 60)
     * by this process of the server and fetched again after a restart (always fetched for a server
     * this JVM did not start: it may have restarted unseen). A password grant before
     * every admin call was minutes of the suite. {@link ServerClock} moves only the bundle's
     * clock, so the token stays valid while a test moves it.
     */
    public synchronized String adminToken() {
        if (adminToken == null || process == null || adminTokenProcess != process
                || System.nanoTime() - adminTokenAt > Duration.ofSeconds(20).toNanos()) {
            Http.Response response = Http.postForm(baseUrl() + "/realms/master/protocol/openid-connect/token",
                    Map.of("grant_type", "password", "client_id", "admin-cli", "username", ADMIN_USER, "password", ADMIN_PASSWORD));
            if (response.status() != 200) {
                throw new IllegalStateException("no administrator token: " + response);
            }
            adminToken = response.json().get("access_token").asText();
            adminTokenProcess = process;
            adminTokenAt = System.nanoTime();
        }
        return adminToken;
    }

    /**
     * What a test learnt about this run of the server (that the test client exists), so that it is
     * not asked again; forgotten at a restart, never kept for a server this JVM did not start.
     */
    public synchronized boolean knows(String fact) {
        return process != null && process.isAlive() && facts.contains(fact);
    }

    public synchronized void learn(String fact) {
        if (process != null) {
            facts.add(fact);
        }
    }

    public String baseUrl() {
        return "http://" + host + ":" + httpPort;
    }

    public Path log() {
        return log;
    }

    public Path home() {
        return home;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /**
     * Runs {@code kc.sh} with these arguments (the bootstrap administrator in its environment)
     * and returns once the maintenance realm answers. The first start of this object starts a
     * fresh log; a restart appends to it.
     */
    public void start(List<String> arguments, Map<String, String> environment, Duration timeout) {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/kc.sh").toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(started ? ProcessBuilder.Redirect.appendTo(log.toFile()) : ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(log.getParent());
            synchronized (this) {
                facts.clear();
                process = builder.start();
            }
            started = true;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + command, e);
        }
        awaitReady(timeout);
    }

    private void awaitReady(Duration timeout) {
        URI probe = URI.create(baseUrl() + "/realms/maintenance/.well-known/openid-configuration");
        if (!Readiness.await(process, probe, timeout, log)) {
            stop();
            throw new IllegalStateException("Keycloak not ready after " + timeout + "; see " + log);
        }
    }

    /** A graceful stop (SIGTERM): Keycloak finishes its requests and leaves the cluster. */
    public void stop() {
        if (!isRunning()) {
            return;
        }
        // kc.sh execs java, but stop its children too in case a wrapper stays around.
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * SIGKILL, as a crashed machine: no shutdown hook, no goodbye to the cluster, open
     * transactions cut. Returns the exit code (137 when the signal did it).
     */
    public int kill() {
        if (!isRunning()) {
            throw new IllegalStateException("not running: " + baseUrl());
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly(); // SIGKILL on Linux
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("still alive after SIGKILL: " + process.pid());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return process.exitValue();
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
