package com.maintenanceaccess.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The imported {@code maintenance} realm as an administrator and its users see it through
 * the server's public HTTP API. Test users get unique names so test classes can share one
 * server without seeing each other's data.
 */
public final class Realm {

    public static final String NAME = "maintenance";
    /** A confidential client the tests add to get user tokens by password grant. */
    public static final String TEST_CLIENT = "mx-it-client";
    public static final String TEST_CLIENT_SECRET = "mx-it-secret";
    public static final String TEST_PASSWORD = "Test-Password-2026!";

    /** How long {@link #reusingAdminToken()} reuses a token: half the master realm's default 60 s lifespan. */
    private static final long REUSE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);

    private final KeycloakServer server;
    private final boolean reuseAdminToken;
    private String adminToken;
    private long adminTokenAt;

    public Realm(KeycloakServer server) {
        this(server, false);
    }

    private Realm(KeycloakServer server, boolean reuseAdminToken) {
        this.server = server;
        this.reuseAdminToken = reuseAdminToken;
    }

    public static Realm maintenance() {
        return new Realm(KeycloakServer.shared());
    }

    public String url(String path) {
        return server.baseUrl() + "/realms/" + NAME + path;
    }

    public String adminUrl(String path) {
        return server.baseUrl() + "/admin/realms/" + NAME + path;
    }

    public KeycloakServer server() {
        return server;
    }

    /**
     * This realm, but with one administrator token reused for 30 seconds instead of a password grant
     * (a password hash on the server) for every call: for a fixture that makes many users, accounts
     * and memberships in a row. Not for a test that moves the server's clock ({@link ServerClock})
     * meanwhile: the server would find the reused token expired.
     */
    public Realm reusingAdminToken() {
        return new Realm(server, true);
    }

    /** A token of the master realm's bootstrap administrator: a fresh one, unless {@link #reusingAdminToken()}. */
    public String adminToken() {
        if (!reuseAdminToken) {
            return freshAdminToken();
        }
        synchronized (this) {
            if (adminToken == null || System.nanoTime() - adminTokenAt >= REUSE_NANOS) {
                adminTokenAt = System.nanoTime();
                adminToken = freshAdminToken();
            }
            return adminToken;
        }
    }

    private String freshAdminToken() {
        Http.Response response = Http.postForm(server.baseUrl() + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli",
                        "username", KeycloakServer.ADMIN_USER, "password", KeycloakServer.ADMIN_PASSWORD));
        assertEquals(200, response.status(), response::toString);
        return response.json().get("access_token").asText();
    }

    public JsonNode adminGet(String path) {
        Http.Response response = Http.get(adminUrl(path), adminToken());
        assertEquals(200, response.status(), () -> path + ": " + response);
        return response.json();
    }

    /** Creates an enabled user with a password; returns its id. */
    public String createUser(String prefix, Map<String, Object> extra) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> user = new java.util.HashMap<>(Map.of(
                "username", username,
                "email", username + "@mro.example",
                "emailVerified", true,
                "firstName", "Test",
                "lastName", prefix,
                "enabled", true,
                "credentials", List.of(Map.of("type", "password", "value", TEST_PASSWORD, "temporary", false))));
        user.putAll(extra);
        Http.Response response = Http.postJson(adminUrl("/users"), adminToken(), user);
        assertEquals(201, response.status(), response::toString);
        String location = response.header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    public String username(String userId) {
        return adminGet("/users/" + userId).get("username").asText();
    }

    /** Grants roles of the realm-management client (manage-users, view-realm …). */
    public void grantRealmManagement(String userId, String... roles) {
        String clientUuid = clientUuid("realm-management");
        List<JsonNode> representations = new ArrayList<>();
        for (String role : roles) {
            representations.add(adminGet("/clients/" + clientUuid + "/roles/" + role));
        }
        Http.Response response = Http.postJson(adminUrl("/users/" + userId + "/role-mappings/clients/" + clientUuid),
                adminToken(), representations);
        assertEquals(204, response.status(), response::toString);
    }

    /** Grants realm roles (permissions and role templates are realm roles). */
    public void grantRealmRole(String userId, String... roles) {
        List<JsonNode> representations = new ArrayList<>();
        for (String role : roles) {
            representations.add(adminGet("/roles/" + java.net.URLEncoder.encode(role, java.nio.charset.StandardCharsets.UTF_8)
                    .replace("+", "%20")));
        }
        Http.Response response = Http.postJson(adminUrl("/users/" + userId + "/role-mappings/realm"),
                adminToken(), representations);
        assertEquals(204, response.status(), response::toString);
    }

    /** Creates an account (organization) with a unique alias and the given attributes; returns its id. */
    public String createAccount(String prefix, boolean enabled, Map<String, List<String>> attributes) {
        String alias = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response response = Http.postJson(adminUrl("/organizations"), adminToken(), Map.of(
                "name", alias, "alias", alias, "enabled", enabled,
                "domains", List.of(Map.of("name", alias + ".example")), "attributes", attributes));
        assertEquals(201, response.status(), response::toString);
        String location = response.header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Makes a user a member of an account, as the console's Organizations → Members does. */
    public void addMember(String accountId, String userId) {
        Http.Response response = Http.send("POST", adminUrl("/organizations/" + accountId + "/members"),
                adminToken(), "application/json", "\"" + userId + "\"");
        assertEquals(201, response.status(), response::toString);
    }

    /**
     * The standard fixture of a person in two accounts (a contract technician or certifier):
     * a new user who is a member of both; returns the user's id. Isolation that holds only for
     * single-account people does not hold, so tests of per-account rules use this person.
     */
    public String contractor(String accountA, String accountB, String prefix) {
        String userId = createUser(prefix, Map.of());
        addMember(accountA, userId);
        addMember(accountB, userId);
        return userId;
    }

    /**
     * Gives a user an account role ({@code account-administrator}, {@code compliance-officer},
     * {@code auditor}) as a realm operator does in the console: membership of the group
     * {@code /mx-accounts/<alias>/<role>} (made when missing). The user must also be a member
     * of the account for the role to count (see {@link #addMember}).
     */
    public void grantAccountRole(String accountId, String userId, String role) {
        String alias = adminGet("/organizations/" + accountId).get("alias").asText();
        String group = groupByPath("mx-accounts", alias, role);
        Http.Response joined = Http.send("PUT", adminUrl("/users/" + userId + "/groups/" + group), adminToken(), null, null);
        assertEquals(204, joined.status(), joined::toString);
    }

    /**
     * Gives a person a role template in an account as a realm operator does in the admin console
     * (Organizations → the account → Groups): membership of the account's organization group
     * for the template, made (with its {@code mx.template} attribute, no roles) when missing.
     * The person must be a member of the account.
     */
    public void grantTemplate(String accountId, String userId, String template) {
        String token = adminToken();
        String groups = adminUrl("/organizations/" + accountId + "/groups");
        String groupId = null;
        Http.Response found = Http.get(groups + "?search=" + template + "&exact=true&briefRepresentation=false", token);
        assertEquals(200, found.status(), found::toString);
        for (JsonNode group : found.json()) {
            if (group.path("attributes").path("mx.template").path(0).asText().equals(template)) {
                groupId = group.get("id").asText();
            }
        }
        if (groupId == null) {
            Http.Response created = Http.postJson(groups, token,
                    Map.of("name", template, "attributes", Map.of("mx.template", List.of(template))));
            assertEquals(201, created.status(), created::toString);
            String location = created.header("Location");
            groupId = location.substring(location.lastIndexOf('/') + 1);
        }
        Http.Response joined = Http.send("PUT", groups + "/" + groupId + "/members/" + userId, token, null, null);
        assertEquals(204, joined.status(), joined::toString);
    }

    /** The person's templates in an account as the admin console shows them: the account's template groups they are in. */
    public List<String> templatesIn(String accountId, String userId) {
        String groups = "/organizations/" + accountId + "/groups";
        List<String> names = new ArrayList<>();
        adminGet(groups + "?briefRepresentation=false").forEach(group -> {
            String template = group.path("attributes").path("mx.template").path(0).asText(null);
            if (template != null && adminGet(groups + "/" + group.get("id").asText() + "/members").toString().contains(userId)) {
                names.add(template);
            }
        });
        return names.stream().sorted().toList();
    }

    /** A member of the account holding the given account roles; returns the user's id. */
    public String accountPerson(String accountId, String prefix, String... roles) {
        String id = createUser(prefix, Map.of());
        addMember(accountId, id);
        for (String role : roles) {
            grantAccountRole(accountId, id, role);
        }
        return id;
    }

    /** The id of the group at this path, creating the missing groups along it. */
    public synchronized String groupByPath(String... names) {
        String token = adminToken();
        String parent = null;
        StringBuilder path = new StringBuilder();
        for (String name : names) {
            path.append('/').append(name);
            Http.Response found = Http.get(adminUrl("/group-by-path" + path), token);
            if (found.status() == 200) {
                parent = found.json().get("id").asText();
                continue;
            }
            Http.Response created = Http.postJson(adminUrl(parent == null ? "/groups" : "/groups/" + parent + "/children"),
                    token, Map.of("name", name));
            assertEquals(201, created.status(), created::toString);
            String location = created.header("Location");
            parent = location.substring(location.lastIndexOf('/') + 1);
        }
        return parent;
    }

    public String clientUuid(String clientId) {
        JsonNode clients = adminGet("/clients?clientId=" + clientId);
        return clients.get(0).get("id").asText();
    }

    /** Adds (once) a confidential client that allows the password grant, for test tokens. */
    public synchronized void ensureTestClient() {
        if (adminGet("/clients?clientId=" + TEST_CLIENT).size() > 0) {
            return;
        }
        Http.Response response = Http.postJson(adminUrl("/clients"), adminToken(), Map.of(
                "clientId", TEST_CLIENT,
                "secret", TEST_CLIENT_SECRET,
                "publicClient", false,
                "directAccessGrantsEnabled", true,
                "standardFlowEnabled", false));
        assertEquals(201, response.status(), response::toString);
    }

    /** A user's token through the test client (password grant). */
    public JsonNode passwordGrant(String username, String password) {
        ensureTestClient();
        Http.Response response = Http.postForm(url("/protocol/openid-connect/token"), Map.of(
                "grant_type", "password", "client_id", TEST_CLIENT, "client_secret", TEST_CLIENT_SECRET,
                "username", username, "password", password, "scope", "openid"));
        assertEquals(200, response.status(), response::toString);
        return response.json();
    }

    public String userToken(String userId) {
        return passwordGrant(username(userId), TEST_PASSWORD).get("access_token").asText();
    }
}
