package com.maintenanceaccess.bench;

import com.maintenanceaccess.it.support.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The imported maintenance realm, set up through the public admin API only. */
final class BenchRealm {

    static final String NAME = "maintenance";
    static final String PASSWORD = "Bench-Password-2026!";
    static final String CLI = "bench-cli";
    static final String CLI_SECRET = "bench-cli-secret";

    private final BenchServer server;
    private String masterToken;
    private long masterTokenAt;
    private final Map<String, String[]> userTokens = new HashMap<>();

    BenchRealm(BenchServer server) {
        this.server = server;
    }

    String url(String path) {
        return server.baseUrl() + "/realms/" + NAME + path;
    }

    String adminUrl(String path) {
        return server.baseUrl() + "/admin/realms/" + NAME + path;
    }

    /** The master administrator's token, renewed every 45 s (tokens live 60 s in master). */
    synchronized String master() {
        if (masterToken == null || System.currentTimeMillis() - masterTokenAt > 45_000) {
            masterToken = Http.postForm(server.baseUrl() + "/realms/master/protocol/openid-connect/token",
                    Map.of("grant_type", "password", "client_id", "admin-cli",
                            "username", BenchServer.ADMIN_USER, "password", BenchServer.ADMIN_PASSWORD))
                    .expect(200, "master token").json().get("access_token").asText();
            masterTokenAt = System.currentTimeMillis();
        }
        return masterToken;
    }

    /** A realm user's token by password grant through the confidential bench client, renewed every 4 min. */
    synchronized String token(String username) {
        String[] cached = userTokens.get(username);
        if (cached == null || System.currentTimeMillis() - Long.parseLong(cached[1]) > 240_000) {
            String token = Http.postForm(url("/protocol/openid-connect/token"), Map.of(
                    "grant_type", "password", "client_id", CLI, "client_secret", CLI_SECRET,
                    "username", username, "password", PASSWORD)).expect(200, "token of " + username)
                    .json().get("access_token").asText();
            cached = new String[] {token, String.valueOf(System.currentTimeMillis())};
            userTokens.put(username, cached);
        }
        return cached[0];
    }

    JsonNode get(String path) {
        return Http.get(adminUrl(path), master()).expect(200, path).json();
    }

    void createClient(Map<String, Object> client) {
        Http.postJson(adminUrl("/clients"), master(), client).expect(201, "client " + client.get("clientId"));
    }

    String createUser(String username, Map<String, Object> extra) {
        Map<String, Object> user = new HashMap<>(Map.of(
                "username", username, "email", username + "@mro.example", "emailVerified", true,
                "firstName", "Bench", "lastName", username, "enabled", true,
                "credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false))));
        user.putAll(extra);
        return Http.postJson(adminUrl("/users"), master(), user).expect(201, "user " + username).createdId();
    }

    void grantRealmManagement(String userId, String... roles) {
        String client = get("/clients?clientId=realm-management").get(0).get("id").asText();
        List<JsonNode> reps = new ArrayList<>();
        for (String role : roles) {
            reps.add(get("/clients/" + client + "/roles/" + role));
        }
        Http.postJson(adminUrl("/users/" + userId + "/role-mappings/clients/" + client), master(), reps)
                .expect(204, "realm-management roles");
    }

    void grantRealmRoles(String userId, String... roles) {
        List<JsonNode> reps = new ArrayList<>();
        for (String role : roles) {
            reps.add(get("/roles/" + URLEncoder.encode(role, StandardCharsets.UTF_8).replace("+", "%20")));
        }
        Http.postJson(adminUrl("/users/" + userId + "/role-mappings/realm"), master(), reps).expect(204, "realm roles");
    }
}
