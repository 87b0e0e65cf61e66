package com.maintenanceaccess.it.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.support.AppLogin;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.KeycloakServer;
import com.maintenanceaccess.it.support.Mail;
import com.maintenanceaccess.it.support.Realm;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two containers of the image as one cluster, as docker/compose.yaml runs them: one PostgreSQL
 * database, discovery through jdbc-ping, node A imports the realm, node B starts without the
 * import. Both name themselves with A's address ({@code KC_HOSTNAME}), as nodes behind one
 * front end do, so a token of one is valid on the other. A login on A, its session used on B;
 * then A dies by SIGKILL and B still serves that session. Runs in the failsafe execution
 * "docker" (tag {@code docker}).
 */
@Tag("docker")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DockerClusterIT {

    private static final Pattern VIEW = Pattern.compile("ISPN000094: Received new cluster view for channel ISPN: \\[[^]]*] \\((\\d+)\\)");

    private ImageDatabase database;
    private Container a;
    private Container b;
    private String frontEnd;
    private String person;
    private JsonNode tokens;

    @BeforeAll
    void startTwoNodes() {
        DockerEngine docker = DockerEngine.require();
        String image = ProductImage.get(docker);
        Mail.shared();
        database = ImageDatabase.recreate("cluster");
        int[] portsA = Container.ports("a", "8183:9183:7802");
        int[] portsB = Container.ports("b", "8184:9184:7803");
        frontEnd = "http://127.0.0.1:" + portsA[0];
        a = Container.start(docker, image, portsA, frontEnd, database.jdbcUrl(), List.of());
        // B starts once A has created Keycloak's schema bookkeeping: at the very same moment on an
        // empty database, Liquibase on B can fail with "relation databasechangelog already exists"
        // (it/reliability/ClusterIT saw it). B has no --import-realm: only A imports.
        CompletableFuture<Void> readyA = CompletableFuture.runAsync(() -> a.awaitReady(Duration.ofMinutes(6)));
        awaitTrue(Duration.ofMinutes(6), () -> readyA.isDone() || database.hasTable("databasechangelog"), () -> "A created no schema:\n" + a.logs());
        b = Container.start(docker, image, portsB, frontEnd, database.jdbcUrl(),
                List.of("start", "--optimized", "--spi-mx-role-templates--mx-role-templates--dir=/opt/keycloak/data/mx"));
        readyA.join();
        b.awaitReady(Duration.ofMinutes(6));
    }

    @AfterAll
    void removeTheContainers() {
        try {
            if (a != null) {
                a.close();
            }
        } finally {
            if (b != null) {
                b.close();
            }
        }
    }

    @Test
    @Order(1)
    void bothNodesFormOneClusterThroughJdbcPing() {
        awaitTrue(Duration.ofSeconds(90), () -> lastViewSize(a.logs()) == 2 && lastViewSize(b.logs()) == 2,
                () -> "views: A " + lastViewSize(a.logs()) + ", B " + lastViewSize(b.logs()));
        assertTrue(b.logs().contains("JGroups JDBC_PING discovery enabled"), "B discovers through the database");
        List<String> registered = database.query("SELECT ip FROM jgroups_ping ORDER BY ip");
        assertTrue(registered.contains("127.0.0.1:" + a.clusterPort()) && registered.contains("127.0.0.1:" + b.clusterPort()),
                "both nodes registered in JGROUPS_PING: " + registered);
        assertFalse(b.logs().contains("Importing realm"), "only A imports the realm");
    }

    @Test
    @Order(2)
    void aLoginOnAIsASessionOnB() {
        Realm onA = realm(a);
        person = onA.createUser("img-cluster", Map.of());
        // The login pages are A's: KC_HOSTNAME is A's address.
        tokens = AppLogin.login(onA.url(""), onA.username(person), Realm.TEST_PASSWORD, "openid");

        JsonNode refreshedOnB = refresh(b, tokens.get("refresh_token").asText());
        assertEquals(AppLogin.claims(tokens.get("access_token").asText()).get("sid").asText(),
                AppLogin.claims(refreshedOnB.get("access_token").asText()).get("sid").asText(), "the same session");
        Http.Response userInfo = Http.get(b.baseUrl() + "/realms/maintenance/protocol/openid-connect/userinfo",
                refreshedOnB.get("access_token").asText());
        assertEquals(200, userInfo.status(), userInfo::toString);
        assertEquals(person, userInfo.json().get("sub").asText());
        tokens = refreshedOnB;
    }

    @Test
    @Order(3)
    void withAKilledBStillServesTheSession() {
        a.kill();
        assertFalse(a.isRunning());
        JsonNode refreshed = refresh(b, tokens.get("refresh_token").asText());
        Http.Response userInfo = Http.get(b.baseUrl() + "/realms/maintenance/protocol/openid-connect/userinfo",
                refreshed.get("access_token").asText());
        assertEquals(200, userInfo.status(), userInfo::toString);
        assertEquals(1, realm(b).adminGet("/users/" + person + "/sessions").size(), "B lists the session");
        awaitTrue(Duration.ofSeconds(90), () -> lastViewSize(b.logs()) == 1, () -> "B's view after A died: " + lastViewSize(b.logs()));
    }

    private static JsonNode refresh(Container node, String refreshToken) {
        Http.Response refreshed = Http.postForm(node.baseUrl() + "/realms/maintenance/protocol/openid-connect/token", Map.of(
                "grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", AppLogin.CLIENT_ID));
        assertEquals(200, refreshed.status(), refreshed::toString);
        return refreshed.json();
    }

    /** The admin and user helpers aimed at one node (they need only its address). */
    private static Realm realm(Container node) {
        int port = Integer.parseInt(node.baseUrl().substring(node.baseUrl().lastIndexOf(':') + 1));
        return new Realm(new KeycloakServer(Path.of("/opt/keycloak"), Path.of("unused.log"), "127.0.0.1", port));
    }

    /** Members in the last cluster view a node logged (ISPN000094), 0 before any. */
    private static int lastViewSize(String log) {
        Matcher matcher = VIEW.matcher(log);
        int size = 0;
        while (matcher.find()) {
            size = Integer.parseInt(matcher.group(1));
        }
        return size;
    }

    private static void awaitTrue(Duration timeout, BooleanSupplier condition, java.util.function.Supplier<String> message) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(message.get());
            }
            DockerEngine.sleep(Duration.ofSeconds(1));
        }
    }
}
