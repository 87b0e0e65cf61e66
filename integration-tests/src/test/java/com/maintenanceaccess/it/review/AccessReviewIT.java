package com.maintenanceaccess.it.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.authorization.Authz;
import com.maintenanceaccess.it.invitation.InvitationSupport;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Realm;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Why can't they see it": explain, the setup review, the access review report, and
 * deactivation, against the real catalog, templates, accounts, invitations and authorizations.
 */
class AccessReviewIT {

    /** Certificate of release to service: signoffs:release, feature workshop, certifying-staff authorization. */
    static final String RELEASE = "workshop.signoffs.release";
    /** Setup tools: setup-tools:view, feature administration, setup mode only. */
    static final String SETUP_TOOLS = "administration.setup-tools";
    static final List<String> CHECKS = List.of("invitation-accepted", "user-enabled", "account-member", "role-assigned",
            "role-includes-permission", "feature-enabled", "setup-mode", "personnel-authorization");

    private final Realm realm = Realm.maintenance();
    private final Authz authz = new Authz();
    private final InvitationSupport invitations = new InvitationSupport();
    private String hangar;
    private String viewerToken;
    private String managerId;
    private String officerToken;

    @BeforeEach
    void setUp() {
        hangar = account("hangar", true, List.of("workshop", "administration"), true);
        String viewer = realm.createUser("reviewer", Map.of());
        realm.grantRealmManagement(viewer, "view-users");
        viewerToken = realm.userToken(viewer);
        managerId = realm.createUser("user-manager", Map.of());
        realm.grantRealmManagement(managerId, "manage-users", "view-users");
        officerToken = realm.userToken(authz.officer());
    }

    @Test
    void aUserWithFullAccessPassesEveryCheck() {
        String certifier = certifier(hangar);
        JsonNode explanation = explain(certifier, RELEASE);
        assertTrue(explanation.get("allowed").asBoolean(), explanation::toString);
        assertEquals(CHECKS, ids(explanation.get("checks")));
        explanation.get("checks").forEach(check -> assertTrue(check.get("passed").asBoolean(), check::toString));

        JsonNode reachable = Http.get(realm.url("/mx/access/reachable?user=" + certifier), viewerToken).json();
        assertTrue(strings(reachable.get("pages")).contains(RELEASE), reachable::toString);
        assertFalse(strings(reachable.get("pages")).contains("purchasing.invoices"), "no purchasing role");
    }

    @Test
    void eachCheckFailsForTheUserWhoLacksExactlyThat() {
        Map<String, String> failing = new LinkedHashMap<>();

        String invited = certifier(hangar);
        assertEquals(201, invitations.invite(invited, 7, null).status());
        failing.put("invitation-accepted", invited);

        String disabled = certifier(hangar);
        assertEquals(204, Http.putJson(realm.adminUrl("/users/" + disabled), realm.adminToken(),
                Map.of("enabled", false)).status());
        failing.put("user-enabled", disabled);

        failing.put("account-member", certifier(account("closed", false, List.of("workshop", "administration"), true)));

        String noTemplate = member(hangar, "no-template");
        realm.grantRealmRole(noTemplate, "signoffs:release");
        authz.grant(officerToken, noTemplate, Authz.crs(reference()));
        failing.put("role-assigned", noTemplate);

        String technician = member(hangar, "technician");
        realm.grantRealmRole(technician, "technician");
        authz.grant(officerToken, technician, Authz.crs(reference()));
        failing.put("role-includes-permission", technician);

        failing.put("feature-enabled", certifier(account("office", true, List.of("administration"), true)));

        String unauthorised = member(hangar, "uncertified");
        realm.grantRealmRole(unauthorised, "certifying-staff");
        failing.put("personnel-authorization", unauthorised);

        failing.forEach((check, userId) -> {
            JsonNode explanation = explain(userId, RELEASE);
            assertFalse(explanation.get("allowed").asBoolean(), check);
            List<JsonNode> failed = failed(explanation);
            assertEquals(List.of(check), failed.stream().map(c -> c.get("id").asText()).toList(), explanation::toString);
            assertFalse(failed.get(0).get("fix").asText().isBlank(), check + " has a fix");
            assertFalse(failed.get(0).get("evidence").asText().isBlank(), check + " has evidence");
        });

        String administrator = member(account("setup-done", true, List.of("administration"), false), "admin");
        realm.grantRealmRole(administrator, "account-administrator");
        JsonNode setup = explain(administrator, SETUP_TOOLS);
        assertEquals(List.of("setup-mode"), failed(setup).stream().map(c -> c.get("id").asText()).toList(), setup::toString);
        String setupAdministrator = member(hangar, "admin");
        realm.grantRealmRole(setupAdministrator, "account-administrator");
        assertTrue(explain(setupAdministrator, SETUP_TOOLS).get("allowed").asBoolean(), "in setup mode it shows");
    }

    @Test
    void explainRefusesBadInputAndCallersWithoutViewUsers() {
        String certifier = certifier(hangar);
        assertEquals(401, Http.get(realm.url("/mx/access/explain?user=" + certifier + "&page=" + RELEASE), null).status());
        String nobody = realm.createUser("nobody", Map.of());
        // The certifier is outside the caller's accounts: not found, as an unknown id.
        assertEquals(404, Http.get(realm.url("/mx/access/explain?user=" + certifier + "&page=" + RELEASE),
                realm.userToken(nobody)).status());

        Http.Response unknownPage = Http.get(realm.url("/mx/access/explain?user=" + certifier + "&page=teleporter"), viewerToken);
        assertEquals(400, unknownPage.status());
        assertTrue(unknownPage.json().get("error_description").asText().startsWith("page: unknown page"), unknownPage::toString);
        Http.Response noUser = Http.get(realm.url("/mx/access/explain?page=" + RELEASE), viewerToken);
        assertEquals(400, noUser.status());
        assertTrue(noUser.json().get("error_description").asText().startsWith("user: required"));
        assertEquals(404, Http.get(realm.url("/mx/access/explain?user=" + UUID.randomUUID() + "&page=" + RELEASE),
                viewerToken).status());
    }

    @Test
    void setupReviewListsWhatIsMissing() {
        JsonNode complete = review(certifier(hangar));
        assertTrue(complete.get("complete").asBoolean(), complete::toString);
        assertTrue(strings(complete.get("areas")).contains("signoffs"));

        String uncertified = member(hangar, "uncertified");
        realm.grantRealmRole(uncertified, "certifying-staff", "account-administrator");
        JsonNode incomplete = review(uncertified);
        assertFalse(incomplete.get("complete").asBoolean());
        assertEquals(Set.of("required-authorizations", "least-privilege"), new TreeSet<>(failed(incomplete).stream()
                .map(c -> c.get("id").asText()).toList()));
    }

    @Test
    void reportFlagsExactlyTheSeededProblemUsers() {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        String clean = certifier(hangar);
        login(clean);
        expected.put(clean, List.of());

        String admin = member(hangar, "admin");
        realm.grantRealmRole(admin, "account-administrator", "technician");
        login(admin);
        expected.put(admin, List.of("administrator", "operational-with-privileged"));

        String uncertified = member(hangar, "uncertified");
        realm.grantRealmRole(uncertified, "certifying-staff");
        login(uncertified);
        expected.put(uncertified, List.of("missing-authorization"));

        String expiring = member(hangar, "expiring");
        realm.grantRealmRole(expiring, "certifying-staff");
        authz.grant(officerToken, expiring, Authz.with(Authz.crs(reference()), "expiry",
                Instant.now().plus(Duration.ofDays(10)).toString()));
        login(expiring);
        expected.put(expiring, List.of("expiring-authorization"));

        String leaver = certifier(hangar);
        assertEquals(204, Http.putJson(realm.adminUrl("/users/" + leaver), realm.adminToken(), Map.of("enabled", false)).status());
        expected.put(leaver, List.of("disabled-with-roles"));

        String homeless = realm.createUser("homeless", Map.of());
        realm.grantRealmRole(homeless, "planner");
        login(homeless);
        expected.put(homeless, List.of("no-account"));

        // Created long ago and never logged in; an invitation sent long ago and still pending.
        String dormant = imported("dormant", Map.of(), 200);
        realm.addMember(hangar, dormant);
        realm.grantRealmRole(dormant, "planner");
        expected.put(dormant, List.of("no-login"));
        String waiting = imported("waiting", Map.of("mx.invitation.status", List.of("pending"),
                "mx.invitation.sentAt", List.of(Instant.now().minus(Duration.ofDays(20)).toString()),
                "mx.invitation.expiresAt", List.of(Instant.now().plus(Duration.ofDays(10)).toString())), 20);
        realm.addMember(hangar, waiting);
        realm.grantRealmRole(waiting, "planner");
        expected.put(waiting, List.of("pending-invitation"));

        Map<String, List<String>> json = new HashMap<>();
        Map<String, List<String>> csv = new HashMap<>();
        int administrators = -1;
        for (Integer first = 0; first != null; ) {
            Http.Response page = Http.get(realm.url("/mx/access/report?max=200&first=" + first
                    + "&inactiveDays=90&pendingDays=7&expiringDays=30"), viewerToken);
            assertEquals(200, page.status(), page::toString);
            administrators = page.json().get("administrators").asInt();
            page.json().get("findings").forEach(f -> json.computeIfAbsent(f.get("userId").asText(), k -> new ArrayList<>())
                    .add(f.get("category").asText()));
            Http.Response csvPage = Http.get(realm.url("/mx/access/report?format=csv&max=200&first=" + first
                    + "&inactiveDays=90&pendingDays=7&expiringDays=30"), viewerToken);
            assertEquals(200, csvPage.status());
            assertTrue(csvPage.header("Content-Type").startsWith("text/csv"));
            csvPage.body().lines().skip(1).forEach(line -> {
                String[] cells = line.split(",", 4);
                csv.computeIfAbsent(cells[1], k -> new ArrayList<>()).add(cells[0]);
            });
            JsonNode next = page.json().path("next"); // absent on the last page
            first = next.isMissingNode() || next.isNull() ? null : next.asInt();
        }
        expected.forEach((userId, categories) -> {
            assertEquals(categories, json.getOrDefault(userId, List.of()), "JSON findings of " + userId);
            assertEquals(categories, csv.getOrDefault(userId, List.of()), "CSV findings of " + userId);
        });
        assertTrue(administrators >= 1, "the report counts administrators");
    }

    @Test
    void reportRefusesBadParameters() {
        for (String query : List.of("max=0", "max=501", "first=-1", "inactiveDays=0", "format=xml")) {
            Http.Response response = Http.get(realm.url("/mx/access/report?" + query), viewerToken);
            assertEquals(400, response.status(), query);
            assertTrue(response.json().get("error_description").asText().startsWith(query.split("=")[0]), response::toString);
        }
    }

    @Test
    void deactivationEndsSessionsAndThePendingInvitationAndKeepsHistory() throws Exception {
        String leaver = certifier(hangar);
        JsonNode tokens = realm.passwordGrant(realm.username(leaver), Realm.TEST_PASSWORD);
        String refreshToken = tokens.get("refresh_token").asText();
        assertEquals(200, refresh(refreshToken).status(), "the session works before");

        String invited = invitations.invitee("invited-leaver", Map.of());
        assertEquals(201, invitations.invite(invited, 7, null).status());
        String link = InvitationSupport.link(invitations.email(invited), 1);

        String managerToken = realm.userToken(managerId);
        for (String userId : List.of(leaver, invited)) {
            Http.Response deactivated = Http.postJson(realm.url("/mx/users/" + userId + "/deactivate"), managerToken,
                    Map.of("reason", "left the company"));
            assertEquals(200, deactivated.status(), deactivated::toString);
        }

        assertEquals(400, refresh(refreshToken).status(), "the refresh token stops working");
        assertFalse(realm.adminGet("/users/" + leaver).get("enabled").asBoolean());
        assertEquals(List.of("certifying-staff"), strings(realm.adminGet("/users/" + leaver + "/role-mappings/realm"))
                .stream().filter(r -> r.equals("certifying-staff")).toList(), "roles are kept");
        assertEquals(1, authz.list(officerToken, leaver).size(), "authorization history is kept");
        assertEquals("revoked", invitations.invitation(invited).get("status").asText());
        // Keycloak refuses links of disabled users before the bundle's handler runs.
        Http.Response page = Http.get(link, null);
        assertEquals(400, page.status(), "the invitation link stops working");
        assertFalse(page.body().contains("mx-accept-invitation-form"), page.body());

        JsonNode event = realm.adminGet("/admin-events?resourcePath=users/" + leaver + "/deactivate&max=5").get(0);
        assertEquals("MX_USER_ACCESS", event.get("resourceType").asText());
        assertTrue(event.get("representation").asText().contains("left the company"));

        Http.Response reactivated = Http.postJson(realm.url("/mx/users/" + leaver + "/reactivate"), managerToken,
                Map.of("reason", "rehired"));
        assertEquals(200, reactivated.status(), reactivated::toString);
        assertTrue(realm.adminGet("/users/" + leaver).get("enabled").asBoolean());
        assertNotNull(realm.passwordGrant(realm.username(leaver), Realm.TEST_PASSWORD).get("access_token"));
    }

    @Test
    void deactivationRefusesBadInputAndCallersWithoutManageUsers() {
        String user = certifier(hangar);
        String url = realm.url("/mx/users/" + user + "/deactivate");
        assertEquals(403, Http.postJson(url, viewerToken, Map.of("reason", "x")).status(), "view-users is not enough");
        String managerToken = realm.userToken(managerId);
        assertTrue(Http.postJson(url, managerToken, Map.of()).json().get("error_description").asText().startsWith("reason: required"));
        assertTrue(Http.send("POST", url, managerToken, "application/json", "{\"reason\":").json()
                .get("error_description").asText().startsWith("body: malformed JSON"));
        assertEquals(400, Http.postJson(url, managerToken, Map.of("reason", "x".repeat(501))).status());
        assertEquals(404, Http.postJson(realm.url("/mx/users/" + UUID.randomUUID() + "/deactivate"), managerToken,
                Map.of("reason", "x")).status());
        assertEquals(400, Http.postJson(realm.url("/mx/users/" + user + "/reactivate"), managerToken,
                Map.of("reason", "x")).status(), "not deactivated");
        assertTrue(realm.adminGet("/users/" + user).get("enabled").asBoolean(), "nothing changed");
    }

    @Test
    void grantingAPrivilegedTemplateEmitsAWarningEvent() {
        String user = member(hangar, "new-admin");
        realm.grantRealmRole(user, "account-administrator");
        JsonNode events = realm.adminGet("/admin-events?resourcePath=users/" + user + "/role-mappings/realm&max=20");
        List<String> types = new ArrayList<>();
        events.forEach(e -> types.add(e.get("resourceType").asText()));
        assertTrue(types.contains("MX_PRIVILEGED_GRANT"), types::toString);
        assertTrue(review(user).toString().contains("least-privilege"));
    }

    // ------------------------------------------------------------------ helpers

    private JsonNode explain(String userId, String page) {
        Http.Response response = Http.get(realm.url("/mx/access/explain?user=" + userId + "&page=" + page), viewerToken);
        assertEquals(200, response.status(), response::toString);
        return response.json();
    }

    private JsonNode review(String userId) {
        Http.Response response = Http.get(realm.url("/mx/users/" + userId + "/review"), viewerToken);
        assertEquals(200, response.status(), response::toString);
        return response.json();
    }

    /** A certifying technician in an account, with a valid certifying-staff authorization. */
    private String certifier(String accountId) {
        String userId = member(accountId, "certifier");
        realm.grantRealmRole(userId, "certifying-staff");
        authz.grant(officerToken, userId, Authz.crs(reference()));
        return userId;
    }

    private String member(String accountId, String prefix) {
        String userId = realm.createUser(prefix, Map.of());
        realm.addMember(accountId, userId);
        return userId;
    }

    private String account(String prefix, boolean enabled, List<String> features, boolean setupMode) {
        return realm.createAccount(prefix, enabled,
                Map.of("mx.features", features, "mx.setup-mode", List.of(setupMode ? "on" : "off")));
    }

    /** A user as a migration would bring it: created days ago, with attributes (partial import). */
    private String imported(String prefix, Map<String, List<String>> attributes, int createdDaysAgo) {
        String username = unique(prefix);
        Map<String, Object> user = new HashMap<>(Map.of("username", username, "email", username + "@mro.example",
                "firstName", "Old", "lastName", prefix, "enabled", true, "emailVerified", true,
                "createdTimestamp", Instant.now().minus(Duration.ofDays(createdDaysAgo)).toEpochMilli(),
                "attributes", attributes));
        Http.Response response = Http.postJson(realm.adminUrl("/partialImport"), realm.adminToken(),
                Map.of("ifResourceExists", "FAIL", "users", List.of(user)));
        assertEquals(200, response.status(), response::toString);
        return realm.adminGet("/users?exact=true&username=" + username).get(0).get("id").asText();
    }

    private void login(String userId) {
        realm.passwordGrant(realm.username(userId), Realm.TEST_PASSWORD);
    }

    private Http.Response refresh(String refreshToken) {
        return Http.postForm(realm.url("/protocol/openid-connect/token"), Map.of("grant_type", "refresh_token",
                "refresh_token", refreshToken, "client_id", Realm.TEST_CLIENT, "client_secret", Realm.TEST_CLIENT_SECRET));
    }

    private static List<JsonNode> failed(JsonNode result) {
        List<JsonNode> failed = new ArrayList<>();
        result.get("checks").forEach(check -> {
            if (!check.get("passed").asBoolean()) {
                failed.add(check);
            }
        });
        return failed;
    }

    private static List<String> ids(JsonNode checks) {
        List<String> ids = new ArrayList<>();
        checks.forEach(check -> ids.add(check.get("id").asText()));
        return ids;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.isObject() ? value.get("name").asText() : value.asText()));
        return values;
    }

    /** Authorization references are upper case. */
    private static String reference() {
        return unique("CRS").toUpperCase(java.util.Locale.ROOT);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
