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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * docker/Dockerfile built ({@link ProductImage}) and one container of it run as production runs
 * it (docker/compose.yaml): the image's own command ({@code start --optimized --import-realm} with
 * the role templates) on an empty PostgreSQL database, then what a deployment is for: health,
 * the realm, the bundle, a login with PKCE, an invitation mail and its acceptance, a signoff
 * with its step-up. Runs in the failsafe execution "docker" (tag {@code docker}).
 */
@Tag("docker")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DockerImageSmokeIT {

    private ImageDatabase database;
    private Container server;
    private Realm realm;

    @BeforeAll
    void startTheImage() {
        DockerEngine docker = DockerEngine.require();
        String image = ProductImage.get(docker);
        Mail.shared();
        database = ImageDatabase.recreate("single");
        int[] ports = Container.ports("a", "8183:9183:7802");
        server = Container.start(docker, image, ports, "http://127.0.0.1:" + ports[0], database.jdbcUrl(), List.of());
        server.awaitReady(Duration.ofMinutes(6));
        // Realm's admin helpers need only the server's address: the container is that server.
        realm = new Realm(new KeycloakServer(Path.of("/opt/keycloak"), Path.of("unused.log"), "127.0.0.1", ports[0]));
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
        String tech = realm.createUser("img-tech", Map.of());
        authz.grant(officerToken, tech, Authz.crs("CRS-IMAGE-1"));
        SignerBrowser browser = new SignerBrowser(realm.url(""), realm.username(tech), Realm.TEST_PASSWORD);
        browser.login();
        String token = browser.stepUp("release of G-IMGE, work order WO-IMAGE").get("access_token").asText();
        assertEquals("signoff", AppLogin.claims(token).get("acr").asText());

        Http.Response signed = Http.postJson(realm.url("/mx/signoffs"), token, Releases.release("G-IMGE", "WO-IMAGE"));
        assertEquals(201, signed.status(), signed::toString);
        assertEquals("accepted", signed.json().get("record").get("outcome").asText());
        assertEquals("CRS-IMAGE-1", signed.json().get("record").get("authorization").get("reference").asText());
    }
}
