package com.maintenanceaccess.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.maintenanceaccess.it.authorization.Authz;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Realm;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Every endpoint of the bundle against hostile callers and hostile input, table-driven: no
 * token (401), a realm user without the permission (403), another realm's ids (404), and
 * malformed, mistyped, incomplete, oversized and markup bodies (4xx with a JSON message).
 * Before each case the state the call could touch is snapshotted (the target user with its
 * attributes and role mappings, the account, the realm's roles and attributes, the other
 * realm's user) and compared afterwards: a refused call must change nothing.
 *
 * <p>The table is {@link #ENDPOINTS}; a new endpoint of the bundle belongs there.
 */
// Alone, no other test class beside it: it compares the whole realm before and after each call, and runs realm-wide jobs.
@Isolated
class HostileInputIT {

    private static final Realm REALM = Realm.maintenance();
    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String MARKUP = "\"><img src=x onerror=alert(1)>";
    /** 2 MiB of a valid JSON string: larger than every limit of the bundle. */
    private static final String OVERSIZED = "{\"reason\":\"" + "A".repeat(2 * 1024 * 1024) + "\"}";
    /** Nested far deeper than any body of the API, and a number of 5000 digits (both were 500s). */
    private static final String DEEP = "{\"reason\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
    private static final String LONG_NUMBER = "9".repeat(5000);

    /** One endpoint: its method and path ({user}, {aid}, {org} are filled in), and what it reads. */
    record Endpoint(String method, String path, Body body, String foreignQuery) {
        boolean write() {
            return body != Body.NONE;
        }
    }

    /** How an endpoint takes its input, which decides the bad bodies it is sent. */
    enum Body { NONE, JSON, YAML }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/mx", Body.NONE, null),
            new Endpoint("GET", "/mx/me", Body.NONE, null),
            new Endpoint("POST", "/mx/role-templates/plan", Body.YAML, null),
            new Endpoint("POST", "/mx/role-templates/apply", Body.YAML, null),
            new Endpoint("GET", "/mx/invitations", Body.NONE, null),
            new Endpoint("GET", "/mx/invitations/{user}", Body.NONE, null),
            new Endpoint("POST", "/mx/invitations", Body.JSON, null),
            new Endpoint("POST", "/mx/invitations/{user}/resend", Body.JSON, null),
            new Endpoint("POST", "/mx/invitations/{user}/revoke", Body.NONE, null),
            new Endpoint("PUT", "/mx/invitations/{user}/email", Body.JSON, null),
            new Endpoint("GET", "/mx/users/{user}/authorizations", Body.NONE, null),
            new Endpoint("GET", "/mx/users/{user}/authorizations/{aid}", Body.NONE, null),
            new Endpoint("POST", "/mx/users/{user}/authorizations", Body.JSON, null),
            new Endpoint("PUT", "/mx/users/{user}/authorizations/{aid}", Body.JSON, null),
            new Endpoint("POST", "/mx/users/{user}/authorizations/{aid}/suspend", Body.JSON, null),
            new Endpoint("POST", "/mx/users/{user}/authorizations/{aid}/reinstate", Body.JSON, null),
            new Endpoint("POST", "/mx/users/{user}/authorizations/{aid}/revoke", Body.JSON, null),
            new Endpoint("POST", "/mx/users/{user}/authorizations/{aid}/correct", Body.JSON, null),
            new Endpoint("GET", "/mx/users/{user}/history", Body.NONE, null),
            new Endpoint("POST", "/mx/signoff-check", Body.JSON, null),
            new Endpoint("GET", "/mx/authorizations/expiring", Body.NONE, null),
            new Endpoint("GET", "/mx/authorizations/expired", Body.NONE, null),
            new Endpoint("GET", "/mx/authorizations/roster", Body.NONE, null),
            new Endpoint("POST", "/mx/authorizations/reindex", Body.NONE, null),
            new Endpoint("GET", "/mx/access/explain?page=administration.account-settings&user={user}", Body.NONE, "user"),
            new Endpoint("GET", "/mx/access/reachable?user={user}", Body.NONE, "user"),
            new Endpoint("GET", "/mx/access/pages", Body.NONE, null),
            new Endpoint("GET", "/mx/access/catalog", Body.NONE, null),
            new Endpoint("GET", "/mx/access/report", Body.NONE, null),
            new Endpoint("GET", "/mx/users/{user}/review", Body.NONE, null),
            new Endpoint("POST", "/mx/users/{user}/review/acknowledge-privileged", Body.JSON, null),
            new Endpoint("GET", "/mx/migration/unassigned", Body.NONE, null),
            new Endpoint("GET", "/mx/accounts/{org}/approvals", Body.NONE, null),
            new Endpoint("GET", "/mx/accounts/{org}/team/people.csv", Body.NONE, null),
            new Endpoint("POST", "/mx/users/{user}/deactivate", Body.JSON, null),
            new Endpoint("POST", "/mx/users/{user}/reactivate", Body.JSON, null),
            new Endpoint("GET", "/mx/accounts/{org}", Body.NONE, null),
            new Endpoint("PUT", "/mx/accounts/{org}", Body.JSON, null),
            new Endpoint("GET", "/mx/accounts/{org}/grantable-templates", Body.NONE, null),
            new Endpoint("GET", "/mx/accounts/{org}/people", Body.NONE, null),
            new Endpoint("POST", "/mx/accounts/{org}/people", Body.JSON, null),
            new Endpoint("GET", "/mx/accounts/{org}/people/{user}", Body.NONE, null),
            new Endpoint("PUT", "/mx/accounts/{org}/people/{user}/templates", Body.JSON, null),
            new Endpoint("PUT", "/mx/accounts/{org}/people/{user}/account-roles", Body.JSON, null),
            new Endpoint("DELETE", "/mx/accounts/{org}/people/{user}", Body.NONE, null),
            // t26-scim: an account's provisioning tokens (the SCIM endpoint itself takes no realm token: ScimProvisioningIT)
            new Endpoint("GET", "/mx/accounts/{org}/scim-tokens", Body.NONE, null),
            new Endpoint("POST", "/mx/accounts/{org}/scim-tokens", Body.JSON, null),
            new Endpoint("GET", "/mx/accounts/{org}/provisioning-settings", Body.NONE, null),
            new Endpoint("PUT", "/mx/accounts/{org}/provisioning-settings", Body.JSON, null),
            // The signer's own token is the proof (docs/signoffs.md): a realm user's ordinary token is
            // refused with 403 (not the signoff level, not the app) and that refusal of an authenticated
            // signer is recorded in the trail (one entry, see recordedRefusal); anything that is not a
            // valid token of the realm is 401 and appends nothing. GET /mx/my-access is not here: it is
            // about the caller only and open to every token of the realm.
            new Endpoint("POST", "/mx/signoffs", Body.JSON, null),
            new Endpoint("GET", "/mx/signoffs", Body.NONE, null),
            new Endpoint("GET", "/mx/trail/verify", Body.NONE, null),
            new Endpoint("GET", "/mx/trail/export", Body.NONE, null),
            // t25-notices: the notice job (realm operators only, no target).
            new Endpoint("POST", "/mx/notifications/run", Body.JSON, null),
            new Endpoint("GET", "/mx/notifications/failed", Body.NONE, null),
            // t25: access reviews with decisions ({rev}: the account's open review, {item}: the target's template item).
            new Endpoint("GET", "/mx/accounts/{org}/reviews", Body.NONE, null),
            new Endpoint("POST", "/mx/accounts/{org}/reviews", Body.JSON, null),
            new Endpoint("GET", "/mx/accounts/{org}/reviews/{rev}", Body.NONE, null),
            new Endpoint("POST", "/mx/accounts/{org}/reviews/{rev}/items/{item}/decision", Body.JSON, null),
            new Endpoint("POST", "/mx/accounts/{org}/reviews/{rev}/close", Body.JSON, null),
            new Endpoint("GET", "/mx/accounts/{org}/reviews/{rev}/export", Body.NONE, null));

    /** Bodies that are wrong in the way only this endpoint can be wrong: missing and mistyped fields. */
    static final Map<String, List<String>> SPECIFIC = Map.ofEntries(
            Map.entry("POST /mx/signoffs", List.of("{}", "{\"type\": \"stamp\"}", "{\"type\": 42, \"aircraft\": []}",
                    "{\"type\": \"release\", \"aircraft\": {\"registration\": \"G-HOST\", \"type\": \"A320\"},"
                            + " \"workOrder\": \"WO-1\", \"taskCategory\": \"line\", \"declaration\": \"" + SCRIPT + "\","
                            + " \"time\": \"2020-01-01T00:00:00Z\"}",
                    "{\"type\": \"inspection\", \"aircraft\": {\"registration\": \"" + MARKUP + "\", \"type\": \"A320\"},"
                            + " \"workOrder\": \"WO-1\", \"taskCategory\": \"line\", \"declaration\": \"x\"}")),
            Map.entry("POST /mx/role-templates/plan", List.of("kind: RoleTemplate\n", "kind: [1, 2]\nname: {a: b}\n",
                    "kind: RoleTemplate\nname: \"" + SCRIPT + "\"\npermissions: [\"" + MARKUP + "\"]\n")),
            Map.entry("POST /mx/role-templates/apply", List.of("kind: RoleTemplate\n", "kind: [1, 2]\nname: {a: b}\n",
                    "kind: RoleTemplate\nname: \"" + SCRIPT + "\"\npermissions: [\"" + MARKUP + "\"]\n")),
            Map.entry("POST /mx/invitations", List.of("{}", "{\"userId\": 42}", "{\"userId\": \"{user}\", \"expiresInDays\": \"seven\"}",
                    "{\"userId\": \"{user}\", \"expiresInDays\": -1}", "{\"userId\": \"" + SCRIPT + "\"}",
                    "{\"userId\": \"{user}\", \"account\": \"" + MARKUP + "\"}", "{\"userId\": \"{user}\", \"admin\": true}")),
            Map.entry("POST /mx/invitations/{user}/resend", List.of("{\"expiresInDays\": \"seven\"}", "{\"expiresInDays\": 100000}",
                    "{\"expiresInDays\": \"" + SCRIPT + "\"}", "{\"unknown\": 1}")),
            Map.entry("PUT /mx/invitations/{user}/email", List.of("{}", "{\"email\": 42}", "{\"email\": \"not-an-address\"}",
                    "{\"email\": \"" + SCRIPT + "@mro.example\"}", "{\"email\": \"" + MARKUP + "\"}")),
            Map.entry("POST /mx/users/{user}/authorizations", List.of("{}", "{\"type\": 42}", "{\"type\": \"" + SCRIPT + "\"}",
                    "{\"type\": \"certifying-staff\", \"reference\": \"" + SCRIPT + "\", \"expiry\": \"tomorrow\"}")),
            Map.entry("PUT /mx/users/{user}/authorizations/{aid}", List.of("{}", "{\"type\": 42}", "{\"type\": \"" + SCRIPT + "\"}",
                    "{\"type\": \"certifying-staff\", \"reference\": \"" + MARKUP + "\", \"effective\": []}")),
            Map.entry("POST /mx/users/{user}/authorizations/{aid}/suspend", List.of("{}", "{\"reason\": 42}", "{\"reason\": \"\"}")),
            Map.entry("POST /mx/users/{user}/authorizations/{aid}/reinstate", List.of("{}", "{\"reason\": 42}", "{\"reason\": \"\"}")),
            Map.entry("POST /mx/users/{user}/authorizations/{aid}/revoke", List.of("{}", "{\"reason\": 42}", "{\"reason\": \"\"}")),
            Map.entry("POST /mx/users/{user}/authorizations/{aid}/correct", List.of("{}", "{\"reason\": 42}",
                    "{\"reason\": \"\", \"authorization\": {}}", "{\"reason\": \"typo\", \"authorization\": 42}",
                    "{\"reason\": \"typo\", \"authorization\": {\"type\": \"" + SCRIPT + "\"}}")),
            Map.entry("POST /mx/signoff-check", List.of("{}", "{\"signer\": 42, \"authorizationType\": true}",
                    "{\"signer\": \"{user}\", \"authorizationType\": \"" + SCRIPT + "\"}",
                    "{\"signer\": \"{user}\", \"authorizationType\": \"certifying-staff\", \"time\": \"" + MARKUP + "\"}",
                    "{\"signer\": \"{user}\", \"authorizationType\": \"certifying-staff\", \"aircraftType\": \"A320\","
                            + " \"taskCategory\": \"line\", \"account\": 42}")),
            Map.entry("POST /mx/users/{user}/deactivate", List.of("{}", "{\"reason\": 42}", "{\"reason\": \"\"}",
                    "{\"reason\": \"" + "x".repeat(501) + "\"}")),
            Map.entry("POST /mx/users/{user}/reactivate", List.of("{}", "{\"reason\": 42}", "{\"reason\": \"\"}")),
            Map.entry("POST /mx/accounts/{org}/people", List.of("{}", "{\"email\": 42}", "{\"firstName\": \"" + SCRIPT
                    + "\", \"lastName\": \"x\", \"email\": \"" + MARKUP + "\"}", "{\"firstName\": \"A\", \"lastName\": \"B\","
                    + " \"email\": \"ab@mro.example\", \"templates\": [\"" + SCRIPT + "\"]}", "{\"firstName\": \"A\","
                    + " \"lastName\": \"B\", \"email\": \"ab@mro.example\", \"expiresInDays\": 99}", "{\"admin\": true}")),
            Map.entry("PUT /mx/accounts/{org}/people/{user}/templates", List.of("{}", "{\"templates\": \"planner\"}",
                    "{\"templates\": null}", "{\"templates\": [42]}", "{\"templates\": [\"" + SCRIPT + "\"]}")),
            Map.entry("PUT /mx/accounts/{org}/people/{user}/account-roles", List.of("{}", "{\"roles\": \"auditor\"}",
                    "{\"roles\": [\"king\"]}", "{\"roles\": [\"" + MARKUP + "\"]}")),
            Map.entry("POST /mx/accounts/{org}/reviews", List.of("{\"days\": 0}", "{\"days\": 366}", "{\"days\": \"thirty\"}",
                    "{\"days\": \"" + SCRIPT + "\"}", "{\"days\": 1.5}", "{\"days\": [30]}")),
            Map.entry("POST /mx/accounts/{org}/reviews/{rev}/items/{item}/decision", List.of("{}", "{\"decision\": \"keep\"}",
                    "{\"decision\": \"maybe\", \"comment\": \"x\"}", "{\"decision\": 42, \"comment\": \"x\"}",
                    "{\"decision\": \"keep\", \"comment\": \"  \"}", "{\"decision\": \"keep\", \"comment\": 42}",
                    "{\"decision\": \"keep\", \"comment\": \"" + "x".repeat(501) + "\"}",
                    "{\"decision\": \"" + SCRIPT + "\", \"comment\": \"" + MARKUP + "\"}")),
            Map.entry("POST /mx/accounts/{org}/reviews/{rev}/close", List.of("{\"undecided\": \"remove\"}", "{\"force\": true}")),
            Map.entry("PUT /mx/accounts/{org}", List.of("{\"features\": 42}", "{\"features\": [\"" + SCRIPT + "\"]}",
                    "{\"setupMode\": \"" + MARKUP + "\"}", "{\"setupModeUntil\": \"tomorrow\"}", "{\"features\": [[]]}",
                    "{\"notices\": \"often\"}", "{\"notices\": {\"leadDays\": [0]}}", "{\"notices\": {\"leadDays\": \"60,30\"}}",
                    "{\"notices\": {\"leadDays\": [\"" + SCRIPT + "\"]}}", "{\"notices\": {\"invitationDays\": [400]}}",
                    "{\"notices\": {\"officers\": \"off\"}}", "{\"notices\": {\"toPerson\": false}}",
                    "{\"review\": {\"everyMonths\": 25}}", "{\"review\": {\"everyMonths\": \"6\"}}",
                    "{\"review\": {\"undecided\": \"" + SCRIPT + "\"}}")));

    /** Bodies every JSON endpoint must refuse: not JSON, not an object, or too large. */
    static final List<String> GENERIC_JSON = List.of("{\"reason\": ", "not json at all", "[]", "[{\"reason\": \"x\"}]",
            "\"" + SCRIPT + "\"", "42", "null", OVERSIZED, DEEP, LONG_NUMBER, "{\"reason\": \"x\", \"n\": " + LONG_NUMBER + "}");
    static final List<String> GENERIC_YAML = List.of("kind: [unclosed", "- just\n- a list\n", "\"" + SCRIPT + "\"",
            "<html>" + SCRIPT + "</html>", OVERSIZED);

    private static final StateSnapshot ADMIN_TOKENS = new StateSnapshot(REALM, List.of(), List.of(), null, null, null);
    private static StateSnapshot state = ADMIN_TOKENS;
    private static JsonNode baseline;
    private static String backendToken;
    private static Instant backendAt = Instant.EPOCH;
    private static String otherRealm;
    private static String otherUser;
    private static String otherOrg;
    private static String target;
    private static String authorizationId;
    private static String reviewId;
    private static String itemNo;
    private static String org;
    private static String nobody;
    private static String superuser;
    private static final Map<String, String> USER_TOKENS = new LinkedHashMap<>();
    private static final Map<String, Instant> USER_TOKENS_AT = new LinkedHashMap<>();

    @BeforeAll
    static void setUp() {
        // Another realm with a user and an account: its ids must be 404 in the maintenance realm.
        otherRealm = "mx-hostile-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response created = Http.postJson(REALM.server().baseUrl() + "/admin/realms", admin(), Map.of(
                "realm", otherRealm, "enabled", true, "organizationsEnabled", true,
                "users", List.of(Map.of("username", "stranger", "enabled", true, "email", "stranger@elsewhere.example",
                        "firstName", "Str", "lastName", "Anger"))));
        assertEquals(201, created.status(), created::toString);
        otherUser = Http.get(otherAdminUrl("/users?username=stranger&exact=true"), admin()).json().get(0).get("id").asText();
        Http.Response orgCreated = Http.postJson(otherAdminUrl("/organizations"), admin(), Map.of(
                "name", "elsewhere", "alias", "elsewhere", "domains", List.of(Map.of("name", "elsewhere.example"))));
        assertEquals(201, orgCreated.status(), orgCreated::toString);
        String location = orgCreated.header("Location");
        otherOrg = location.substring(location.lastIndexOf('/') + 1);

        // The caller who may do everything (so that validation, not permission, answers)...
        superuser = REALM.createUser("hostile-super", Map.of());
        REALM.grantRealmManagement(superuser, "manage-users", "view-users", "manage-realm", "view-realm");
        REALM.grantRealmRole(superuser, "personnel-authorizations:manage", "personnel-authorizations:view",
                "signoff:check", "account-settings:manage");
        // ... and a realm user who may do nothing of it.
        nobody = REALM.createUser("hostile-nobody", Map.of());

        // The target: a member of an account, with one authorization and a pending invitation.
        org = REALM.createAccount("hostile", true, Map.of());
        target = REALM.createUser("hostile-target", Map.of("credentials", List.of(), "emailVerified", false));
        REALM.addMember(org, target);
        String officer = new Authz().officer();
        authorizationId = new Authz().grant(REALM.userToken(officer), target, Authz.crs("HOSTILE-1")).get("id").asText();
        Http.Response invited = Http.postJson(REALM.url("/mx/invitations"), token(superuser), Map.of("userId", target));
        assertEquals(201, invited.status(), invited::toString);
        // An open review of the account with the target's template as an item (the decision and close rows).
        REALM.grantTemplate(org, target, "planner");
        Http.Response review = Http.postJson(REALM.url("/mx/accounts/" + org + "/reviews"), token(superuser), Map.of());
        assertEquals(201, review.status(), review::toString);
        reviewId = review.json().get("id").asText();
        for (JsonNode item : review.json().get("items")) {
            if (item.get("personId").asText().equals(target) && item.get("kind").asText().equals("template")) {
                itemNo = item.get("no").asText();
            }
        }
        assertTrue(itemNo != null, review::toString);
        // The superuser is a realm-wide auditor (view-users, personnel-authorizations:view): it reads the trail.
        state = new StateSnapshot(REALM, List.of(target), List.of(org), otherRealm, otherUser, otherOrg)
                .withTrail(() -> token(superuser));
    }

    @AfterAll
    static void tearDown() {
        if (otherRealm != null) {
            Http.delete(REALM.server().baseUrl() + "/admin/realms/" + otherRealm, admin());
        }
    }

    @TestFactory
    Stream<DynamicTest> withoutTokenIs401() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint e : ENDPOINTS) {
            // No token, and an unsigned ("alg": "none") token naming a subject.
            for (String bearer : new String[] {null, "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."}) {
                tests.add(DynamicTest.dynamicTest(e.method() + " " + e.path() + " bearer=" + bearer, () ->
                        expectUnchanged(e, bearer, validishBody(e), 401)));
            }
        }
        return tests.stream();
    }

    /**
     * A realm user with no operator role and no account role: a target (user, account) is outside
     * their accounts, so it does not exist for them (404); an endpoint without a target is 403.
     */
    @TestFactory
    Stream<DynamicTest> withoutPermissionIsRefused() {
        return ENDPOINTS.stream().filter(e -> !e.path().equals("/mx/me")).map(e -> DynamicTest.dynamicTest(e.method() + " " + e.path(), () ->
                expectUnchanged(e, token(nobody), validishBody(e), targetOf(e) ? 404 : 403)));
    }

    /** Whether the endpoint acts on a user or an account named in its path, or a user named in its body (an invitation). */
    static boolean targetOf(Endpoint e) {
        return e.path().contains("{user}") || e.path().contains("{org}")
                || (e.method().equals("POST") && e.path().equals("/mx/invitations"));
    }

    @TestFactory
    Stream<DynamicTest> anotherRealmsIdsAre404() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint e : ENDPOINTS) {
            if (!e.path().contains("{") && !e.method().equals("POST")) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(e.method() + " " + e.path(), () -> {
                String path = e.path().replace("{user}", otherUser).replace("{org}", otherOrg);
                if (path.equals("/mx/invitations") && e.method().equals("POST")) {
                    Http.Response r = call(e.method(), path, token(superuser), "{\"userId\": \"" + otherUser + "\"}", e.body());
                    assertRefused(r, 404);
                    return;
                }
                if (path.equals("/mx/signoff-check")) {
                    // No enumeration: a stranger is simply not allowed, exactly like an unknown id.
                    Http.Response r = call(e.method(), path, backend(),
                            signoffBody(otherUser), e.body());
                    assertEquals(200, r.status(), r::toString);
                    assertFalse(r.json().get("allowed").asBoolean(), r::toString);
                    Http.Response unknown = call(e.method(), path, backend(),
                            signoffBody(UUID.randomUUID().toString()), e.body());
                    assertEquals(r.json().get("reasons"), unknown.json().get("reasons"), "same answer as for an unknown id");
                    // Another realm's organization as the account: an account that does not exist here.
                    assertRefused(call(e.method(), path, backend(), signoffBody(target, otherOrg), e.body()), 404);
                    assertRefused(call(e.method(), path, backend(), signoffBody(target, UUID.randomUUID().toString()),
                            e.body()), 404);
                    return;
                }
                if (!e.path().contains("{")) {
                    return; // no id to take from another realm (plan, apply, reindex)
                }
                expectUnchangedAt(e, path, token(superuser), validishBody(e), 404);
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> badBodiesAre4xxWithAMessage() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint e : ENDPOINTS) {
            if (!e.write()) {
                continue;
            }
            List<String> bodies = new ArrayList<>(e.body() == Body.YAML ? GENERIC_YAML : GENERIC_JSON);
            bodies.addAll(SPECIFIC.getOrDefault(e.method() + " " + e.path(), List.of()));
            for (String body : bodies) {
                String label = body.length() > 60 ? body.substring(0, 40) + "…(" + body.length() + " chars)" : body;
                tests.add(DynamicTest.dynamicTest(e.method() + " " + e.path() + " " + label, () ->
                        expectBadRequest(e, mayCall(e), body.replace("{user}", target))));
            }
        }
        return tests.stream();
    }

    /** The fields of each JSON endpoint that take a list or an object: null there is bad input, never "none". */
    static final Map<String, List<String>> STRUCTURED = Map.of(
            "POST /mx/signoffs", List.of("aircraft", "inspects"),
            "POST /mx/signoff-check", List.of("performers"),
            "POST /mx/users/{user}/authorizations", List.of("scope", "experience"),
            "PUT /mx/users/{user}/authorizations/{aid}", List.of("scope", "experience"),
            "PUT /mx/accounts/{org}", List.of("features", "setupMode", "notices", "review"),
            "POST /mx/accounts/{org}/people", List.of("templates"),
            "PUT /mx/accounts/{org}/people/{user}/templates", List.of("templates"),
            "PUT /mx/accounts/{org}/people/{user}/account-roles", List.of("roles"));

    /**
     * Every JSON endpoint, given an otherwise acceptable body: a field it does not know, and null
     * where a list or an object goes, are 400 naming that field, and change nothing (issue 23).
     */
    @TestFactory
    Stream<DynamicTest> unknownAndNullFieldsAre400NamingTheField() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint e : ENDPOINTS) {
            if (e.body() != Body.JSON) {
                continue;
            }
            String key = e.method() + " " + e.path();
            tests.add(DynamicTest.dynamicTest(key + " zzUnknown", () ->
                    expectNamed(e, with(e, "zzUnknown", Http.JSON.getNodeFactory().numberNode(1)), "zzUnknown")));
            for (String field : STRUCTURED.getOrDefault(key, List.of())) {
                tests.add(DynamicTest.dynamicTest(key + " " + field + ": null", () ->
                        expectNamed(e, with(e, field, Http.JSON.getNodeFactory().nullNode()), field)));
            }
        }
        assertTrue(tests.size() > ENDPOINTS.stream().filter(e -> e.body() == Body.JSON).count(), "null cases too");
        return tests.stream();
    }

    private static String with(Endpoint e, String field, JsonNode value) {
        String valid = validishBody(e);
        ObjectNode body;
        try {
            body = valid == null ? Http.JSON.createObjectNode() : (ObjectNode) Http.JSON.readTree(valid);
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        body.set(field, value);
        return body.toString();
    }

    private static void expectNamed(Endpoint e, String body, String field) {
        String path = e.path().replace("{user}", target).replace("{org}", org);
        JsonNode before = baseline();
        Http.Response response = call(e.method(), path, mayCall(e), body, e.body());
        JsonNode after = snapshot();
        baseline = after;
        assertEquals(400, response.status(), () -> body + ": " + shorten(response));
        List<String> named = new ArrayList<>();
        response.json().path("problems").forEach(p -> named.add(p.path("field").asText()));
        assertTrue(named.contains(field), () -> "the 400 names " + field + ": " + shorten(response));
        assertEquals(before, after, () -> e.method() + " " + path + " answered 400 but changed the realm's state");
    }

    /** Markup where an id goes: 404 or 400 as JSON, never an HTML page that echoes it. */
    @TestFactory
    Stream<DynamicTest> markupInIdsIsNotReflectedAsHtml() {
        return ENDPOINTS.stream().filter(e -> e.path().contains("{")).map(e -> DynamicTest.dynamicTest(
                e.method() + " " + e.path(), () -> {
                    String hostile = java.net.URLEncoder.encode(SCRIPT, java.nio.charset.StandardCharsets.UTF_8);
                    String path = e.path().replace("{user}", hostile).replace("{org}", hostile).replace("{aid}", hostile)
                            .replace("{rev}", hostile).replace("{item}", hostile);
                    expectUnchangedAt(e, path, mayCall(e), validishBody(e), 0);
                }));
    }

    /** The caller allowed to call the endpoint, so that only the input can be refused. */
    private static String mayCall(Endpoint e) {
        return e.path().equals("/mx/signoff-check") ? backend() : token(superuser);
    }

    /**
     * A bad body is 400 (413 for the oversized one where the server stops reading), names a
     * field in {@code problems}, and changes nothing.
     */
    private static void expectBadRequest(Endpoint e, String bearer, String body) {
        String path = e.path().replace("{user}", target).replace("{org}", org);
        JsonNode before = baseline();
        Http.Response response = call(e.method(), path, bearer, body, e.body());
        JsonNode after = snapshot();
        baseline = after;
        assertRefused(response, 0);
        if (response.status() == 400) {
            assertTrue(response.json().path("problems").path(0).path("field").isTextual(),
                    () -> "a 400 names the field: " + shorten(response));
            assertTrue(response.json().path("error_description").asText().endsWith("Nothing was changed."),
                    () -> "a refused write says nothing was changed: " + shorten(response));
        }
        assertEquals(before, after, () -> e.method() + " " + path + " answered " + response.status()
                + " but changed the realm's state");
    }

    // ------------------------------------------------------------------------------------

    /** A body that would pass validation, so that only the case under test can refuse it. */
    private static String validishBody(Endpoint e) {
        return switch (e.method() + " " + e.path()) {
            case "POST /mx/role-templates/plan", "POST /mx/role-templates/apply" ->
                    "kind: RoleTemplate\nname: hostile-probe\npermissions: [workorders:view]\n";
            case "POST /mx/invitations" -> "{\"userId\": \"" + target + "\"}";
            case "PUT /mx/invitations/{user}/email" -> "{\"email\": \"moved-" + target.substring(0, 8) + "@mro.example\"}";
            case "POST /mx/users/{user}/authorizations", "PUT /mx/users/{user}/authorizations/{aid}" ->
                    Http.toJson(Authz.crs("HOSTILE-2"));
            case "POST /mx/signoff-check" -> signoffBody(target);
            case "POST /mx/signoffs" -> "{\"type\": \"release\", \"aircraft\": {\"registration\": \"G-HOST\", \"type\": \"A320\"},"
                    + " \"workOrder\": \"WO-1\", \"taskCategory\": \"line\", \"declaration\": \"I certify.\"}";
            case "POST /mx/invitations/{user}/resend" -> "{}";
            case "PUT /mx/accounts/{org}" -> "{\"setupMode\": true}";
            case "POST /mx/accounts/{org}/people" -> "{\"firstName\": \"Hos\", \"lastName\": \"Tile\", \"email\": \"hostile-"
                    + target.substring(0, 8) + "@mro.example\"}";
            case "PUT /mx/accounts/{org}/people/{user}/templates" -> "{\"templates\": [\"planner\"]}";
            case "PUT /mx/accounts/{org}/people/{user}/account-roles" -> "{\"roles\": [\"auditor\"]}";
            case "POST /mx/accounts/{org}/scim-tokens" -> "{\"name\": \"hostile probe\"}"; // t26-scim
            case "PUT /mx/accounts/{org}/provisioning-settings" -> "{\"onboarding\": \"identity-provider\"}"; // t26-scim
            case "POST /mx/notifications/run" -> "{}";
            case "POST /mx/accounts/{org}/reviews" -> "{\"days\": 30}";
            case "POST /mx/accounts/{org}/reviews/{rev}/items/{item}/decision" ->
                    "{\"decision\": \"keep\", \"comment\": \"hostile input test\"}";
            case "POST /mx/accounts/{org}/reviews/{rev}/close" -> "{}";
            default -> e.write() ? "{\"reason\": \"hostile input test\"}" : null;
        };
    }

    private static String signoffBody(String signer) {
        return signoffBody(signer, org);
    }

    /** The check is for one account ({@code account} is required). */
    private static String signoffBody(String signer, String account) {
        return "{\"signer\": \"" + signer + "\", \"authorizationType\": \"certifying-staff\", "
                + "\"aircraftType\": \"A320-family\", \"taskCategory\": \"line\", \"account\": \"" + account + "\"}";
    }

    private static void expectUnchanged(Endpoint e, String bearer, String body, int expected) {
        String path = e.path().replace("{user}", target).replace("{org}", org);
        expectUnchangedAt(e, path, bearer, body, expected);
    }

    /** expected 0: any 4xx. */
    private static void expectUnchangedAt(Endpoint e, String path, String bearer, String body, int expected) {
        // Cases run one after another and none may change anything, so the state after one
        // case is the state before the next: one snapshot per case instead of two.
        JsonNode before = baseline();
        Http.Response response = call(e.method(), path, bearer, body, e.body());
        JsonNode after = snapshot();
        baseline = after;
        assertRefused(response, expected);
        assertEquals(recordedRefusal(e, response, before), withoutTrailHead(after), () -> e.method() + " " + path
                + " answered " + response.status() + " but changed the realm's state");
    }

    /**
     * The state a refused call may leave: {@code before}, except that a signoff refused to an
     * authenticated signer (403 naming its refusal record) appends exactly that one entry to the
     * trail. The trail's head hash is left out of the comparison; the entry count proves the rest.
     */
    private static JsonNode recordedRefusal(Endpoint e, Http.Response response, JsonNode before) {
        ObjectNode expected = (ObjectNode) withoutTrailHead(before);
        boolean recorded = e.method().equals("POST") && e.path().equals("/mx/signoffs") && response.status() == 403
                && response.json().has("refusal");
        if (recorded && expected.has(StateSnapshot.TRAIL)) {
            ObjectNode trail = (ObjectNode) expected.get(StateSnapshot.TRAIL);
            trail.put("entries", trail.get("entries").asLong() + 1);
        }
        return expected;
    }

    private static JsonNode withoutTrailHead(JsonNode snapshot) {
        ObjectNode copy = snapshot.deepCopy();
        if (copy.has(StateSnapshot.TRAIL)) {
            ((ObjectNode) copy.get(StateSnapshot.TRAIL)).remove("head");
        }
        return copy;
    }

    private static void assertRefused(Http.Response response, int expected) {
        if (expected == 0) {
            assertTrue(response.status() >= 400 && response.status() < 500, () -> "expected 4xx: " + shorten(response));
        } else {
            assertEquals(expected, response.status(), () -> shorten(response));
        }
        String type = String.valueOf(response.header("Content-Type"));
        assertTrue(type.startsWith("application/json"), () -> "error is not JSON (" + type + "): " + shorten(response));
        JsonNode json = response.json();
        String message = json.path("error_description").asText(json.path("error").asText(json.path("message").asText("")));
        if (message.isBlank() && json.has("problems")) {
            message = json.get("problems").toString();
        }
        String finalMessage = message;
        assertFalse(finalMessage.isBlank(), () -> "no message: " + shorten(response));
        // Messages may quote the refused value (JSON-escaped, served as application/json);
        // what must never happen is an HTML page echoing it.
        assertFalse(type.contains("html"), () -> "HTML error: " + shorten(response));
    }

    private static Http.Response call(String method, String path, String bearer, String body, Body kind) {
        String resolved = path.replace("{aid}", authorizationId).replace("{rev}", reviewId).replace("{item}", itemNo);
        String type = body == null ? null : kind == Body.YAML ? "application/yaml" : "application/json";
        return Http.send(method, REALM.url(resolved), bearer, type, body);
    }

    private static JsonNode snapshot() {
        return state.take();
    }

    private static synchronized JsonNode baseline() {
        if (baseline == null) {
            baseline = snapshot();
        }
        return baseline;
    }

    private static String otherAdminUrl(String path) {
        return REALM.server().baseUrl() + "/admin/realms/" + otherRealm + path;
    }

    private static String admin() {
        return state.admin();
    }

    /** The maintenance app's backend (the only caller of the signoff check), renewed like the user tokens. */
    private static synchronized String backend() {
        if (backendToken == null || Instant.now().isAfter(backendAt.plusSeconds(120))) {
            backendToken = new Authz().backendToken();
            backendAt = Instant.now();
        }
        return backendToken;
    }

    private static synchronized String token(String userId) {
        Instant at = USER_TOKENS_AT.get(userId);
        if (at == null || Instant.now().isAfter(at.plusSeconds(120))) {
            USER_TOKENS.put(userId, REALM.userToken(userId));
            USER_TOKENS_AT.put(userId, Instant.now());
        }
        return USER_TOKENS.get(userId);
    }

    private static String shorten(Http.Response response) {
        String body = response.body();
        return response.status() + " " + (body.length() > 500 ? body.substring(0, 500) + "…" : body);
    }
}
