package com.maintenanceaccess.bench;

import com.maintenanceaccess.it.support.Readiness;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real distribution laid out by Maven in this module's target/, started with
 * {@code kc.sh start-dev} on H2 (a file database, wiped first) or PostgreSQL, the production
 * realm imported. Stopped when the benchmark ends.
 *
 * <p>With {@code bench.count-sql=true} every SQL statement is logged (logger org.hibernate.SQL
 * at DEBUG) so that a phase can count the statements it caused. The logger slows every path
 * (a formatted log line per statement), so timings are taken in a run without it and the
 * counts in a separate counting run; the statements a step causes do not depend on timing.
 */
final class BenchServer implements AutoCloseable {

    static final String ADMIN_USER = "admin";
    static final String ADMIN_PASSWORD = "admin";

    final Path home = Path.of(System.getProperty("keycloak.home"));
    final Path log = Path.of(System.getProperty("bench.output", "target"), "keycloak-bench.log");
    final int httpPort = Integer.getInteger("bench.http-port", 8780);
    final int managementPort = Integer.getInteger("bench.management-port", 9780);
    final String db = System.getProperty("bench.db", "h2");
    /** Whether this run logs SQL statements (a counting run) or not (a timed run). */
    final boolean countsSql = Boolean.getBoolean("bench.count-sql");
    private Process process;

    String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    void start(int smtpPort) throws IOException {
        wipeH2();
        List<String> command = new ArrayList<>(List.of(
                home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + httpPort,
                "--http-management-port=" + managementPort,
                "--cache=local",
                "--import-realm",
                // Signoff tokens are made before the measurement (re-authentication is not measured).
                "--spi-realm-restapi-extension--mx--signoff-auth-window=3600",
                countsSql ? "--log-level=INFO,org.hibernate.SQL:debug" : "--log-level=INFO"));
        if (db.equals("postgres")) {
            command.addAll(List.of("--db=postgres",
                    "--db-url=" + System.getProperty("bench.postgres-url"),
                    "--db-username=" + System.getProperty("bench.postgres-user", "postgres")));
            String password = System.getProperty("bench.postgres-password", "");
            if (!password.isBlank()) {
                command.add("--db-password=" + password);
            }
        } else {
            command.add("--db=dev-file");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().putAll(Map.of("MX_SMTP_HOST", "127.0.0.1", "MX_SMTP_PORT", String.valueOf(smtpPort)));
        if (Boolean.getBoolean("bench.jfr")) {
            // Java Flight Recorder's sampling profiler on the server; read with `jfr print` or JDK Mission Control.
            builder.environment().put("JAVA_OPTS_APPEND", "-XX:StartFlightRecording=settings=profile,filename="
                    + log.resolveSibling("keycloak-bench.jfr").toAbsolutePath());
        }
        Files.createDirectories(log.getParent());
        process = builder.start();
        // Generous: start-dev augments on every start, which takes minutes on a loaded machine.
        awaitReady(Duration.ofMinutes(15));
    }

    /** start-dev keeps its H2 file under data/h2: a cold start each run. */
    private void wipeH2() throws IOException {
        Path h2 = home.resolve("data/h2");
        if (Files.isDirectory(h2)) {
            try (Stream<Path> files = Files.walk(h2)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private void awaitReady(Duration timeout) {
        URI probe = URI.create(baseUrl() + "/realms/maintenance/.well-known/openid-configuration");
        if (!Readiness.await(process, probe, timeout, log)) {
            close();
            throw new IllegalStateException("Keycloak not ready after " + timeout + "; see " + log);
        }
    }

    /** Where the log ends now: pass it to {@link #sql(long)} after a phase. */
    long mark() {
        if (!countsSql) {
            return 0;
        }
        sleep(300); // let the server's log handler flush what earlier requests wrote
        try {
            return Files.size(log);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The SQL statements the server logged since a mark, by kind: select, insert, update,
     * delete, plus "write:<table>" for each written table. Empty in a timed run.
     */
    Map<String, Integer> sql(long from) {
        if (!countsSql) {
            return Map.of();
        }
        long to = mark();
        Map<String, Integer> counts = new TreeMap<>();
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            file.seek(from);
            byte[] bytes = new byte[(int) (to - from)];
            file.readFully(bytes);
            String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                int at = lines[i].indexOf("[org.hibernate.SQL]");
                if (at < 0) {
                    continue;
                }
                String statement = lines[i].substring(lines[i].indexOf(')', at) + 1).trim();
                for (int j = i + 1; statement.isEmpty() && j < lines.length; j++) {
                    statement = lines[j].trim();
                }
                String[] words = statement.toLowerCase().split("\\s+");
                String kind = words.length > 0 ? words[0] : "?";
                counts.merge(kind, 1, Integer::sum);
                counts.merge("total", 1, Integer::sum);
                String table = switch (kind) {
                    case "insert", "delete" -> words.length > 2 ? words[2] : "?";
                    case "update" -> words.length > 1 ? words[1] : "?";
                    default -> null;
                };
                if (table != null) {
                    counts.merge("write:" + table, 1, Integer::sum);
                    counts.merge("writes", 1, Integer::sum);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    /** The server's JVM (kc.sh starts it as a child process). */
    ProcessHandle jvm() {
        return process.descendants().filter(p -> p.info().command().orElse("").endsWith("java")).findFirst()
                .orElse(process.toHandle());
    }

    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
