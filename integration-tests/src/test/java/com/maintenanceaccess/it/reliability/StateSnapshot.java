package com.maintenanceaccess.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Realm;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What a call to the bundle could change, read through the admin REST API: the target users
 * (attributes, role mappings, groups), the accounts and their members, the realm's roles,
 * groups and attributes, another realm's user and account and, with {@link #withTrail}, the
 * signature trail's length. A refused call must leave it
 * equal ({@link HostileInputIT}, {@link DenyMatrixIT}).
 */
final class StateSnapshot {

    private static final String TEMPLATES = "templates ";
    /** The snapshot's part that holds the trail's entry count and head, when {@link #withTrail} was called. */
    static final String TRAIL = "trail";

    private final Realm realm;
    private final Map<String, String> parts = new LinkedHashMap<>();
    private String adminToken;
    private Instant adminTokenAt = Instant.EPOCH;
    private Supplier<String> trailReader;

    StateSnapshot(Realm realm, List<String> users, List<String> accounts, String otherRealm, String otherUser, String otherOrg) {
        this.realm = realm;
        for (String user : users) {
            parts.put("user " + user, realm.adminUrl("/users/" + user));
            parts.put("userRoles " + user, realm.adminUrl("/users/" + user + "/role-mappings"));
            parts.put("userGroups " + user, realm.adminUrl("/users/" + user + "/groups?briefRepresentation=false"));
        }
        for (String account : accounts) {
            parts.put("account " + account, realm.adminUrl("/organizations/" + account));
            parts.put("accountMembers " + account, realm.adminUrl("/organizations/" + account + "/members"));
            // Role templates held in the account: its organization groups and who is in them.
            parts.put("accountGroups " + account, realm.adminUrl("/organizations/" + account + "/groups?briefRepresentation=false"));
            for (String user : users) {
                parts.put(TEMPLATES + account + " " + user,
                        realm.adminUrl("/organizations/" + account + "/members/" + user + "/groups?briefRepresentation=false"));
            }
        }
        parts.put("roles", realm.adminUrl("/roles?briefRepresentation=false&max=10000"));
        parts.put("groups", realm.adminUrl("/groups?briefRepresentation=false&max=10000&subGroupsCount=true"));
        parts.put("realm", realm.server().baseUrl() + "/admin/realms/" + Realm.NAME);
        if (otherRealm != null) {
            parts.put("stranger", realm.server().baseUrl() + "/admin/realms/" + otherRealm + "/users/" + otherUser);
            parts.put("strangerAccount", realm.server().baseUrl() + "/admin/realms/" + otherRealm + "/organizations/" + otherOrg);
        }
    }

    /**
     * Includes the signature trail's length and head (GET /mx/trail/verify, read by a realm-wide
     * auditor's token): a refused call must not append to the legal trail either.
     */
    StateSnapshot withTrail(Supplier<String> reader) {
        this.trailReader = reader;
        return this;
    }

    JsonNode take() {
        String token = admin();
        // The parts are independent reads: fetched in parallel to keep the tables fast.
        Map<String, JsonNode> fetched = new ConcurrentHashMap<>();
        parts.entrySet().parallelStream().forEach(p -> fetched.put(p.getKey(), p.getKey().startsWith(TEMPLATES)
                ? templateGroups(p.getValue(), token) : adminJson(p.getValue(), token)));
        ObjectNode snapshot = Http.JSON.createObjectNode();
        parts.keySet().forEach(k -> snapshot.set(k, fetched.get(k)));
        snapshot.fieldNames().forEachRemaining(name -> {
            if (name.startsWith("user ")) {
                ((ObjectNode) snapshot.get(name)).remove("access"); // what the admin may do with the user, not its state
            }
        });
        snapshot.set("realm", fetched.get("realm").get("attributes")); // the applied catalog lives here
        if (trailReader != null) {
            String url = realm.url("/mx/trail/verify");
            Http.Response verify = Http.get(url, trailReader.get());
            assertEquals(200, verify.status(), () -> url + ": " + verify);
            // Only what a write changes: not checkedAt, which is the time of the read.
            snapshot.putObject(TRAIL).put("entries", verify.json().get("entries").asLong())
                    .set("head", verify.json().get("head"));
        }
        return snapshot;
    }

    /** A person's template groups in an account; a person who is not a member has none (Keycloak answers 404). */
    private JsonNode templateGroups(String url, String token) {
        Http.Response response = Http.get(url, token);
        if (response.status() == 404) {
            return Http.JSON.createArrayNode();
        }
        assertEquals(200, response.status(), () -> url + ": " + response);
        return response.json();
    }

    private JsonNode adminJson(String url, String token) {
        Http.Response response = Http.get(url, token);
        assertEquals(200, response.status(), () -> url + ": " + response);
        return response.json();
    }

    /** The master administrator's token, renewed well before the default 60 s lifespan ends. */
    synchronized String admin() {
        if (adminToken == null || Instant.now().isAfter(adminTokenAt.plusSeconds(30))) {
            adminTokenAt = Instant.now();
            adminToken = realm.adminToken();
        }
        return adminToken;
    }
}
