package com.maintenanceaccess.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.authorization.Authz;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Realm;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The deny matrix of docs/security-model.md: every {@code /mx} endpoint that acts on a user or an
 * account × caller {realm operator, administrator of A, administrator of B, compliance officer of
 * A, auditor of A, member of A with no role, user of another realm} × target {in A, in B, in no
 * account, in A and B with a record B issued (the contractor of issue 22)}. The expected answer comes from the table below ({@link #KINDS}), not from the code:
 * outside the caller's accounts 404 (the body of an unknown id), inside without the permission
 * 403 naming it, another realm's token 401. After every refusal the state snapshot of
 * {@link HostileInputIT} ({@link StateSnapshot}), with the accounts' pending approvals and
 * provisioning tokens, is unchanged. Allowed cells are called with a probe that passes the
 * authority check and is then refused by validation (400), so that an allowed write changes
 * nothing either; reads answer 200. {@code EndpointCoverageTest} holds every method whose path
 * names a user or an account to a row here.
 */
// Alone, no other test class beside it: it compares the realm before and after each call.
@Isolated
class DenyMatrixIT {

    private static final Realm REALM = Realm.maintenance();

    /**
     * What an endpoint does, in the words of the table: a row of "What (per account)" of
     * docs/security-model.md. The three decisions of four eyes are rows of their own there: who
     * decides depends on what the request would grant, not on who may read it.
     */
    enum Kind {
        PEOPLE_READ, PEOPLE_WRITE, ROLES_WRITE, AUTH_READ, AUTH_WRITE, SETTINGS_READ, SETTINGS_WRITE, REPORT,
        /** List and read the account's approvals (four eyes). */
        APPROVALS_READ,
        /** Decide a pending personnel authorization. */
        AUTH_DECIDE,
        /** Decide a pending account role. */
        ROLES_DECIDE,
        /** Decide a pending move of an invitation to another address. */
        ADDRESS_DECIDE
    }

    /** What each account role may do in its account (docs/security-model.md, "Who may do what"). */
    static final Map<String, Set<Kind>> KINDS = Map.of(
            "account-administrator", EnumSet.of(Kind.PEOPLE_READ, Kind.PEOPLE_WRITE, Kind.ROLES_WRITE, Kind.SETTINGS_READ,
                    Kind.SETTINGS_WRITE, Kind.REPORT, Kind.APPROVALS_READ, Kind.ROLES_DECIDE, Kind.ADDRESS_DECIDE),
            "compliance-officer", EnumSet.of(Kind.PEOPLE_READ, Kind.AUTH_READ, Kind.AUTH_WRITE, Kind.SETTINGS_READ,
                    Kind.APPROVALS_READ, Kind.AUTH_DECIDE),
            "auditor", EnumSet.of(Kind.PEOPLE_READ, Kind.AUTH_READ, Kind.SETTINGS_READ, Kind.REPORT, Kind.APPROVALS_READ),
            "none", EnumSet.noneOf(Kind.class));

    private static final String JSON = "application/json";
    private static final String CSV = "text/csv";
    /** A team of one, as the workspace uploads it. */
    private static final String TEAM = "firstName,lastName,email,templates\nMatrix,Row,matrix-{n}@mro.example,planner\n";
    /** A file without the columns the team upload needs: 400 naming csv before any row is looked at. */
    private static final String NOT_A_TEAM = "name,mail\nMatrix Row,matrix-{n}@mro.example\n";

    /**
     * One endpoint: path with {user}, {aid}, {acct} and the other ids of {@link #resolve}; the body a
     * legitimate call sends; the probe (null: the allowed cell is not called, the endpoint has no
     * harmless input) sent in allowed cells; the content type of both.
     */
    record Endpoint(String method, String path, Kind kind, String body, String probe, String contentType) {
        Endpoint(String method, String path, Kind kind, String body, String probe) {
            this(method, path, kind, body, probe, JSON);
        }

        String label() {
            return method + " " + path;
        }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/mx/invitations/{user}", Kind.PEOPLE_READ, null, null),
            new Endpoint("POST", "/mx/invitations", Kind.PEOPLE_WRITE, "{\"userId\":\"{user}\"}", null),
            new Endpoint("POST", "/mx/invitations/{user}/resend", Kind.PEOPLE_WRITE, "{}", "{\"expiresInDays\":\"seven\"}"),
            new Endpoint("POST", "/mx/invitations/{user}/revoke", Kind.PEOPLE_WRITE, null, null),
            new Endpoint("PUT", "/mx/invitations/{user}/email", Kind.PEOPLE_WRITE, "{\"email\":\"moved-{n}@mro.example\"}", "{\"email\":42}"),
            new Endpoint("GET", "/mx/users/{user}/authorizations", Kind.AUTH_READ, null, null),
            new Endpoint("GET", "/mx/users/{user}/authorizations/{aid}", Kind.AUTH_READ, null, null),
            new Endpoint("POST", "/mx/users/{user}/authorizations", Kind.AUTH_WRITE, "{crs}", "{\"type\":42}"),
            new Endpoint("PUT", "/mx/users/{user}/authorizations/{aid}", Kind.AUTH_WRITE, "{crs}", "{\"type\":42}"),
            new Endpoint("POST", "/mx/users/{user}/authorizations/{aid}/suspend", Kind.AUTH_WRITE, "{\"reason\":\"matrix\"}", "{\"reason\":42}"),
            new Endpoint("POST", "/mx/users/{user}/authorizations/{aid}/reinstate", Kind.AUTH_WRITE, "{\"reason\":\"matrix\"}", "{\"reason\":42}"),
            new Endpoint("POST", "/mx/users/{user}/authorizations/{aid}/revoke", Kind.AUTH_WRITE, "{\"reason\":\"matrix\"}", "{\"reason\":42}"),
            new Endpoint("POST", "/mx/users/{user}/authorizations/{aid}/correct", Kind.AUTH_WRITE,
                    "{\"reason\":\"matrix\",\"authorization\":{crs}}", "{\"reason\":42}"),
            new Endpoint("GET", "/mx/users/{user}/history", Kind.PEOPLE_READ, null, null),
            new Endpoint("GET", "/mx/access/explain?page=administration.account-settings&user={user}", Kind.PEOPLE_READ, null, null),
            new Endpoint("GET", "/mx/access/reachable?user={user}", Kind.PEOPLE_READ, null, null),
            new Endpoint("GET", "/mx/users/{user}/review", Kind.PEOPLE_READ, null, null),
            new Endpoint("POST", "/mx/users/{user}/review/acknowledge-privileged", Kind.PEOPLE_WRITE,
                    "{\"reason\":\"matrix\"}", "{\"reason\":42}"),
            new Endpoint("POST", "/mx/users/{user}/deactivate", Kind.PEOPLE_WRITE, "{\"reason\":\"matrix\"}", "{\"reason\":42}"),
            new Endpoint("POST", "/mx/users/{user}/reactivate", Kind.PEOPLE_WRITE, "{\"reason\":\"matrix\"}", "{\"reason\":42}"),
            new Endpoint("GET", "/mx/accounts/{acct}/people/{user}", Kind.PEOPLE_READ, null, null),
            new Endpoint("PUT", "/mx/accounts/{acct}/people/{user}/templates", Kind.PEOPLE_WRITE, "{\"templates\":[\"planner\"]}", "{\"templates\":[42]}"),
            new Endpoint("PUT", "/mx/accounts/{acct}/people/{user}/account-roles", Kind.ROLES_WRITE, "{\"roles\":[\"auditor\"]}", "{\"roles\":[\"king\"]}"),
            new Endpoint("DELETE", "/mx/accounts/{acct}/people/{user}", Kind.PEOPLE_WRITE, null, null),
            new Endpoint("GET", "/mx/accounts/{acct}", Kind.SETTINGS_READ, null, null),
            new Endpoint("PUT", "/mx/accounts/{acct}", Kind.SETTINGS_WRITE, "{\"setupMode\":true}", "{\"features\":42}"),
            new Endpoint("GET", "/mx/accounts/{acct}/people", Kind.PEOPLE_READ, null, null),
            new Endpoint("POST", "/mx/accounts/{acct}/people", Kind.PEOPLE_WRITE,
                    "{\"firstName\":\"M\",\"lastName\":\"X\",\"email\":\"matrix-{n}@mro.example\",\"templates\":[\"planner\"]}", "{\"email\":\"not an address\"}"),
            new Endpoint("GET", "/mx/accounts/{acct}/grantable-templates", Kind.PEOPLE_WRITE, null, null),
            // t26-scim: listing an account's provisioning tokens is for whoever may manage its people
            new Endpoint("GET", "/mx/accounts/{acct}/scim-tokens", Kind.PEOPLE_WRITE, null, null),
            new Endpoint("GET", "/mx/accounts/{acct}/provisioning-settings", Kind.PEOPLE_WRITE, null, null),
            new Endpoint("PUT", "/mx/accounts/{acct}/provisioning-settings", Kind.PEOPLE_WRITE,
                    "{\"onboarding\":\"identity-provider\"}", "{\"onboarding\":\"mail\"}"),
            new Endpoint("GET", "/mx/invitations?account={acct}", Kind.PEOPLE_READ, null, null),
            new Endpoint("GET", "/mx/authorizations/expiring?account={acct}", Kind.AUTH_READ, null, null),
            new Endpoint("GET", "/mx/authorizations/expired?account={acct}", Kind.AUTH_READ, null, null),
            new Endpoint("GET", "/mx/authorizations/roster?account={acct}", Kind.AUTH_READ, null, null),
            new Endpoint("GET", "/mx/access/report?account={acct}", Kind.REPORT, null, null),
            new Endpoint("GET", "/mx/signoffs?account={acct}", Kind.AUTH_READ, null, null),
            new Endpoint("GET", "/mx/trail/export?account={acct}", Kind.AUTH_READ, null, null),
            // t25: access reviews with decisions (docs/access-review.md); {rev} is the account's review,
            // {tpl} and {auth} the target's template and authorization items in it.
            new Endpoint("GET", "/mx/accounts/{acct}/reviews", Kind.PEOPLE_READ, null, null),
            new Endpoint("POST", "/mx/accounts/{acct}/reviews", Kind.PEOPLE_WRITE, "{\"days\":30}", "{\"days\":0}"),
            new Endpoint("GET", "/mx/accounts/{acct}/reviews/{rev}", Kind.PEOPLE_READ, null, null),
            new Endpoint("POST", "/mx/accounts/{acct}/reviews/{rev}/items/{tpl}/decision", Kind.PEOPLE_WRITE,
                    "{\"decision\":\"keep\",\"comment\":\"matrix\"}", "{\"decision\":\"maybe\",\"comment\":\"matrix\"}"),
            new Endpoint("POST", "/mx/accounts/{acct}/reviews/{rev}/items/{auth}/decision", Kind.AUTH_WRITE,
                    "{\"decision\":\"keep\",\"comment\":\"matrix\"}", "{\"decision\":\"keep\",\"comment\":\"\"}"),
            new Endpoint("POST", "/mx/accounts/{acct}/reviews/{rev}/close", Kind.PEOPLE_WRITE, "{}", "{\"zzUnknown\":1}"),
            new Endpoint("GET", "/mx/accounts/{acct}/reviews/{rev}/export", Kind.REPORT, null, null),
            // Four eyes (docs/authorizations.md): {apr-auth}, {apr-role} and {apr-addr} are the account's
            // pending requests of each kind, asked by a second officer or administrator (not a caller of
            // the matrix) for the target. A decision's reason must be a text: 42 is refused before
            // anything is decided.
            new Endpoint("GET", "/mx/accounts/{acct}/approvals", Kind.APPROVALS_READ, null, null),
            new Endpoint("GET", "/mx/accounts/{acct}/approvals/{apr-auth}", Kind.APPROVALS_READ, null, null),
            new Endpoint("POST", "/mx/accounts/{acct}/approvals/{apr-auth}/approve", Kind.AUTH_DECIDE,
                    "{\"reason\":\"matrix\"}", "{\"reason\":42}"),
            new Endpoint("POST", "/mx/accounts/{acct}/approvals/{apr-auth}/reject", Kind.AUTH_DECIDE,
                    "{\"reason\":\"matrix\"}", "{\"reason\":42}"),
            new Endpoint("POST", "/mx/accounts/{acct}/approvals/{apr-role}/approve", Kind.ROLES_DECIDE,
                    "{\"reason\":\"matrix\"}", "{\"reason\":42}"),
            new Endpoint("POST", "/mx/accounts/{acct}/approvals/{apr-role}/reject", Kind.ROLES_DECIDE,
                    "{\"reason\":\"matrix\"}", "{\"reason\":42}"),
            new Endpoint("POST", "/mx/accounts/{acct}/approvals/{apr-addr}/approve", Kind.ADDRESS_DECIDE,
                    "{\"reason\":\"matrix\"}", "{\"reason\":42}"),
            new Endpoint("POST", "/mx/accounts/{acct}/approvals/{apr-addr}/reject", Kind.ADDRESS_DECIDE,
                    "{\"reason\":\"matrix\"}", "{\"reason\":42}"),
            // Provisioning tokens ({tok}: the account's live token). Revoking takes no body, so it has
            // no harmless input: its allowed cells are ScimProvisioningIT's.
            new Endpoint("POST", "/mx/accounts/{acct}/scim-tokens", Kind.PEOPLE_WRITE, "{\"name\":\"matrix {n}\"}", "{\"name\":\"\"}"),
            new Endpoint("DELETE", "/mx/accounts/{acct}/scim-tokens/{tok}", Kind.PEOPLE_WRITE, null, null),
            // A team as CSV (TeamResource): even the preview, which writes nothing, is for whoever may
            // invite; a file without the columns is 400 before any row is looked at.
            new Endpoint("POST", "/mx/accounts/{acct}/team/preview", Kind.PEOPLE_WRITE, TEAM, NOT_A_TEAM, CSV),
            new Endpoint("POST", "/mx/accounts/{acct}/team/invite", Kind.PEOPLE_WRITE, TEAM, NOT_A_TEAM, CSV),
            new Endpoint("GET", "/mx/accounts/{acct}/team/people.csv", Kind.PEOPLE_READ, null, null));

    /** The targets: a person in A, in B, in no account (who left A, keeping A's record), and in both (its record B's). */
    static final List<String> WHERE = List.of("A", "B", "none", "AB");

    /** A caller: who, the account they act in (null: none) and their role there ("operator", "stranger"). */
    record Caller(String name, String account, String role) {
    }

    private static final Map<String, String> ACCOUNTS = new LinkedHashMap<>();
    private static final Map<String, String> TARGETS = new LinkedHashMap<>();
    private static final Map<String, String> RECORDS = new LinkedHashMap<>();
    private static final Map<String, String> TOKENS = new LinkedHashMap<>();
    /** Per account (A, B): its open review, and per target (A, B, AB) the numbers of its template and authorization items. */
    private static final Map<String, String> REVIEWS = new LinkedHashMap<>();
    private static final Map<String, String> TEMPLATE_ITEMS = new LinkedHashMap<>();
    private static final Map<String, String> AUTHORIZATION_ITEMS = new LinkedHashMap<>();
    /** Per target (A, B, AB): its pending request of each kind ("auth", "role", "addr") in the path's account. */
    private static final Map<String, Map<String, String>> APPROVALS = new LinkedHashMap<>();
    /** Per account (A, B): its live provisioning token. */
    private static final Map<String, String> SCIM_TOKENS = new LinkedHashMap<>();
    /** Per account (A, B): the second administrator, who asked for the account's role and address requests. */
    private static final Map<String, String> REQUESTERS = new LinkedHashMap<>();
    private static final List<Caller> CALLERS = new ArrayList<>();
    private static StateSnapshot state;
    private static JsonNode baseline;
    private static String otherRealm;

    @BeforeAll
    static void setUp() {
        ACCOUNTS.put("A", REALM.createAccount("matrix-a", true, Map.of()));
        ACCOUNTS.put("B", REALM.createAccount("matrix-b", true, Map.of()));
        Authz authz = new Authz(REALM);
        String officer = authz.officer();
        String officerToken = REALM.userToken(officer);
        for (String where : WHERE) {
            String target = REALM.createUser("matrix-target-" + where, Map.of("credentials", List.of(), "emailVerified", false));
            // A record is issued by an account of its person's: the person in no account left A after
            // A issued theirs; the person in both (a contractor) holds a record B issued.
            String issuer = where.equals("none") ? "A" : where.equals("AB") ? "B" : where;
            REALM.addMember(ACCOUNTS.get(where.equals("AB") ? "A" : issuer), target);
            if (where.equals("AB")) {
                // The contractor of the standard fixture: a member of A and B, with templates in each.
                REALM.addMember(ACCOUNTS.get("B"), target);
                REALM.grantTemplate(ACCOUNTS.get("A"), target, "planner");
                REALM.grantTemplate(ACCOUNTS.get("B"), target, "stores");
            }
            if (where.equals("A") || where.equals("B")) {
                REALM.grantTemplate(ACCOUNTS.get(where), target, "planner"); // an item of the account's review
            }
            TARGETS.put(where, target);
            RECORDS.put(where, authz.grant(officerToken, target, Authz.with(Authz.crs("MATRIX-" + where.toUpperCase()),
                    "account", ACCOUNTS.get(issuer))).get("id").asText());
            if (where.equals("none")) {
                assertEquals(204, Http.delete(REALM.adminUrl("/organizations/" + ACCOUNTS.get("A") + "/members/" + target),
                        REALM.adminToken()).status());
            }
            Http.Response invited = Http.postJson(REALM.url("/mx/invitations"), officerToken, Map.of("userId", target));
            assertEquals(201, invited.status(), invited::toString);
        }
        // The realm operator may do everything, so only the cell's target decides.
        String operator = REALM.createUser("matrix-operator", Map.of());
        REALM.grantRealmManagement(operator, "manage-users", "view-users", "manage-realm", "view-realm");
        REALM.grantRealmRole(operator, "personnel-authorizations:manage");
        caller(new Caller("realm operator", null, "operator"), operator);
        caller(new Caller("administrator of A", "A", "account-administrator"),
                REALM.accountPerson(ACCOUNTS.get("A"), "matrix-admin-a", "account-administrator"));
        caller(new Caller("administrator of B", "B", "account-administrator"),
                REALM.accountPerson(ACCOUNTS.get("B"), "matrix-admin-b", "account-administrator"));
        caller(new Caller("compliance officer of A", "A", "compliance-officer"),
                REALM.accountPerson(ACCOUNTS.get("A"), "matrix-compliance-a", "compliance-officer"));
        caller(new Caller("auditor of A", "A", "auditor"), REALM.accountPerson(ACCOUNTS.get("A"), "matrix-auditor-a", "auditor"));
        caller(new Caller("member of A without a role", "A", "none"), REALM.accountPerson(ACCOUNTS.get("A"), "matrix-member-a"));
        CALLERS.add(new Caller("user of another realm", null, "stranger"));
        TOKENS.put("user of another realm", strangerToken());
        // Each account's review, started by its administrator, with the targets' items.
        for (String where : List.of("A", "B")) {
            Http.Response started = Http.postJson(REALM.url("/mx/accounts/" + ACCOUNTS.get(where) + "/reviews"),
                    REALM.userToken(TOKENS.get("administrator of " + where)), Map.of());
            assertEquals(201, started.status(), started::toString);
            REVIEWS.put(where, started.json().get("id").asText());
            for (String target : where.equals("A") ? List.of("A") : List.of("B", "AB")) {
                TEMPLATE_ITEMS.put(target, itemNo(started.json(), TARGETS.get(target), "template"));
                AUTHORIZATION_ITEMS.put(target, itemNo(started.json(), TARGETS.get(target), "authorization"));
            }
        }
        pendingRequestsAndTokens();
        // Besides Keycloak's state, the bundle's own tables the new rows could change: each account's
        // pending requests (a decision takes one off the list, a request adds one) and provisioning
        // tokens (a revoked one says so), read as the realm operator.
        Map<String, String> bundleReads = new LinkedHashMap<>();
        for (String where : List.of("A", "B")) {
            bundleReads.put("approvals " + where, "/mx/accounts/" + ACCOUNTS.get(where) + "/approvals");
            bundleReads.put("scimTokens " + where, "/mx/accounts/" + ACCOUNTS.get(where) + "/scim-tokens");
        }
        state = new StateSnapshot(REALM, new ArrayList<>(TARGETS.values()), new ArrayList<>(ACCOUNTS.values()), null, null, null)
                .withBundleReads(() -> token(CALLERS.get(0)), bundleReads);
    }

    /**
     * Four eyes: in each account a second compliance officer and a second administrator, who are
     * no callers of the matrix (so no caller decides their own request), ask for a certifying
     * authority, the compliance-officer role and a move of the invitation to another address for
     * each target in it (the contractor's in B, the account of the paths for that target); all three
     * wait for a second person. And a provisioning token per account.
     */
    private static void pendingRequestsAndTokens() {
        Map<String, String> officers = new LinkedHashMap<>();
        Map<String, String> admins = new LinkedHashMap<>();
        for (String account : List.of("A", "B")) {
            officers.put(account, REALM.userToken(REALM.accountPerson(ACCOUNTS.get(account),
                    "matrix-officer2-" + account.toLowerCase(), "compliance-officer")));
            REQUESTERS.put(account, REALM.accountPerson(ACCOUNTS.get(account), "matrix-admin2-" + account.toLowerCase(),
                    "account-administrator"));
            admins.put(account, REALM.userToken(REQUESTERS.get(account)));
            Http.Response token = Http.postJson(REALM.url("/mx/accounts/" + ACCOUNTS.get(account) + "/scim-tokens"),
                    admins.get(account), Map.of("name", "matrix directory"));
            assertEquals(201, token.status(), token::toString);
            SCIM_TOKENS.put(account, token.json().get("id").asText());
        }
        for (String where : List.of("A", "B", "AB")) {
            String account = where.equals("A") ? "A" : "B";
            String acct = ACCOUNTS.get(account);
            String target = TARGETS.get(where);
            Map<String, String> ids = new LinkedHashMap<>();
            Http.Response auth = Http.postJson(REALM.url("/mx/users/" + target + "/authorizations"), officers.get(account),
                    Authz.with(Authz.crs("MATRIX-ASK-" + where), "account", acct));
            assertEquals(202, auth.status(), auth::toString);
            ids.put("auth", auth.json().get("approval").get("id").asText());
            Http.Response role = Http.putJson(REALM.url("/mx/accounts/" + acct + "/people/" + target + "/account-roles"),
                    admins.get(account), Map.of("roles", List.of("compliance-officer")));
            assertEquals(200, role.status(), role::toString);
            assertEquals(1, role.json().get("pendingApprovals").size(), role::toString);
            ids.put("role", role.json().get("pendingApprovals").get(0).get("id").asText());
            Http.Response address = Http.putJson(REALM.url("/mx/invitations/" + target + "/email"), admins.get(account),
                    Map.of("email", "matrix-moved-" + UUID.randomUUID().toString().substring(0, 8) + "@mro.example"));
            assertEquals(202, address.status(), address::toString);
            ids.put("addr", address.json().get("pendingApproval").get("id").asText());
            APPROVALS.put(where, ids);
        }
    }

    private static String itemNo(JsonNode review, String personId, String kind) {
        for (JsonNode item : review.get("items")) {
            if (item.get("personId").asText().equals(personId) && item.get("kind").asText().equals(kind)) {
                return item.get("no").asText();
            }
        }
        throw new AssertionError("no " + kind + " item of " + personId + " in " + review);
    }

    @AfterAll
    static void tearDown() {
        if (otherRealm != null) {
            Http.delete(REALM.server().baseUrl() + "/admin/realms/" + otherRealm, REALM.adminToken());
        }
    }

    private static void caller(Caller caller, String userId) {
        CALLERS.add(caller);
        TOKENS.put(caller.name(), userId);
    }

    /** A user's token of another realm (password grant through that realm's admin-cli). */
    private static String strangerToken() {
        otherRealm = "mx-matrix-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response created = Http.postJson(REALM.server().baseUrl() + "/admin/realms", REALM.adminToken(), Map.of(
                "realm", otherRealm, "enabled", true,
                "users", List.of(Map.of("username", "stranger", "enabled", true, "email", "stranger@elsewhere.example",
                        "firstName", "Str", "lastName", "Anger", "credentials",
                        List.of(Map.of("type", "password", "value", Realm.TEST_PASSWORD, "temporary", false))))));
        assertEquals(201, created.status(), created::toString);
        Http.Response token = Http.postForm(REALM.server().baseUrl() + "/realms/" + otherRealm + "/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "stranger", "password", Realm.TEST_PASSWORD));
        assertEquals(200, token.status(), token::toString);
        return token.json().get("access_token").asText();
    }

    /** The expected status of a cell, from the table: 0 = allowed. */
    static int expected(Caller caller, Endpoint endpoint, String where) {
        if (caller.role().equals("stranger")) {
            return 401;
        }
        // "In no account" for an endpoint that names an account is an account id that does not exist.
        boolean unknownAccount = where.equals("none") && endpoint.path().contains("{acct}");
        if (caller.role().equals("operator")) {
            return unknownAccount ? 404 : 0;
        }
        if (where.equals("AB")) {
            return inBoth(caller, endpoint);
        }
        if (!where.equals(caller.account()) || caller.role().equals("none")) {
            return 404; // outside the caller's accounts (a member without a role has none)
        }
        return KINDS.get(caller.role()).contains(endpoint.kind()) ? 0 : 403;
    }

    /**
     * The contractor, a member of A and B, with a record B issued; a path's account is B. A caller of
     * A acts on the person as on anyone in A, but B's account is not theirs (404) and B's record does
     * not exist for them: a 404 where an unknown record id would be one, a 403 where the permission
     * is missing anyway (an auditor's write, an administrator's read), exactly as for an unknown id.
     */
    static int inBoth(Caller caller, Endpoint endpoint) {
        boolean inB = "B".equals(caller.account());
        if (caller.role().equals("none") || (endpoint.path().contains("{acct}") && !inB)) {
            return 404;
        }
        boolean allowed = KINDS.get(caller.role()).contains(endpoint.kind());
        if (!inB && endpoint.path().contains("{aid}")) {
            return allowed ? 404 : 403;
        }
        return allowed ? 0 : 403;
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointCallerAndTarget() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (Caller caller : CALLERS) {
                // Another realm's token is refused before any target is looked at: one target is enough.
                for (String where : caller.role().equals("stranger") ? List.of("A") : WHERE) {
                    int expected = expected(caller, endpoint, where);
                    tests.add(DynamicTest.dynamicTest(endpoint.label() + " | " + caller.name() + " | target in " + where
                            + " -> " + (expected == 0 ? "allowed" : expected), () -> cell(caller, endpoint, where, expected)));
                }
            }
        }
        return tests.stream();
    }

    private static void cell(Caller caller, Endpoint endpoint, String where, int expected) {
        boolean read = endpoint.method().equals("GET");
        if (expected == 0 && !read && endpoint.probe() == null) {
            return; // an allowed write with no harmless input: exercised by the feature's own tests
        }
        String body = expected == 0 && !read ? endpoint.probe() : endpoint.body();
        String path = resolve(endpoint.path(), where);
        JsonNode before = baseline();
        Http.Response response = Http.send(endpoint.method(), REALM.url(path), token(caller),
                body == null ? null : endpoint.contentType(), body == null ? null : resolve(body, where));
        JsonNode after = state.take();
        baseline = after;
        String label = endpoint.method() + " " + path + " by " + caller.name();
        if (expected == 0) {
            int wanted = read ? 200 : 400;
            assertEquals(wanted, response.status(), () -> label + ": " + response);
        } else {
            assertEquals(expected, response.status(), () -> label + ": " + response);
            JsonNode json = response.json();
            assertTrue(json.path("error_description").asText().length() > 5, () -> label + ": " + response);
            if (expected == 404) {
                assertEquals("not_found", json.path("error").asText(), () -> label + ": " + response);
            }
            if (expected == 403) {
                assertEquals("forbidden", json.path("error").asText(), () -> label + ": " + response);
            }
        }
        assertEquals(before, after, () -> label + " answered " + response.status() + " but changed the realm's state");
    }

    /** Outside the caller's accounts a target is exactly as unknown as an id that does not exist. */
    @Test
    void aTargetOutsideTheCallersAccountsHasTheBodyOfAnUnknownId() {
        Caller adminA = CALLERS.get(1);
        for (String template : List.of("/mx/users/%s/authorizations", "/mx/users/%s/review", "/mx/invitations/%s")) {
            Http.Response outside = Http.get(REALM.url(template.formatted(TARGETS.get("B"))), token(adminA));
            String unknownId = UUID.randomUUID().toString();
            Http.Response unknown = Http.get(REALM.url(template.formatted(unknownId)), token(adminA));
            assertEquals(404, outside.status(), outside::toString);
            assertEquals(unknown.body().replace(unknownId, "ID"), outside.body().replace(TARGETS.get("B"), "ID"), template);
        }
        Http.Response account = Http.get(REALM.url("/mx/accounts/" + ACCOUNTS.get("B")), token(adminA));
        String unknownId = UUID.randomUUID().toString();
        Http.Response unknown = Http.get(REALM.url("/mx/accounts/" + unknownId), token(adminA));
        assertEquals(unknown.body().replace(unknownId, "ID"), account.body().replace(ACCOUNTS.get("B"), "ID"));
    }

    /**
     * Nobody reviews their own access: the administrator of A deciding the item of their own account
     * role is 403 naming the rule (not the missing role), and nothing changes; the same item is 404
     * for the administrator of B (another account's reviewer).
     */
    @Test
    void nobodyDecidesAnItemOfTheirOwnAccess() {
        String adminA = TOKENS.get("administrator of A");
        Http.Response review = Http.get(REALM.url("/mx/accounts/" + ACCOUNTS.get("A") + "/reviews/" + REVIEWS.get("A")),
                token(CALLERS.get(1)));
        assertEquals(200, review.status(), review::toString);
        String own = itemNo(review.json(), adminA, "account-role");
        String path = "/mx/accounts/" + ACCOUNTS.get("A") + "/reviews/" + REVIEWS.get("A") + "/items/" + own + "/decision";
        String body = "{\"decision\":\"keep\",\"comment\":\"it is me\"}";
        JsonNode before = baseline();
        Http.Response response = Http.send("POST", REALM.url(path), token(CALLERS.get(1)), "application/json", body);
        assertEquals(403, response.status(), response::toString);
        assertEquals("forbidden", response.json().path("error").asText());
        assertTrue(response.json().path("error_description").asText().contains("own access"), response::toString);
        Http.Response other = Http.send("POST", REALM.url(path), token(CALLERS.get(2)), "application/json", body);
        assertEquals(404, other.status(), other::toString);
        assertEquals("not_found", other.json().path("error").asText());
        JsonNode after = state.take();
        baseline = after;
        assertEquals(before, after, "a refused decision changes nothing");
        Http.Response still = Http.get(REALM.url("/mx/accounts/" + ACCOUNTS.get("A") + "/reviews/" + REVIEWS.get("A")),
                token(CALLERS.get(1)));
        for (JsonNode item : still.json().get("items")) {
            if (item.get("no").asText().equals(own)) {
                assertTrue(item.get("decision").isNull(), item::toString);
            }
        }
    }

    /**
     * Nobody decides their own request: the second administrator of A, who asked for the target's
     * compliance-officer role, approving it is 403 naming the rule (not a missing right: they have
     * it), and nothing changes; the same request is 404 for the administrator of B (another
     * account's). The matrix's callers asked for nothing, so its cells never meet this rule.
     */
    @Test
    void nobodyDecidesTheirOwnRequest() {
        String path = "/mx/accounts/" + ACCOUNTS.get("A") + "/approvals/" + APPROVALS.get("A").get("role") + "/approve";
        String body = "{\"reason\":\"it is mine\"}";
        JsonNode before = baseline();
        Http.Response own = Http.send("POST", REALM.url(path), REALM.userToken(REQUESTERS.get("A")), JSON, body);
        assertEquals(403, own.status(), own::toString);
        assertEquals("own_request", own.json().path("error").asText(), own::toString);
        Http.Response other = Http.send("POST", REALM.url(path), token(CALLERS.get(2)), JSON, body);
        assertEquals(404, other.status(), other::toString);
        assertEquals("not_found", other.json().path("error").asText(), other::toString);
        JsonNode after = state.take();
        baseline = after;
        assertEquals(before, after, "a refused decision changes nothing");
    }

    /**
     * The right to decide comes before the input: the matrix's allowed cells send a reason that is
     * not a text and get 400, which proves they passed the right only if a caller without it gets
     * 403 for that same body. The auditor of A, the administrator of A on the authorization request
     * and the compliance officer of A on the role and address requests sending it: 403, nothing
     * changed.
     */
    @Test
    void whoMayNotDecideIsToldSoWhateverTheBody() {
        JsonNode before = baseline();
        for (String kind : List.of("auth", "role", "addr")) {
            String path = "/mx/accounts/" + ACCOUNTS.get("A") + "/approvals/" + APPROVALS.get("A").get(kind) + "/approve";
            for (Caller caller : kind.equals("auth") ? List.of(CALLERS.get(1), CALLERS.get(4)) : List.of(CALLERS.get(3), CALLERS.get(4))) {
                Http.Response response = Http.send("POST", REALM.url(path), token(caller), JSON, "{\"reason\":42}");
                assertEquals(403, response.status(), () -> kind + " by " + caller.name() + ": " + response);
                assertEquals("forbidden", response.json().path("error").asText(), response::toString);
            }
        }
        JsonNode after = state.take();
        baseline = after;
        assertEquals(before, after, "a refused decision changes nothing");
    }

    private static String resolve(String text, String where) {
        String account = where.equals("none") ? UUID.randomUUID().toString()
                : ACCOUNTS.get(where.equals("AB") ? "B" : where);
        boolean known = !where.equals("none");
        Map<String, String> approvals = APPROVALS.getOrDefault(where, Map.of());
        return text.replace("{user}", TARGETS.get(where)).replace("{aid}", RECORDS.get(where)).replace("{acct}", account)
                .replace("{rev}", known ? REVIEWS.get(where.equals("A") ? "A" : "B") : UUID.randomUUID().toString())
                .replace("{tpl}", known ? TEMPLATE_ITEMS.get(where) : "1")
                .replace("{auth}", known ? AUTHORIZATION_ITEMS.get(where) : "1")
                .replace("{apr-auth}", approvals.getOrDefault("auth", UUID.randomUUID().toString()))
                .replace("{apr-role}", approvals.getOrDefault("role", UUID.randomUUID().toString()))
                .replace("{apr-addr}", approvals.getOrDefault("addr", UUID.randomUUID().toString()))
                .replace("{tok}", known ? SCIM_TOKENS.get(where.equals("A") ? "A" : "B") : UUID.randomUUID().toString())
                .replace("{n}", UUID.randomUUID().toString().substring(0, 8))
                .replace("{crs}", Http.toJson(Authz.crs("MATRIX-NEW-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase())));
    }

    private static synchronized JsonNode baseline() {
        if (baseline == null) {
            baseline = state.take();
        }
        return baseline;
    }

    private static final Map<String, String> FRESH = new LinkedHashMap<>();
    private static final Map<String, Long> FRESH_AT = new LinkedHashMap<>();

    /** The caller's token, renewed every two minutes (the stranger's is used once it is made: 401 anyway). */
    private static synchronized String token(Caller caller) {
        if (caller.role().equals("stranger")) {
            return TOKENS.get(caller.name());
        }
        Long at = FRESH_AT.get(caller.name());
        if (at == null || System.currentTimeMillis() - at > 120_000) {
            FRESH.put(caller.name(), REALM.userToken(TOKENS.get(caller.name())));
            FRESH_AT.put(caller.name(), System.currentTimeMillis());
        }
        return FRESH.get(caller.name());
    }
}
