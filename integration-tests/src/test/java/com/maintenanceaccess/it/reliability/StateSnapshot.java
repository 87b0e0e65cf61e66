package com.maintenanceaccess.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Realm;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * What a call to the bundle could change, read through the admin REST API: the target users
 * (attributes, role mappings, groups), the accounts, their members and who holds each of their
 * role templates, the realm's roles, groups and attributes, another realm's user and account and,
 * with {@link #withTrail}, the signature trail's length; with {@link #withBundleReads}, answers of
 * the bundle's own tables. A refused call must leave it equal ({@link HostileInputIT},
 * {@link DenyMatrixIT}).
 *
 * <p>A snapshot is taken after every case of those tables, so its reads run side by side on a pool
 * of their own (the common fork-join pool of a 2-core machine runs two at a time), with one
 * administrator token for 30 seconds.
 */
final class StateSnapshot {

    /** The reads of one snapshot at once: they wait on the server, not on this JVM's cores. */
    private static final ExecutorService READS = Executors.newFixedThreadPool(8, work -> {
        Thread thread = new Thread(work, "state-snapshot");
        thread.setDaemon(true);
        return thread;
    });
    private static final String TEMPLATES = "templates ";
    private static final String BUNDLE = "bundle ";
    /** The snapshot's part that holds the trail's entry count and head, when {@link #withTrail} was called. */
    static final String TRAIL = "trail";

    private final Realm realm;
    private final Map<String, String> parts = new LinkedHashMap<>();
    private String adminToken;
    private Instant adminTokenAt = Instant.EPOCH;
    private Supplier<String> trailReader;
    private Supplier<String> bundleReader;

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
            // Role templates held in the account: its organization groups (a group made later shows
            // here) and who is in each, whoever they are (the targets' memberships among them).
            String groups = realm.adminUrl("/organizations/" + account + "/groups?briefRepresentation=false");
            parts.put("accountGroups " + account, groups);
            for (JsonNode group : adminJson(groups, admin())) {
                parts.put(TEMPLATES + account + " " + group.get("id").asText(), realm.adminUrl("/organizations/" + account
                        + "/groups/" + group.get("id").asText() + "/members?first=0&max=10000"));
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

    /**
     * Includes what the bundle answers at these paths of its own API (label → {@code /mx/…}), read
     * with the reader's token: state that lives in the bundle's tables rather than in Keycloak's
     * model, such as an account's pending approvals or provisioning tokens.
     */
    StateSnapshot withBundleReads(Supplier<String> reader, Map<String, String> reads) {
        this.bundleReader = reader;
        reads.forEach((label, path) -> parts.put(BUNDLE + label, realm.url(path)));
        return this;
    }

    JsonNode take() {
        // The readers' tokens are asked for here, on the caller's thread: a test's token method may
        // hold the lock of the test class that is waiting for this snapshot.
        String token = admin();
        String bundleToken = bundleReader == null ? null : bundleReader.get();
        String trailToken = trailReader == null ? null : trailReader.get();
        // The parts are independent reads: all sent at once, then put together in their order.
        Map<String, Future<JsonNode>> fetched = new LinkedHashMap<>();
        parts.forEach((name, url) -> fetched.put(name, READS.submit(() -> name.startsWith(TEMPLATES)
                ? byId(adminJson(url, token)) : adminJson(url, name.startsWith(BUNDLE) ? bundleToken : token))));
        Future<JsonNode> trail = trailToken == null ? null : READS.submit(() -> trail(trailToken));
        ObjectNode snapshot = Http.JSON.createObjectNode();
        fetched.forEach((name, read) -> snapshot.set(name, result(read)));
        snapshot.fieldNames().forEachRemaining(name -> {
            if (name.startsWith("user ")) {
                ((ObjectNode) snapshot.get(name)).remove("access"); // what the admin may do with the user, not its state
            }
        });
        snapshot.set("realm", snapshot.get("realm").get("attributes")); // the applied catalog lives here
        if (trail != null) {
            snapshot.set(TRAIL, result(trail));
        }
        return snapshot;
    }

    /** The trail's entry count and head: only what a write changes, not checkedAt, which is the time of the read. */
    private JsonNode trail(String token) {
        String url = realm.url("/mx/trail/verify");
        Http.Response verify = Http.get(url, token);
        assertEquals(200, verify.status(), () -> url + ": " + verify);
        ObjectNode trail = Http.JSON.createObjectNode();
        trail.put("entries", verify.json().get("entries").asLong()).set("head", verify.json().get("head"));
        return trail;
    }

    /** A group's members in the order of their ids, whatever order the server lists them in. */
    private static JsonNode byId(JsonNode members) {
        List<JsonNode> sorted = new ArrayList<>();
        members.forEach(sorted::add);
        sorted.sort(Comparator.comparing(member -> member.path("id").asText()));
        ArrayNode array = Http.JSON.createArrayNode();
        sorted.forEach(array::add);
        return array;
    }

    /** A read's answer, or the assertion that failed in it. */
    private static JsonNode result(Future<JsonNode> read) {
        try {
            return read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
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
