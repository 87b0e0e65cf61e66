package com.maintenanceaccess.it.authorization;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Realm;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** People and records for the personnel-authorization tests, made through the public APIs. */
public final class Authz {

    static final String MANAGE = "personnel-authorizations:manage";
    static final String VIEW = "personnel-authorizations:view";
    static final String SIGNOFF = "signoff:check";

    final Realm realm;
    private String account;

    /** On the shared test server. */
    public Authz() {
        this(Realm.maintenance());
    }

    /** On any server, e.g. one node of the cluster tests. */
    public Authz(Realm realm) {
        this.realm = realm;
    }

    /**
     * The account that issues these tests' records (made on first use): a record is issued by an
     * account of its person's, so record holders are members of it ({@link #person}).
     */
    public synchronized String account() {
        if (account == null) {
            account = realm.createAccount("authz", true, Map.of());
        }
        return account;
    }

    public String accountAlias() {
        return realm.adminGet("/organizations/" + account()).get("alias").asText();
    }

    /** A person of {@link #account()}, the holder of records in most tests; returns the id. */
    public String person(String prefix) {
        String id = realm.createUser(prefix, Map.of());
        realm.addMember(account(), id);
        return id;
    }

    /** A realm-wide compliance officer: a realm operator (manage-users) holding the realm-wide compliance role. */
    public String officer() {
        String id = realm.createUser("compliance", Map.of());
        grantRealmRoles(id, MANAGE);
        realm.grantRealmManagement(id, "manage-users", "view-users");
        return id;
    }

    /** An account administrator: manage-users but not the compliance role. */
    String accountAdmin() {
        String id = realm.createUser("account-admin", Map.of());
        realm.grantRealmManagement(id, "manage-users", "view-users");
        return id;
    }

    /** A realm-wide auditor: a realm operator with view-users and the realm-wide view role (docs/security-model.md). */
    String auditor() {
        String id = realm.createUser("auditor", Map.of());
        grantRealmRoles(id, VIEW);
        realm.grantRealmManagement(id, "view-users");
        return id;
    }

    /** A client whose tokens carry the mx_auth claim, as the maintenance app's do (made on first use). */
    static final String CLAIM_CLIENT = "mx-auth-claim-it";
    static final String CLAIM_SECRET = "mx-auth-claim-it-secret";

    /** The mx_auth claim of a fresh access token of the user (password grant through {@link #CLAIM_CLIENT}); empty when absent. */
    public JsonNode mxAuth(String userId) {
        synchronized (Authz.class) {
            if (realm.adminGet("/clients?clientId=" + CLAIM_CLIENT).size() == 0) {
                Http.Response created = Http.postJson(realm.adminUrl("/clients"), realm.adminToken(), Map.of(
                        "clientId", CLAIM_CLIENT, "secret", CLAIM_SECRET, "publicClient", false,
                        "directAccessGrantsEnabled", true, "standardFlowEnabled", false,
                        "protocolMappers", List.of(Map.of("name", "personnel authorizations", "protocol", "openid-connect",
                                "protocolMapper", "mx-personnel-authorizations-mapper",
                                "config", Map.of("claim.name", "mx_auth", "access.token.claim", "true")))));
                assertEquals(201, created.status(), created::toString);
            }
        }
        Http.Response response = Http.postForm(realm.url("/protocol/openid-connect/token"), Map.of(
                "grant_type", "password", "client_id", CLAIM_CLIENT, "client_secret", CLAIM_SECRET,
                "username", realm.username(userId), "password", Realm.TEST_PASSWORD));
        assertEquals(200, response.status(), response::toString);
        String[] parts = response.json().get("access_token").asText().split("\\.");
        try {
            JsonNode claim = Http.JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))
                    .get("mx_auth");
            return claim == null ? Http.JSON.createArrayNode() : claim;
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A token of the maintenance app's backend: the only caller the signoff check answers. */
    public String backendToken() {
        String clientUuid = realm.clientUuid("maintenance-backend");
        String secret = realm.adminGet("/clients/" + clientUuid + "/client-secret").get("value").asText();
        Http.Response response = Http.postForm(realm.url("/protocol/openid-connect/token"), Map.of(
                "grant_type", "client_credentials", "client_id", "maintenance-backend", "client_secret", secret));
        assertEquals(200, response.status(), response::toString);
        return response.json().get("access_token").asText();
    }

    public void grantRealmRoles(String userId, String... roles) {
        List<JsonNode> reps = new ArrayList<>();
        for (String role : roles) {
            reps.add(realm.adminGet("/roles/" + role));
        }
        Http.Response response = Http.postJson(realm.adminUrl("/users/" + userId + "/role-mappings/realm"),
                realm.adminToken(), reps);
        assertEquals(204, response.status(), response::toString);
    }

    String url(String userId) {
        return realm.url("/mx/users/" + userId + "/authorizations");
    }

    /** A valid certifying-staff body: B1.1, A320 family, line/base/ATA-32, recent and trained. */
    public static Map<String, Object> crs(String reference) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", "certifying-staff");
        body.put("reference", reference);
        body.put("licence", new HashMap<>(Map.of("authority", "UK CAA", "number", "UK.66.123456", "category", "B1.1",
                "expiry", LocalDate.now(ZoneOffset.UTC).plusYears(3).toString())));
        body.put("scope", new HashMap<>(Map.of("aircraft", List.of("A320-family"), "tasks", List.of("line", "base", "ATA-32"),
                "bases", List.of("LHR"))));
        body.put("limitations", "no engine ground runs");
        body.put("firstIssue", "2020-05-01");
        body.put("effective", Instant.now().minus(Duration.ofDays(30)).toString());
        body.put("expiry", Instant.now().plus(Duration.ofDays(700)).toString());
        body.put("issuer", "Quality Manager");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        body.put("continuationTraining", today.minusMonths(3).toString());
        body.put("experience", List.of(Map.of("from", today.minusMonths(20).toString(), "to", today.minusDays(10).toString())));
        return body;
    }

    public static Map<String, Object> inspection(String reference) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", "inspection");
        body.put("reference", reference);
        body.put("scope", Map.of("aircraft", List.of("B737"), "tasks", List.of("rii")));
        body.put("effective", Instant.now().minus(Duration.ofDays(30)).toString());
        body.put("expiry", Instant.now().plus(Duration.ofDays(300)).toString());
        body.put("issuer", "Quality Manager");
        return body;
    }

    public static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    /**
     * Grants through the API as the officer; returns the created record. A type that needs a second
     * person (issue 23, four eyes), asked by an account's officer, waits for approval (202): a realm
     * operator of compliance (another person) approves it here, so that fixtures get their record.
     * {@code FourEyesIT} tests the approval itself.
     */
    public JsonNode grant(String officerToken, String userId, Map<String, Object> body) {
        Http.Response response = Http.postJson(url(userId), officerToken, body);
        if (response.status() == 202) {
            return approvePending(response);
        }
        assertEquals(201, response.status(), response::toString);
        return response.json();
    }

    /** Approves a grant answered 202 (pending) as {@link #approver()}; returns the record granted. */
    public JsonNode approvePending(Http.Response pending) {
        assertEquals(202, pending.status(), pending::toString);
        JsonNode approval = pending.json().get("approval");
        Http.Response approved = Http.postJson(realm.url("/mx/accounts/" + approval.get("account").get("id").asText()
                + "/approvals/" + approval.get("id").asText() + "/approve"), realm.userToken(approver()), Map.of());
        assertEquals(200, approved.status(), approved::toString);
        return approved.json().get("granted");
    }

    /**
     * Approves, as {@link #approver()}, the grant that waits in the account for this person (a
     * certifying grant made in the workspace's form); returns the record granted.
     */
    public JsonNode approveWaiting(String accountId, String personId) {
        String token = realm.userToken(approver());
        Http.Response pending = Http.get(realm.url("/mx/accounts/" + accountId + "/approvals"), token);
        assertEquals(200, pending.status(), pending::toString);
        for (JsonNode approval : pending.json()) {
            if (approval.get("person").get("id").asText().equals(personId)) {
                Http.Response approved = Http.postJson(realm.url("/mx/accounts/" + accountId + "/approvals/"
                        + approval.get("id").asText() + "/approve"), token, Map.of());
                assertEquals(200, approved.status(), approved::toString);
                return approved.json().get("granted");
            }
        }
        throw new AssertionError("nothing waits for " + personId + " in " + pending.json());
    }

    private String approver;

    /** The realm operator who approves fixtures' grants (one per Authz). */
    public synchronized String approver() {
        if (approver == null) {
            approver = officer();
        }
        return approver;
    }

    public JsonNode action(String officerToken, String userId, String recordId, String action, String reason) {
        Http.Response response = Http.postJson(url(userId) + "/" + recordId + "/" + action, officerToken,
                reason == null ? Map.of() : Map.of("reason", reason));
        assertEquals(200, response.status(), response::toString);
        return response.json();
    }

    public JsonNode list(String token, String userId) {
        Http.Response response = Http.get(url(userId), token);
        assertEquals(200, response.status(), response::toString);
        return response.json();
    }

    /** The admin events of this feature about one person, newest first. */
    List<JsonNode> events(String userId) {
        JsonNode events = realm.adminGet("/admin-events?max=5000");
        List<JsonNode> mine = new ArrayList<>();
        events.forEach(e -> {
            if ("MX_PERSONNEL_AUTHORIZATION".equals(e.path("details").path("mx_kind").asText())
                    && e.path("resourcePath").asText().startsWith("users/" + userId + "/authorizations/")) {
                mine.add(e);
            }
        });
        return mine;
    }

}
