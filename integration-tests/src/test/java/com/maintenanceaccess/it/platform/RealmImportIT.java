package com.maintenanceaccess.it.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Mail;
import com.maintenanceaccess.it.support.Realm;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** realm-config/maintenance-realm.json, imported at start, is the realm the server runs. */
// Alone, no other test class beside it: it changes the realm's event settings.
@Isolated
class RealmImportIT {

    private final Realm realm = Realm.maintenance();

    @Test
    void realmUsesTheMaintenanceThemesAndSecuritySettings() {
        JsonNode rep = realm.adminGet("");
        assertEquals("maintenance", rep.get("loginTheme").asText());
        assertEquals("maintenance", rep.get("emailTheme").asText());
        assertTrue(rep.get("bruteForceProtected").asBoolean());
        assertTrue(rep.get("organizationsEnabled").asBoolean());
        assertFalse(rep.get("registrationAllowed").asBoolean());
        assertTrue(rep.get("passwordPolicy").asText().contains("length(12)"));
    }

    @Test
    void loginAndAdminEventsAreKeptWithRepresentations() {
        JsonNode events = realm.adminGet("/events/config");
        assertTrue(events.get("eventsEnabled").asBoolean());
        assertTrue(events.get("adminEventsEnabled").asBoolean());
        assertTrue(events.get("adminEventsDetailsEnabled").asBoolean());
        assertEquals(34560000L, events.get("eventsExpiration").asLong());
        List<String> listeners = new ArrayList<>();
        events.get("eventsListeners").forEach(listener -> listeners.add(listener.asText()));
        assertTrue(listeners.contains("mx-audit-log"), listeners::toString);
        assertEquals("34560000", realm.adminGet("").get("attributes").get("adminEventsExpiration").asText());
    }

    @Test
    void smtpPlaceholdersAreResolvedFromTheEnvironment() {
        JsonNode smtp = realm.adminGet("").get("smtpServer");
        assertEquals("127.0.0.1", smtp.get("host").asText());
        assertEquals(String.valueOf(Mail.port()), smtp.get("port").asText());
        assertEquals("no-reply@maintenance.localhost", smtp.get("from").asText(), "the local default applies");
    }

    @Test
    void maintenanceAppIsAPublicClientThatRequiresPkce() {
        JsonNode client = realm.adminGet("/clients?clientId=maintenance-app").get(0);
        assertTrue(client.get("publicClient").asBoolean());
        assertTrue(client.get("standardFlowEnabled").asBoolean());
        assertFalse(client.get("directAccessGrantsEnabled").asBoolean());
        assertFalse(client.get("implicitFlowEnabled").asBoolean());
        assertEquals("S256", client.get("attributes").get("pkce.code.challenge.method").asText());
        // The app's own address, and the reference app of AppBrowserIT on this run's port (KeycloakServer
        // sets MX_APP_URL_2): Keycloak keeps redirect URIs as a set, in no fixed order.
        Set<String> redirectUris = new HashSet<>();
        client.get("redirectUris").forEach(uri -> redirectUris.add(uri.asText()));
        assertEquals(Set.of("http://localhost:3000/*", "http://localhost:" + Integer.getInteger("mx.it.app-port", 3600) + "/*"),
                redirectUris);
    }

    /**
     * The app's one client role exists only so that Keycloak caches its (otherwise empty) role
     * list: without it, every token costs a query (docs/benchmarks.md). It must grant nothing.
     */
    @Test
    void maintenanceAppHasOneClientRoleThatGrantsNothingAndNobodyHolds() {
        String id = realm.adminGet("/clients?clientId=maintenance-app").get(0).get("id").asText();
        JsonNode roles = realm.adminGet("/clients/" + id + "/roles");
        assertEquals(1, roles.size(), roles::toString);
        assertEquals("no-permission", roles.get(0).get("name").asText());
        assertFalse(roles.get(0).get("composite").asBoolean(), "it grants nothing");
        assertEquals(0, realm.adminGet("/clients/" + id + "/roles/no-permission/users").size(), "nobody holds it");
        assertEquals(0, realm.adminGet("/clients/" + id + "/roles/no-permission/groups").size(), "no group holds it");
    }

    @Test
    void anAuthorizationRequestWithoutPkceIsRefused() {
        Http.Response response = Http.get(realm.url("/protocol/openid-connect/auth?client_id=maintenance-app"
                + "&response_type=code&scope=openid&redirect_uri=http%3A%2F%2Flocalhost%3A3000%2Fcallback"), null);
        assertEquals(302, response.status(), response::toString);
        assertTrue(response.header("Location").contains("error=invalid_request"), response.header("Location"));
    }

    @Test
    void userProfileKeepsUnmanagedAttributesReadOnlyForAdministrators() {
        JsonNode profile = realm.adminGet("/users/profile");
        assertEquals("ADMIN_VIEW", profile.get("unmanagedAttributePolicy").asText());
        // Message keys such as ${firstName} are not environment placeholders and survive the import.
        profile.get("attributes").forEach(attribute -> {
            if (attribute.get("name").asText().equals("firstName")) {
                assertEquals("${firstName}", attribute.get("displayName").asText());
            }
        });
    }

    /**
     * What the server imports at start is the realm alone: no demo person in any file of its import
     * directory. (The realm itself is no witness: DemoUsersIT loads the demo people into this shared
     * realm, before or beside this class.)
     */
    @Test
    void theDemoDataIsNotPartOfTheProductionRealm() throws java.io.IOException {
        java.nio.file.Path imports = realm.server().home().resolve("data/import");
        try (var files = java.nio.file.Files.list(imports)) {
            List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
            assertEquals(List.of("maintenance-realm.json"), names);
        }
        JsonNode imported = Http.JSON.readTree(imports.resolve("maintenance-realm.json").toFile());
        List<String> users = new ArrayList<>();
        imported.path("users").forEach(user -> users.add(user.get("username").asText()));
        // Only the backend's service account, no person.
        assertEquals(List.of("service-account-maintenance-backend"), users);
    }
}
