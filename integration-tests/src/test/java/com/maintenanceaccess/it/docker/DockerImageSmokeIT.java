package com.maintenanceaccess.it.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.authorization.Authz;
import com.maintenanceaccess.it.invitation.InvitationSupport;
import com.maintenanceaccess.it.signoff.Releases;
import com.maintenanceaccess.it.signoff.SignerBrowser;
import com.maintenanceaccess.it.support.AppLogin;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.KeycloakServer;
import com.maintenanceaccess.it.support.Mail;
import com.maintenanceaccess.it.support.Realm;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * docker/Dockerfile built ({@link ProductImage}) and run as production runs it
 * (docker/compose.yaml). First one container, node A, with the image's own command
 * ({@code start --optimized --import-realm} with the role templates) on an empty PostgreSQL
 * database, and what a deployment is for: health, the realm, the bundle, a login with PKCE, an
 * invitation mail and its acceptance, a signoff with its step-up. Then ({@link AsACluster}) a
 * second container, node B, joins A as one cluster. Runs in the failsafe execution "docker"
 * (tag {@code docker}); the containers are removed after the class, whatever the outcome.
 */
@Tag("docker")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DockerImageSmokeIT {

    private static final Pattern VIEW = Pattern.compile("ISPN000094: Received new cluster view for channel ISPN: \\[[^]]*] \\((\\d+)\\)");

    private DockerEngine docker;
    private String image;
    private ImageDatabase database;
    private Container server;
    private Realm realm;

    @BeforeAll
    void startTheImage() {
        docker = DockerEngine.require();
        image = ProductImage.get(docker);
        Mail.shared();
        database = ImageDatabase.recreate("image");
        int[] ports = Container.ports("a", "8183:9183:7802");
        server = Container.start(docker, image, ports, "http://127.0.0.1:" + ports[0], database.jdbcUrl(), List.of());
        server.awaitReady(Duration.ofMinutes(6));
        realm = realm(server);
    }

    @AfterAll
    void removeTheContainer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void itStartsOptimizedInProductionModeOnPostgres() {
        String logs = server.logs();
        assertTrue(logs.contains("Profile prod activated"), logs);
        assertFalse(logs.contains("development mode"), "not start-dev");
        // --optimized: no build at start (a server that re-augments says so).
        assertFalse(logs.contains("Updating the configuration and installing your custom providers"), logs);
        Http.Response ready = Http.get(server.managementUrl("/health/ready"), null);
        assertEquals(200, ready.status(), ready::toString);
        assertEquals("UP", ready.json().get("status").asText());
        assertTrue(database.query("SELECT name FROM realm").contains("maintenance"), "the realm is stored in PostgreSQL");
    }

    @Test
    void theRealmTheBundleAndTheRoleTemplatesAreThere() {
        JsonNode providers = Http.get(server.baseUrl() + "/admin/serverinfo", realm.adminToken()).json().get("providers");
        assertTrue(providers.path("realm-restapi-extension").path("providers").has("mx"), "the bundle's REST extension");
        assertTrue(providers.path("eventsListener").path("providers").has("mx-audit-log"), "the bundle's event listener");
        // The start-up import of the image's role templates ran: a template is a realm role.
        assertEquals("role-template", realm.adminGet("/roles/planner").path("attributes").path("mx.managed").path(0).asText());
    }

    @Test
    void aPersonLogsInToTheAppWithPkce() {
        String person = realm.createUser("img-login", Map.of());
        JsonNode tokens = AppLogin.login(realm.url(""), realm.username(person), Realm.TEST_PASSWORD, "openid");
        JsonNode claims = AppLogin.claims(tokens.get("access_token").asText());
        assertEquals(server.baseUrl() + "/realms/maintenance", claims.get("iss").asText());
        assertEquals(person, claims.get("sub").asText());
    }

    @Test
    void anInvitationMailReachesTheMailServerAndItsLinkWorks() throws Exception {
        InvitationSupport invitations = new InvitationSupport(realm);
        String userId = invitations.invitee("img-invitee", Map.of());
        Http.Response invited = invitations.invite(userId, null, null);
        assertEquals(201, invited.status(), invited::toString);
        String link = InvitationSupport.link(invitations.email(userId), 1);
        assertTrue(link.startsWith(server.baseUrl() + "/realms/maintenance/login-actions/action-token?"), link);
        HttpResponse<String> accepted = InvitationSupport.accept(link, InvitationSupport.GOOD_PASSWORD);
        assertEquals(302, accepted.statusCode(), accepted::body);
        assertEquals("accepted", invitations.invitation(userId).get("status").asText());
    }

    @Test
    void aReleaseIsSignedWithAStepUp() {
        Authz authz = new Authz(realm);
        String officerToken = realm.userToken(authz.officer());
        String tech = authz.person("img-tech"); // a member of an account: records and signatures are held in one
        authz.grant(officerToken, tech, Authz.crs("CRS-IMAGE-1"));
        SignerBrowser browser = new SignerBrowser(realm.url(""), realm.username(tech), Realm.TEST_PASSWORD);
        browser.login();
        String token = browser.stepUp(Releases.release("G-IMGE", "WO-IMAGE")).get("access_token").asText();
        assertEquals("signoff", AppLogin.claims(token).get("acr").asText());

        Http.Response signed = Http.postJson(realm.url("/mx/signoffs"), token, Releases.release("G-IMGE", "WO-IMAGE"));
        assertEquals(201, signed.status(), signed::toString);
        assertEquals("accepted", signed.json().get("record").get("outcome").asText());
        assertEquals("CRS-IMAGE-1", signed.json().get("record").get("authorization").get("reference").asText());
    }

    /**
     * Node B joins A, as docker/compose.yaml's second node does: the same database, discovery
     * through jdbc-ping, no realm import, and A's address as its {@code KC_HOSTNAME} (both nodes
     * name themselves with one front-end address, as behind a load balancer, so a token of one is
     * valid on the other). A login on A, its session used on B; then A dies by SIGKILL and B
     * still serves that session.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class AsACluster {

        private Container b;
        private String person;
        private JsonNode tokens;

        @BeforeAll
        void nodeBJoins() {
            b = Container.start(docker, image, Container.ports("b", "8184:9184:7803"), server.baseUrl(), database.jdbcUrl(),
                    List.of("start", "--optimized", "--spi-mx-role-templates--mx-role-templates--dir=/opt/keycloak/data/mx"));
            b.awaitReady(Duration.ofMinutes(6));
        }

        @AfterAll
        void removeNodeB() {
            if (b != null) {
                b.close();
            }
        }

        @Test
        @Order(1)
        void bothNodesFormOneClusterThroughJdbcPing() {
            awaitTrue(Duration.ofSeconds(90), () -> lastViewSize(server.logs()) == 2 && lastViewSize(b.logs()) == 2,
                    () -> "views: A " + lastViewSize(server.logs()) + ", B " + lastViewSize(b.logs()));
            assertTrue(b.logs().contains("JGroups JDBC_PING discovery enabled"), "B discovers through the database");
            List<String> registered = database.query("SELECT ip FROM jgroups_ping ORDER BY ip");
            assertTrue(registered.contains("127.0.0.1:" + server.clusterPort()) && registered.contains("127.0.0.1:" + b.clusterPort()),
                    "both nodes registered in JGROUPS_PING: " + registered);
            assertFalse(b.logs().contains("Importing from directory"), "only A imports the realm");
        }

        @Test
        @Order(2)
        void aLoginOnAIsASessionOnB() {
            person = realm.createUser("img-cluster", Map.of());
            // The login pages are A's: KC_HOSTNAME is A's address.
            tokens = AppLogin.login(realm.url(""), realm.username(person), Realm.TEST_PASSWORD, "openid");

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
            server.kill();
            assertFalse(server.isRunning());
            JsonNode refreshed = refresh(b, tokens.get("refresh_token").asText());
            Http.Response userInfo = Http.get(b.baseUrl() + "/realms/maintenance/protocol/openid-connect/userinfo",
                    refreshed.get("access_token").asText());
            assertEquals(200, userInfo.status(), userInfo::toString);
            assertEquals(1, realm(b).adminGet("/users/" + person + "/sessions").size(), "B lists the session");
            awaitTrue(Duration.ofSeconds(90), () -> lastViewSize(b.logs()) == 1, () -> "B's view after A died: " + lastViewSize(b.logs()));
        }
    }

    private static JsonNode refresh(Container node, String refreshToken) {
        Http.Response refreshed = Http.postForm(node.baseUrl() + "/realms/maintenance/protocol/openid-connect/token", Map.of(
                "grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", AppLogin.CLIENT_ID));
        assertEquals(200, refreshed.status(), refreshed::toString);
        return refreshed.json();
    }

    /** The admin and user helpers aimed at one container (they need only its address). */
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

    private static void awaitTrue(Duration timeout, BooleanSupplier condition, Supplier<String> message) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(message.get());
            }
            DockerEngine.sleep(Duration.ofSeconds(1));
        }
    }
}
