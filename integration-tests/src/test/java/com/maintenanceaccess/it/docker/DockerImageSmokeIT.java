package com.maintenanceaccess.it.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.support.Http;
import dasniko.testcontainers.keycloak.KeycloakContainer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * Builds docker/Dockerfile and checks that the image starts with the realm and the bundle.
 * Runs only in the {@code docker} Maven profile, on machines with a Docker engine
 * (this project's CI machines have none: see docs/operations.md).
 */
class DockerImageSmokeIT {

    @Test
    void imageStartsWithTheRealmAndTheBundle() throws Exception {
        Path context = Path.of(System.getProperty("mx.docker.context", ".."));
        String image = new ImageFromDockerfile("maintenance-access-smoke", false)
                .withFileFromPath(".", context)
                .withDockerfile(context.resolve("docker/Dockerfile"))
                .get();
        try (KeycloakContainer keycloak = new KeycloakContainer(image)
                .withCustomCommand("--import-realm")
                .withEnv("KC_DB", "dev-file")) {
            keycloak.start();
            String base = keycloak.getAuthServerUrl();
            assertEquals(200, Http.get(base + "/realms/maintenance/.well-known/openid-configuration", null).status());

            String token = Http.postForm(base + "/realms/master/protocol/openid-connect/token", Map.of(
                    "grant_type", "password", "client_id", "admin-cli",
                    "username", keycloak.getAdminUsername(), "password", keycloak.getAdminPassword()))
                    .json().get("access_token").asText();
            JsonNode providers = Http.get(base + "/admin/serverinfo", token).json().get("providers");
            assertTrue(providers.path("realm-restapi-extension").path("providers").has("mx"));
            assertTrue(providers.path("eventsListener").path("providers").has("mx-audit-log"));
        }
    }
}
