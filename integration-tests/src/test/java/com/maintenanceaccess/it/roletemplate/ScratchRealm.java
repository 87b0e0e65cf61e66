package com.maintenanceaccess.it.roletemplate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Realm;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A realm of its own for tests that apply changed inputs, so the shared maintenance realm
 * keeps the real files' state. It has a maintenance-app client and an operator with
 * manage-realm (and nothing else) who calls the importer.
 */
public final class ScratchRealm implements AutoCloseable {

    static final String OPERATOR = "operator";

    private final Realm maintenance;
    final String name = "mx-rt-" + UUID.randomUUID().toString().substring(0, 8);

    ScratchRealm() {
        this(Realm.maintenance());
    }

    /** Beside the maintenance realm of any server (a cluster node). */
    public ScratchRealm(Realm maintenance) {
        this.maintenance = maintenance;
        Http.Response created = Http.postJson(maintenance.server().baseUrl() + "/admin/realms", maintenance.adminToken(), Map.of(
                "realm", name, "enabled", true, "adminEventsEnabled", true, "adminEventsDetailsEnabled", true,
                "clients", List.of(
                        Map.of("clientId", "maintenance-app", "publicClient", true, "fullScopeAllowed", false,
                                "redirectUris", List.of("http://localhost:3000/*")),
                        Map.of("clientId", Realm.TEST_CLIENT, "secret", Realm.TEST_CLIENT_SECRET, "publicClient", false,
                                "directAccessGrantsEnabled", true, "standardFlowEnabled", false)),
                "users", List.of(Map.of("username", OPERATOR, "enabled", true, "email", "operator@mro.example",
                        "emailVerified", true, "firstName", "Op", "lastName", "Erator",
                        "credentials", List.of(Map.of("type", "password", "value", Realm.TEST_PASSWORD, "temporary", false)),
                        "clientRoles", Map.of("realm-management", List.of("manage-realm"))))));
        assertEquals(201, created.status(), created::toString);
    }

    public String name() {
        return name;
    }

    public String url(String path) {
        return maintenance.server().baseUrl() + "/realms/" + name + path;
    }

    public String adminUrl(String path) {
        return maintenance.server().baseUrl() + "/admin/realms/" + name + path;
    }

    public String operatorToken() {
        Http.Response response = Http.postForm(url("/protocol/openid-connect/token"), Map.of(
                "grant_type", "password", "client_id", Realm.TEST_CLIENT, "client_secret", Realm.TEST_CLIENT_SECRET,
                "username", OPERATOR, "password", Realm.TEST_PASSWORD));
        assertEquals(200, response.status(), response::toString);
        return response.json().get("access_token").asText();
    }

    public Http.Response post(String action, String contentType, String body) {
        return Http.send("POST", url("/mx/role-templates/" + action), operatorToken(), contentType, body);
    }

    public JsonNode ok(String action, String body) {
        Http.Response response = post(action, "application/yaml", body);
        assertEquals(200, response.status(), response::toString);
        return response.json();
    }

    public JsonNode adminGet(String path) {
        Http.Response response = Http.get(adminUrl(path), maintenance.adminToken());
        assertEquals(200, response.status(), () -> path + ": " + response);
        return response.json();
    }

    Http.Response adminPost(String path, Object body) {
        return Http.postJson(adminUrl(path), maintenance.adminToken(), body);
    }

    @Override
    public void close() {
        Http.delete(maintenance.server().baseUrl() + "/admin/realms/" + name, maintenance.adminToken());
    }
}
