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

        // Invited before getting in (no password yet: a person who has one is never invited).
        String invited = certifier(hangar, Map.of("credentials", List.of(), "emailVerified", false));
        assertEquals(201, invitations.invite(invited, 7, null).status());
        failing.put("invitation-accepted", invited);

        String disabled = certifier(hangar);
        assertEquals(204, Http.putJson(realm.adminUrl("/users/" + disabled), realm.adminToken(),
                Map.of("enabled", false)).status());
        failing.put("user-enabled", disabled);

        // A certifier whose account is then switched off (templates are held in an enabled account first).
        String closed = account("closed", true, List.of("workshop", "administration"), true);
        String closedCertifier = certifier(closed);
        com.fasterxml.jackson.databind.node.ObjectNode off = (com.fasterxml.jackson.databind.node.ObjectNode) realm.adminGet("/organizations/" + closed);
        off.put("enabled", false);
        assertEquals(204, Http.putJson(realm.adminUrl("/organizations/" + closed), realm.adminToken(), off).status());
        failing.put("account-member", closedCertifier);

        String noTemplate = member(hangar, "no-template");
        realm.grantRealmRole(noTemplate, "signoffs:release");
        authz.grant(officerToken, noTemplate, Authz.crs(reference()));
        failing.put("role-assigned", noTemplate);

        String technician = member(hangar, "technician");
        realm.grantTemplate(hangar, technician, "technician");
        authz.grant(officerToken, technician, Authz.crs(reference()));
        failing.put("role-includes-permission", technician);

        failing.put("feature-enabled", certifier(account("office", true, List.of("administration"), true)));

        String unauthorised = member(hangar, "uncertified");
        realm.grantTemplate(hangar, unauthorised, "certifying-staff");
        failing.put("personnel-authorization", unauthorised);

        failing.forEach((check, userId) -> {
            JsonNode explanation = explain(userId, RELEASE);
            assertFalse(explanation.get("allowed").asBoolean(), check);
            List<JsonNode> failed = failed(explanation);
            assertEquals(List.of(check), failed.stream().map(c -> c.get("id").asText()).toList(), explanation::toString);
            assertFalse(failed.get(0).get("fix").asText().isBlank(), check + " has a fix");
            assertFalse(failed.get(0).get("evidence").asText().isBlank(), check + " has evidence");
        });

        String setupDone = account("setup-done", true, List.of("administration"), false);
        String administrator = member(setupDone, "admin");
        realm.grantTemplate(setupDone, administrator, "account-administrator");
        JsonNode setup = explain(administrator, SETUP_TOOLS);
        assertEquals(List.of("setup-mode"), failed(setup).stream().map(c -> c.get("id").asText()).toList(), setup::toString);
        String setupAdministrator = member(hangar, "admin");
        realm.grantTemplate(hangar, setupAdministrator, "account-administrator");
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
        realm.grantTemplate(hangar, uncertified, "certifying-staff");
        realm.grantTemplate(hangar, uncertified, "account-administrator");
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
        realm.grantTemplate(hangar, admin, "account-administrator");
        realm.grantTemplate(hangar, admin, "technician");
        login(admin);
        expected.put(admin, List.of("administrator", "operational-with-privileged"));

        String uncertified = member(hangar, "uncertified");
        realm.grantTemplate(hangar, uncertified, "certifying-staff");
        login(uncertified);
        expected.put(uncertified, List.of("missing-authorization"));

        String expiring = member(hangar, "expiring");
        realm.grantTemplate(hangar, expiring, "certifying-staff");
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
        realm.grantTemplate(hangar, dormant, "planner");
        expected.put(dormant, List.of("no-login"));
        String waiting = imported("waiting", Map.of("mx.invitation.status", List.of("pending"),
                "mx.invitation.sentAt", List.of(Instant.now().minus(Duration.ofDays(20)).toString()),
                "mx.invitation.expiresAt", List.of(Instant.now().plus(Duration.ofDays(10)).toString())), 20);
        realm.addMember(hangar, waiting);
        realm.grantTemplate(hangar, waiting, "planner");
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
                String[] cells = line.split(",", 4); // every cell quoted (category and id have no comma or quote)
                csv.computeIfAbsent(cells[1].replace("\"", ""), k -> new ArrayList<>()).add(cells[0].replace("\"", ""));
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

    /**
     * Issue 24: a finding's detail in words. The JSON carries it as message keys whose parameters name
     * templates and authorization types by kind (the workspace shows them in the reader's language);
     * the CSV says it in the language the request asks for (Accept-Language), English without one,
     * role templates and types by their names, never as stored.
     */
    @Test
    void theReportSaysItsDetailInWordsInTheLanguageAsked() {
        String words = account("words", true, List.of("workshop"), false);
        String admin = member(words, "words-admin");
        realm.grantTemplate(words, admin, "account-administrator");
        realm.grantTemplate(words, admin, "certifying-staff");
        login(admin);
        String url = realm.url("/mx/access/report?account=" + words + "&inactiveDays=90&pendingDays=7&expiringDays=30");

        Map<String, JsonNode> parts = new HashMap<>();
        Http.get(url, viewerToken).json().get("findings").forEach(finding -> {
            if (finding.get("userId").asText().equals(admin)) {
                parts.put(finding.get("category").asText(), finding.get("detailParts"));
            }
        });
        JsonNode holds = parts.get("administrator").get(0);
        assertEquals("mxFindingDetail.holds", holds.get("key").asText(), parts::toString);
        assertEquals("template", holds.get("params").get(0).get("kind").asText());
        assertEquals("account-administrator", holds.get("params").get(0).get("values").get(0).asText());
        JsonNode requires = parts.get("missing-authorization").get(0);
        assertEquals("mxFindingDetail.requires", requires.get("key").asText());
        assertEquals(List.of("template", "authorizationType"),
                List.of(requires.get("params").get(0).get("kind").asText(), requires.get("params").get(1).get("kind").asText()));

        Http.Response german = Http.send("GET", url + "&format=csv", viewerToken, null, null,
                Map.of("Accept-Language", "de-DE,de;q=0.9,en;q=0.5"));
        assertEquals(200, german.status(), german::toString);
        assertEquals("de", german.header("Content-Language"));
        assertTrue(german.body().contains("\"hat Kontoadministration\""), german.body());
        assertTrue(german.body().contains("\"Freigabeberechtigtes Personal erfordert Freigabeberechtigtes Personal (CRS)\""), german.body());
        for (Http.Response english : List.of(Http.get(url + "&format=csv", viewerToken),
                Http.send("GET", url + "&format=csv", viewerToken, null, null, Map.of("Accept-Language", "fr")))) {
            assertEquals("en", english.header("Content-Language"));
            assertTrue(english.body().contains("\"holds Account administrator\""), english.body());
            assertTrue(english.body().contains("\"Certifying staff requires Certifying staff (CRS)\""), english.body());
            assertFalse(english.body().contains("requires certifying-staff"), english.body());
        }
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
        assertEquals(List.of("certifying-staff"), realm.templatesIn(hangar, leaver), "templates are kept");
        assertEquals(1, authz.list(officerToken, leaver).size(), "authorization history is kept");
        assertEquals("revoked", invitations.invitation(invited).get("status").asText());
        // Keycloak refuses links of disabled users before the bundle's handler runs.
        Http.Response page = Http.get(link, null);
        assertEquals(400, page.status(), "the invitation link stops working");
        assertFalse(page.body().contains("mx-accept-invitation-form"), page.body());

        JsonNode event = realm.adminGet("/admin-events?resourcePath=users/" + leaver + "/deactivate&max=5").get(0);
        assertEquals("CUSTOM", event.get("resourceType").asText(), "Keycloak's own type: the console filters by it");
        assertEquals("MX_USER_ACCESS", event.get("details").get("mx_kind").asText());
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
        realm.grantTemplate(hangar, user, "account-administrator");
        // The console's Organizations → Groups → add member: Keycloak's ORGANIZATION_GROUP_MEMBERSHIP event.
        JsonNode events = realm.adminGet("/admin-events?resourcePath=organizations/" + hangar + "/groups/*&max=50");
        List<String> kinds = new ArrayList<>();
        events.forEach(e -> {
            if (e.path("resourcePath").asText().endsWith("/members/" + user)) {
                kinds.add(e.path("details").path("mx_kind").asText());
            }
        });
        assertTrue(kinds.contains("MX_PRIVILEGED_GRANT"), events::toString);
        assertTrue(review(user).toString().contains("least-privilege"));
    }

    @Test
    void aPrivilegedTemplateThroughAGroupWarnsAndAnAcknowledgementCompletesTheReview() {
        String parent = group(null, unique("admins"));
        String child = group(parent, unique("hangar-admins"));
        assertEquals(204, Http.postJson(realm.adminUrl("/groups/" + parent + "/role-mappings/realm"), realm.adminToken(),
                List.of(realm.adminGet("/roles/account-administrator"))).status());
        JsonNode groupGrant = realm.adminGet("/admin-events?resourcePath=groups/" + parent + "/role-mappings/realm&max=20");
        assertTrue(groupGrant.toString().contains("MX_PRIVILEGED_GRANT"), "a grant to a group warns: " + groupGrant);

        // A realm group's role counts in no account now; the privileged template held in the account does.
        String user = member(hangar, "group-admin");
        realm.grantTemplate(hangar, user, "certifying-staff");
        authz.grant(officerToken, user, Authz.crs(reference()));
        assertEquals(204, Http.send("PUT", realm.adminUrl("/users/" + user + "/groups/" + child), realm.adminToken(),
                "application/json", "").status());
        JsonNode joined = realm.adminGet("/admin-events?resourcePath=users/" + user + "/groups/" + child + "&max=20");
        String warning = joined.toString();
        assertTrue(warning.contains("MX_PRIVILEGED_GRANT"), "joining a group whose parent carries it warns: " + warning);
        assertTrue(warning.contains("parent group"), warning);
        assertTrue(check(review(user), "least-privilege").get("passed").asBoolean(), "a realm-level role counts in no account");

        realm.grantTemplate(hangar, user, "account-administrator");
        JsonNode review = review(user);
        JsonNode leastPrivilege = check(review, "least-privilege");
        assertFalse(leastPrivilege.get("passed").asBoolean(), review::toString);
        assertTrue(leastPrivilege.get("evidence").asText().contains("template"), leastPrivilege::toString);

        String managerToken = realm.userToken(managerId);
        String url = realm.url("/mx/users/" + user + "/review/acknowledge-privileged");
        assertEquals(400, Http.postJson(url, managerToken, Map.of()).status(), "a reason is required");
        assertEquals(403, Http.postJson(url, viewerToken, Map.of("reason", "x")).status());
        Http.Response ack = Http.postJson(url, managerToken, Map.of("reason", "the hangar's account administrator"));
        assertEquals(200, ack.status(), ack::toString);
        JsonNode after = review(user);
        assertTrue(check(after, "least-privilege").get("passed").asBoolean(), after::toString);
        assertTrue(check(after, "least-privilege").get("evidence").asText().contains("the hangar's account administrator"));
        JsonNode events = realm.adminGet("/admin-events?resourcePath=users/" + user + "/review/acknowledge-privileged&max=5");
        assertEquals(1, events.size(), events::toString);
        assertEquals("MX_USER_ACCESS", events.get(0).get("details").get("mx_kind").asText());
    }

    @Test
    void theCorrectAccountIsTheInvitationsAndTheEmailDomainsAccount() {
        String demo = account("demo", true, List.of("workshop", "administration"), true);
        String domain = realm.adminGet("/organizations/" + demo).get("domains").get(0).get("name").asText();
        String misplaced = realm.createUser("misplaced", Map.of("email", unique("m") + "@" + domain));
        realm.addMember(hangar, misplaced);
        realm.grantTemplate(hangar, misplaced, "certifying-staff");
        authz.grant(officerToken, misplaced, Authz.crs(reference()));

        JsonNode explanation = explain(misplaced, RELEASE);
        assertFalse(explanation.get("allowed").asBoolean(), explanation::toString);
        assertEquals(List.of("account-member"), failed(explanation).stream().map(c -> c.get("id").asText()).toList());
        assertTrue(failed(explanation).get(0).get("evidence").asText().contains(domain.substring(0, domain.indexOf('.'))),
                explanation::toString);
        JsonNode review = review(misplaced);
        assertFalse(check(review, "account").get("passed").asBoolean(), review::toString);

        realm.addMember(demo, misplaced);
        assertTrue(check(review(misplaced), "account").get("passed").asBoolean(), "a member of the domain's account");
    }

    @Test
    void explainSaysWhyARecordCannotBeUsed() {
        String lapsed = member(hangar, "lapsed");
        realm.grantTemplate(hangar, lapsed, "certifying-staff");
        Map<String, Object> record = Authz.crs(reference());
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        record.put("experience", List.of(Map.of("from", today.minusYears(5).toString(), "to", today.minusYears(4).toString())));
        authz.grant(officerToken, lapsed, record);
        JsonNode explanation = explain(lapsed, RELEASE);
        assertFalse(explanation.get("allowed").asBoolean(), "explain agrees with the signoff check: " + explanation);
        JsonNode failed = failed(explanation).get(0);
        assertEquals("personnel-authorization", failed.get("id").asText());
        assertTrue(failed.get("evidence").asText().contains("recency_lapsed"), failed::toString);
        assertTrue(check(review(lapsed), "required-authorizations").get("evidence").asText().contains("recency_lapsed"));
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
        return certifier(accountId, Map.of());
    }

    private String certifier(String accountId, Map<String, Object> user) {
        String userId = realm.createUser("certifier", user);
        realm.addMember(accountId, userId);
        realm.grantTemplate(accountId, userId, "certifying-staff");
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

    private String group(String parentId, String name) {
        String url = parentId == null ? realm.adminUrl("/groups") : realm.adminUrl("/groups/" + parentId + "/children");
        Http.Response response = Http.postJson(url, realm.adminToken(), Map.of("name", name));
        assertEquals(201, response.status(), response::toString);
        String location = response.header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static JsonNode check(JsonNode result, String id) {
        for (JsonNode check : result.get("checks")) {
            if (check.get("id").asText().equals(id)) {
                return check;
            }
        }
        throw new AssertionError("no check " + id + " in " + result);
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
