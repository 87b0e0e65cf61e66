package com.maintenanceaccess.it.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.support.Http;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.utility.DockerImageName;

/**
 * Builds docker/Dockerfile and starts the image as production does (docker/compose.yaml): its
 * own command ({@code start --optimized --import-realm} with the role templates), on a
 * PostgreSQL container beside it, and checks the realm, the bundle, the start-up import of the
 * role templates and that the data is in PostgreSQL. Runs only in the {@code docker} Maven
 * profile, on machines with a Docker engine (this project's CI machines have none: see
 * docs/operations.md; {@link DockerfileTest} checks what it can without one in every build).
 */
class DockerImageSmokeIT {

    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "smoke-admin-password";

    @Test
    void imageStartsOptimizedOnPostgresWithTheRealmTheBundleAndTheRoleTemplates() throws Exception {
        Path context = Path.of(System.getProperty("mx.docker.context", ".."));
        String image = new ImageFromDockerfile("maintenance-access-smoke", false)
                .withFileFromPath(".", context)
                .withDockerfile(context.resolve("docker/Dockerfile"))
                .get();
        try (Network network = Network.newNetwork();
             GenericContainer<?> postgres = new GenericContainer<>(DockerImageName.parse("postgres:16"))
                     .withNetwork(network)
                     .withNetworkAliases("postgres")
                     .withEnv(Map.of("POSTGRES_DB", "keycloak", "POSTGRES_USER", "keycloak", "POSTGRES_PASSWORD", "keycloak"))
                     .withExposedPorts(5432)
                     .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*", 2));
             GenericContainer<?> keycloak = new GenericContainer<>(DockerImageName.parse(image))
                     .withNetwork(network)
                     // No command: the image's own, as in production.
                     .withEnv(Map.of(
                             "KC_DB_URL", "jdbc:postgresql://postgres:5432/keycloak",
                             "KC_DB_USERNAME", "keycloak",
                             "KC_DB_PASSWORD", "keycloak",
                             "KC_HTTP_ENABLED", "true",
                             "KC_HOSTNAME_STRICT", "false",
                             "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN,
                             "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD))
                     .withExposedPorts(8080, 9000)
                     .dependsOn(postgres)
                     .waitingFor(Wait.forHttp("/health/ready").forPort(9000).withStartupTimeout(Duration.ofMinutes(5)))) {
            keycloak.start();
            String logs = keycloak.getLogs();
            assertTrue(logs.contains("Profile prod activated"), "production profile: " + logs);
            assertFalse(logs.contains("development mode"), "not start-dev: " + logs);

            String base = "http://" + keycloak.getHost() + ":" + keycloak.getMappedPort(8080);
            assertEquals(200, Http.get(base + "/realms/maintenance/.well-known/openid-configuration", null).status());
            String token = Http.postForm(base + "/realms/master/protocol/openid-connect/token", Map.of(
                    "grant_type", "password", "client_id", "admin-cli", "username", ADMIN, "password", ADMIN_PASSWORD))
                    .json().get("access_token").asText();
            JsonNode providers = Http.get(base + "/admin/serverinfo", token).json().get("providers");
            assertTrue(providers.path("realm-restapi-extension").path("providers").has("mx"));
            assertTrue(providers.path("eventsListener").path("providers").has("mx-audit-log"));
            // The start-up import of realm-config/role-templates ran: a template is a realm role.
            assertEquals(200, Http.get(base + "/admin/realms/maintenance/roles/planner", token).status());

            String jdbc = "jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getMappedPort(5432) + "/keycloak";
            assertTrue(query(jdbc, "SELECT name FROM realm").contains("maintenance"), "the realm is stored in PostgreSQL");
        }
    }

    private static List<String> query(String jdbc, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbc, "keycloak", "keycloak");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (result.next()) {
                values.add(result.getString(1));
            }
            return values;
        }
    }
}
