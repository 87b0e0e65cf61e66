package com.maintenanceaccess.it.reliability;

import com.maintenanceaccess.it.support.KeycloakServer;
import com.maintenanceaccess.it.support.Realm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One node of the two-node test cluster: its own copy of the real distribution, built once for
 * the cluster's database, Infinispan caches and jdbc-ping discovery ({@code kc.sh build
 * --db=postgres|mariadb --cache=ispn --cache-stack=jdbc-ping}) and started with {@code kc.sh start --optimized} on
 * loopback with its own HTTP, management and cluster ports. Both nodes name themselves with one
 * front-end address ({@link #FRONTEND}), as nodes behind a load balancer do: tokens and
 * invitation links are then valid on either node. The test plays the load balancer:
 * {@link #route} sends a front-end URL to this node.
 */
final class ClusterNode {

    /**
     * The cluster's public address ({@code --hostname}). Nothing listens there; a request that
     * reached it without being routed would fail loudly.
     */
    static final String FRONTEND = "http://mx-cluster.test";

    private static final List<String> BUILD = List.of("build", "--cache=ispn", "--cache-stack=jdbc-ping");
    private static final Pattern VIEW = Pattern.compile("ISPN000094: Received new cluster view for channel ISPN: \\[[^]]*] \\(\\d+\\) \\[([^]]*)]");
    private static final Pattern LOCAL_NAME = Pattern.compile("ISPN000079: Channel `ISPN` local address is `([^`]+)`");

    final String name;
    private final KeycloakServer server;
    private final int managementPort;
    private final int clusterPort;
    private final ClusterDatabase database;

    private ClusterNode(String name, Path home, Path dir, int[] ports, ClusterDatabase database) {
        this.name = name;
        this.server = new KeycloakServer(home, dir.resolve("node" + name + ".log"), "127.0.0.1", ports[0]);
        this.managementPort = ports[1];
        this.clusterPort = ports[2];
        this.database = database;
    }

    /**
     * Lays out nodes A and B under {@code dir} from the tested distribution: one copy is built,
     * then copied with its timestamps (a copy with new timestamps sees "changed" providers and
     * refuses {@code --optimized}). Only A keeps data/import, so only A imports the realm.
     */
    static List<ClusterNode> layOut(Path distribution, Path dir, ClusterDatabase database) {
        Path homeA = dir.resolve("nodeA");
        Path homeB = dir.resolve("nodeB");
        run(dir, "rm", "-rf", homeA.toString(), homeB.toString(), dir.resolve("layout.log").toString());
        run(dir, "cp", "-a", distribution.toString(), homeA.toString());
        List<String> build = new ArrayList<>(List.of(homeA.resolve("bin/kc.sh").toString()));
        build.addAll(BUILD);
        build.add("--db=" + database.kind());
        run(dir, build.toArray(String[]::new));
        run(dir, "cp", "-a", homeA.toString(), homeB.toString());
        run(dir, "rm", "-rf", homeB.resolve("data/import").toString());
        return List.of(new ClusterNode("A", homeA, dir, ports("a", "8181:9181:7800"), database),
                new ClusterNode("B", homeB, dir, ports("b", "8182:9182:7801"), database));
    }

    /** http:management:cluster, from -Dmx.it.cluster.node-a / node-b (the pom passes them). */
    private static int[] ports(String node, String fallback) {
        String value = System.getProperty("mx.it.cluster.node-" + node, fallback);
        return Arrays.stream(value.split(":")).mapToInt(Integer::parseInt).toArray();
    }

    int clusterPort() {
        return clusterPort;
    }

    void start() {
        List<String> arguments = new ArrayList<>(List.of("start", "--optimized",
                "--http-enabled=true",
                "--http-host=127.0.0.1",
                "--http-port=" + server.baseUrl().substring(server.baseUrl().lastIndexOf(':') + 1),
                "--http-management-port=" + managementPort,
                "--hostname=" + FRONTEND,
                "--db-url=" + database.jdbcUrl(),
                "--db-username=" + database.user(),
                "--db-password=" + database.password(),
                "--cache-embedded-network-bind-address=127.0.0.1",
                "--cache-embedded-network-bind-port=" + clusterPort,
                "--import-realm",
                "--log-level=INFO,com.maintenanceaccess:DEBUG"));
        arguments.addAll(KeycloakServer.extraOptions());
        Map<String, String> environment = new HashMap<>(KeycloakServer.smtpEnvironment());
        // Two nodes and the test on two cores: a bounded heap instead of Keycloak's 70% of RAM.
        environment.put("JAVA_OPTS_KC_HEAP", "-Xms256m -Xmx1g");
        server.start(arguments, environment, Duration.ofMinutes(6));
    }

    void stop() {
        server.stop();
    }

    /** SIGKILL; returns the exit code. */
    int kill() {
        return server.kill();
    }

    boolean isRunning() {
        return server.isRunning();
    }

    Realm realm() {
        return new Realm(server);
    }

    String baseUrl() {
        return server.baseUrl();
    }

    /** A front-end URL (a link in a mail, a redirect) sent to this node, as the load balancer would. */
    String route(String url) {
        return url.startsWith(FRONTEND) ? server.baseUrl() + url.substring(FRONTEND.length()) : url;
    }

    String log() {
        try {
            return Files.readString(server.log());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JGroups name this node's current run took (ISPN000079), e.g. {@code vm-28202}. */
    String memberName() {
        return last(LOCAL_NAME, log()).orElseThrow(() -> new AssertionError("node " + name + " has not joined a channel yet"));
    }

    /** The members of the last cluster view this node logged (ISPN000094). */
    List<String> lastView() {
        return last(VIEW, log()).map(members -> Arrays.stream(members.split(",\\s*"))
                .map(member -> member.replaceAll("\\(.*\\)$", "").trim())
                .toList()).orElse(List.of());
    }

    private static java.util.Optional<String> last(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        String found = null;
        while (matcher.find()) {
            found = matcher.group(1);
        }
        return java.util.Optional.ofNullable(found);
    }

    private static void run(Path dir, String... command) {
        try {
            Files.createDirectories(dir);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("layout.log").toFile())).start();
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed; see " + dir.resolve("layout.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
