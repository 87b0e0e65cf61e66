package com.maintenanceaccess.it.signoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.authorization.Authz;
import com.maintenanceaccess.it.support.AppLogin;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.KeycloakServer;
import com.maintenanceaccess.it.support.Realm;
import com.maintenanceaccess.it.support.ServerClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * POST and GET /mx/signoffs through the maintenance app's own tokens: a real PKCE login, a
 * real step-up re-authentication at the signoff level, and the records read back by a reader.
 * The test server accepts a re-authentication for 15 s (KeycloakServer), not the default 120 s.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// Alone, no other test class beside it: it moves the bundle's clock (ServerClock), which every test on the server reads.
@Isolated
class SignoffsIT {

    private final Authz authz = new Authz(Realm.maintenance());
    private final Realm realm = Realm.maintenance();
    private String readerToken;
    private String tech;
    private String inspector;
    private String inspector2;

    @BeforeAll
    void setUp() {
        String officer = authz.officer();
        String officerToken = realm.userToken(officer);
        readerToken = officerToken;
        tech = realm.createUser("sign-tech", Map.of("firstName", "Tess", "lastName", "Technician"));
        realm.addMember(authz.account(), tech);
        authz.grant(officerToken, tech, Authz.crs("CRS-SO-TECH"));
        inspector = authz.person("sign-insp");
        authz.grant(officerToken, inspector, Authz.crs("CRS-SO-INSP"));
        authz.grant(officerToken, inspector, a320Inspection("RII-SO-INSP"));
        inspector2 = authz.person("sign-insp2");
        authz.grant(officerToken, inspector2, a320Inspection("RII-SO-INSP2"));
    }

    private static Map<String, Object> a320Inspection(String reference) {
        Map<String, Object> body = Authz.inspection(reference);
        body.put("scope", Map.of("aircraft", List.of("A320-family"), "tasks", List.of("line")));
        return body;
    }

    private SignerBrowser browser(String userId) {
        SignerBrowser browser = new SignerBrowser(realm.url(""), realm.username(userId), Realm.TEST_PASSWORD);
        browser.login();
        return browser;
    }

    private static Map<String, Object> release(String workOrder) {
        return Releases.release("G-ABCD", workOrder);
    }

    private Http.Response sign(String token, Map<String, Object> body) {
        return Http.postJson(realm.url("/mx/signoffs"), token, body);
    }

    private JsonNode listed(String query) {
        Http.Response list = Http.get(realm.url("/mx/signoffs?" + query), readerToken);
        assertEquals(200, list.status(), list::toString);
        return list.json().get("signoffs");
    }

    private static List<String> reasons(Http.Response response) {
        List<String> reasons = new ArrayList<>();
        response.json().get("reasons").forEach(r -> reasons.add(r.asText()));
        return reasons;
    }

    @Test
    void aReleaseSignedWithReauthenticationIsRecorded() {
        SignerBrowser browser = browser(tech);
        Map<String, Object> body = release("<WO-4711>");
        JsonNode stepped = browser.stepUp(body);
        assertTrue(browser.lastPage.contains("Certificate of release to service"), browser.lastPage);
        assertTrue(browser.lastPage.contains("&lt;WO-4711&gt;") && !browser.lastPage.contains("<WO-4711>"),
                "the password page says what is signed, escaped");
        String token = stepped.get("access_token").asText();
        assertEquals("signoff", AppLogin.claims(token).get("acr").asText());

        Http.Response signed = sign(token, body);
        assertEquals(201, signed.status(), signed::toString);
        JsonNode record = signed.json().get("record");
        assertEquals("accepted", record.get("outcome").asText());
        assertEquals(tech, record.get("signer").get("id").asText());
        assertEquals("Tess Technician", record.get("signer").get("name").asText());
        // Made in the one account of the step-up token; the record names that one account and no other.
        assertEquals(authz.account(), record.get("account").asText());
        assertFalse(record.get("signer").has("accounts"), record::toString);
        assertEquals("CRS-SO-TECH", record.get("authorization").get("reference").asText());
        assertEquals(64, record.get("authorization").get("recordHash").asText().length());
        assertEquals("signoff", record.get("proof").get("acr").asText());
        assertTrue(record.get("meaning").asText().startsWith("Certifies that"));
        assertEquals(64, signed.json().get("hash").asText().length());

        JsonNode mine = listed("person=" + tech + "&aircraft=G-ABCD");
        assertTrue(contains(mine, signed.json().get("id").asText()), mine::toString);
        Http.Response csv = Http.get(realm.url("/mx/signoffs?format=csv&person=" + tech), readerToken);
        assertEquals(200, csv.status(), csv::toString);
        assertTrue(csv.body().contains("\"CRS-SO-TECH\""), csv.body());

        // The record keeps the statement shown at the step-up (issue 23).
        assertEquals("<WO-4711>", record.get("statementShown").get("workOrder").asText(), record::toString);

        // One authentication signs once (issue 23): the same token again is refused and recorded.
        Http.Response again = sign(token, body);
        assertEquals(403, again.status(), again::toString);
        assertTrue(reasons(again).contains("authentication_used"), again::toString);
        assertTrue(reasons(again).contains("token_reused"), again::toString);
    }

    /**
     * Issue 23: the step-up's refresh token gives new access tokens with {@code acr=signoff} and
     * the same {@code auth_time}; such a token is no fresh authentication. The refusal does not
     * use the authentication: the step-up's own token still signs once.
     */
    @Test
    void aRefreshedTokenIsRefusedReauthenticationRequired() {
        Map<String, Object> body = release("WO-REFRESH");
        JsonNode stepped = browser(tech).stepUp(body);
        String original = stepped.get("access_token").asText();
        Http.Response refresh = Http.postForm(realm.url("/protocol/openid-connect/token"), Map.of(
                "grant_type", "refresh_token", "refresh_token", stepped.get("refresh_token").asText(),
                "client_id", AppLogin.CLIENT_ID));
        assertEquals(200, refresh.status(), refresh::toString);
        String refreshed = refresh.json().get("access_token").asText();
        JsonNode claims = AppLogin.claims(refreshed);
        // What made the attack work: the refreshed token looks like the step-up's.
        assertEquals("signoff", claims.get("acr").asText());
        assertEquals(AppLogin.claims(original).get("auth_time").asLong(), claims.get("auth_time").asLong());
        assertTrue(claims.has("mx_statement"), claims::toString);

        Http.Response refused = sign(refreshed, body);
        assertEquals(403, refused.status(), refused::toString);
        assertEquals(List.of("reauthentication_required"), reasons(refused));
        Http.Response signed = sign(original, body);
        assertEquals(201, signed.status(), signed::toString);
        assertEquals("authorization_code", signed.json().get("record").get("proof").get("grant").asText());
        Http.Response refusedAfter = sign(refreshed, body);
        assertEquals(403, refusedAfter.status(), refusedAfter::toString);
        assertTrue(reasons(refusedAfter).contains("reauthentication_required"), refusedAfter::toString);
    }

    /**
     * Issue 23: one authentication signs once, also when its token is sent several times at the
     * same moment: exactly one signature, every other attempt refused {@code authentication_used}
     * and recorded.
     */
    @Test
    void concurrentSignoffsWithOneAuthenticationHaveExactlyOneWinner() throws Exception {
        Map<String, Object> body = release("WO-RACE");
        String token = browser(tech).stepUp(body).get("access_token").asText();
        int attempts = 4;
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(attempts);
        try {
            List<java.util.concurrent.Future<Http.Response>> answers = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return sign(token, body);
                }));
            }
            start.countDown();
            int accepted = 0;
            for (var answer : answers) {
                Http.Response response = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
                if (response.status() == 201) {
                    accepted++;
                } else {
                    assertEquals(403, response.status(), response::toString);
                    assertTrue(reasons(response).contains("authentication_used"), response::toString);
                }
            }
            assertEquals(1, accepted, "exactly one signature from one authentication");
        } finally {
            pool.shutdownNow();
        }
        JsonNode signed = listed("person=" + tech + "&outcome=accepted");
        long raceSignatures = 0;
        for (JsonNode item : signed) {
            if ("WO-RACE".equals(item.get("record").get("what").get("workOrder").asText())) {
                raceSignatures++;
            }
        }
        assertEquals(1, raceSignatures, signed::toString);
    }

    /**
     * Issue 23, sign what was shown: the step-up page said G-AAAA, work order BB-1; the same token
     * cannot sign G-ZZZZ or another work order. A step-up whose app sent no statement the server
     * can read signs nothing.
     */
    @Test
    void aBodyThatDiffersFromTheStatementShownIsRefused() {
        Map<String, Object> shown = Releases.release("G-AAAA", "BB-1");
        Map<String, Object> other = Releases.release("G-ZZZZ", "BB-2");
        String token = browser(tech).stepUp(shown).get("access_token").asText();
        assertEquals("G-AAAA", AppLogin.claims(token).get("mx_statement").get("aircraft").get("registration").asText());
        Http.Response refused = sign(token, other);
        assertEquals(403, refused.status(), refused::toString);
        assertEquals(List.of("statement_mismatch"), reasons(refused));

        Map<String, Object> otherTask = Releases.release("G-AAAA", "BB-1");
        otherTask.put("task", "task-2");
        String second = browser(tech).stepUp(shown).get("access_token").asText();
        Http.Response refusedTask = sign(second, otherTask);
        assertEquals(List.of("statement_mismatch"), reasons(refusedTask));

        SignerBrowser freeText = browser(tech);
        String noStatement = freeText.stepUpWith(Map.of("mx_signing", "certificate of release to service for G-AAAA"))
                .get("access_token").asText();
        assertTrue(freeText.lastPage.contains("nothing can be signed with this login"), freeText.lastPage);
        Http.Response missing = sign(noStatement, shown);
        assertEquals(403, missing.status(), missing::toString);
        assertEquals(List.of("statement_missing"), reasons(missing));
    }

    /** The step-up page states what is signed in plain language, in English and in German, escaped. */
    @Test
    void theStepUpPageShowsTheStatementInEnglishAndGerman() {
        Map<String, Object> body = release("WO-<DE>");
        body.put("declaration", "Bescheinigt & bestätigt <b>die Arbeit</b>.");
        SignerBrowser english = browser(tech);
        english.stepUpWith(Map.of("mx_signing", SignerBrowser.statement(body), "ui_locales", "en"));
        for (String text : List.of("You are signing:", "Certificate of release to service", "Aircraft", "G-ABCD (A320)",
                "Work order", "WO-&lt;DE&gt;", "Task", "task-1 (line)", "Base", "LHR", "Declaration",
                "Bescheinigt &amp; bestätigt &lt;b&gt;die Arbeit&lt;/b&gt;.")) {
            assertTrue(english.lastPage.contains(text), text + " in " + english.lastPage);
        }
        SignerBrowser german = browser(tech);
        german.stepUpWith(Map.of("mx_signing", SignerBrowser.statement(body), "ui_locales", "de"));
        for (String text : List.of("Sie unterschreiben:", "Freigabebescheinigung", "Luftfahrzeug", "G-ABCD (A320)",
                "Arbeitsauftrag", "WO-&lt;DE&gt;", "Aufgabe", "Station", "Erklärung")) {
            assertTrue(german.lastPage.contains(text), text + " in " + german.lastPage);
        }
        assertFalse(german.lastPage.contains("<b>die Arbeit</b>"), "escaped");
    }

    @Test
    void aTokenWithoutTheSignoffLevelIsRefusedAndRecorded() {
        String token = browser(tech).login().get("access_token").asText();
        Http.Response refused = sign(token, release("WO-NOLEVEL"));
        assertEquals(403, refused.status(), refused::toString);
        assertTrue(reasons(refused).contains("not_signoff_level"), refused::toString);
        assertTrue(refused.json().get("error_description").asText().endsWith("Nothing was signed."));
        JsonNode refusals = listed("person=" + tech + "&outcome=refused");
        assertTrue(contains(refusals, refused.json().get("refusal").get("id").asText()), refusals::toString);
    }

    @Test
    void aReauthenticationOlderThanTheWindowIsRefused() {
        String token = browser(tech).stepUp(release("WO-OLD")).get("access_token").asText();
        Http.Response refused;
        // The bundle's clock just past the re-authentication window (120 s); the token stays valid.
        try (ServerClock later = ServerClock.ahead(KeycloakServer.shared(), Duration.ofSeconds(121))) {
            refused = sign(token, release("WO-OLD"));
        }
        assertEquals(403, refused.status(), refused::toString);
        assertEquals(List.of("reauthentication_too_old"), reasons(refused));
    }

    @Test
    void aTokenOfAnotherClientIsRefused() {
        String token = realm.userToken(tech);
        Http.Response refused = sign(token, release("WO-CLIENT"));
        assertEquals(403, refused.status(), refused::toString);
        assertTrue(reasons(refused).contains("wrong_client"), refused::toString);
    }

    @Test
    void aTokenOfAnotherRealmIsUnauthorizedAndWritesNothing() {
        String masterToken = Http.postForm(realm.server().baseUrl() + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", KeycloakServer.ADMIN_USER,
                        "password", KeycloakServer.ADMIN_PASSWORD)).json().get("access_token").asText();
        long before = trailHead();
        Http.Response refused = sign(masterToken, release("WO-REALM"));
        assertEquals(401, refused.status(), refused::toString);
        assertEquals(List.of("invalid_token"), reasons(refused));
        assertFalse(refused.json().has("refusal"), refused::toString);
        assertEquals(before, trailHead(), "nothing appended to the trail");
    }

    @Test
    void aGarbageTokenIsUnauthorizedAndWritesNothingWhateverTheBody() {
        long before = trailHead();
        for (Object body : List.<Object>of(release("WO-GARBAGE"), Map.of("zz", 1), List.of())) {
            Http.Response refused = Http.postJson(realm.url("/mx/signoffs"), "not.a.token", body);
            assertEquals(401, refused.status(), refused::toString);
            assertFalse(refused.body().contains("known:"), "no catalog before authentication: " + refused);
        }
        Http.Response anonymous = Http.postJson(realm.url("/mx/signoffs"), null, release("WO-ANON"));
        assertEquals(401, anonymous.status(), anonymous::toString);
        assertEquals(before, trailHead(), "nothing appended to the trail");
    }

    @Test
    void anExpiredTokenIsUnauthorizedAndWritesNothing() {
        String token = browser(tech).stepUp(release("WO-EXPIRED")).get("access_token").asText();
        long before = trailHead();
        Http.Response refused;
        try (ServerClock later = ServerClock.ahead(KeycloakServer.shared(), Duration.ofHours(2))) {
            refused = sign(token, release("WO-EXPIRED"));
        }
        assertEquals(401, refused.status(), refused::toString);
        assertEquals(List.of("token_expired"), reasons(refused));
        assertEquals(before, trailHead(), "nothing appended to the trail");
    }

    @Test
    void aTokenOfAnotherPersonIsRefused() {
        String token = browser(inspector2).stepUp(release("WO-OTHER")).get("access_token").asText();
        Map<String, Object> body = release("WO-OTHER");
        body.put("signer", tech);
        Http.Response refused = sign(token, body);
        assertEquals(403, refused.status(), refused::toString);
        assertTrue(reasons(refused).contains("other_person"), refused::toString);
    }

    @Test
    void aBackdatedTimeIsRefusedAndChangesNothing() {
        String token = browser(tech).stepUp(release("WO-PAST")).get("access_token").asText();
        long before = trailHead();
        Map<String, Object> body = release("WO-PAST");
        body.put("time", Instant.now().minusSeconds(3600).toString());
        Http.Response refused = sign(token, body);
        assertEquals(400, refused.status(), refused::toString);
        assertTrue(refused.json().get("error_description").asText().contains("time: is in the past"), refused::toString);
        assertEquals(before, trailHead());
    }

    @Test
    void anInspectionIsRefusedForThePerformerAndAcceptedForAnotherInspector() {
        SignerBrowser performerBrowser = browser(inspector);
        Map<String, Object> task = release("WO-RII");
        task.put("type", "task");
        task.put("authorizationType", "certifying-staff");
        task.put("declaration", "I performed task 7 of WO-RII.");
        Http.Response performed = sign(performerBrowser.stepUp(task).get("access_token").asText(), task);
        assertEquals(201, performed.status(), performed::toString);

        Map<String, Object> rii = release("WO-RII");
        rii.put("type", "inspection");
        rii.put("declaration", "I inspected task 7 of WO-RII (RII) and found it satisfactory.");
        rii.put("inspects", Map.of("performedBy", performed.json().get("id").asText()));
        Http.Response own = sign(performerBrowser.stepUp(rii).get("access_token").asText(), rii);
        assertEquals(403, own.status(), own::toString);
        assertEquals(List.of("signer_performed_work"), reasons(own));

        Http.Response independent = sign(browser(inspector2).stepUp(rii).get("access_token").asText(), rii);
        assertEquals(201, independent.status(), independent::toString);
        assertEquals("RII-SO-INSP2", independent.json().get("record").get("authorization").get("reference").asText());

        Map<String, Object> wrongWork = new HashMap<>(rii);
        wrongWork.put("workOrder", "WO-OTHER-WORK");
        Http.Response mismatch = sign(browser(inspector2).stepUp(wrongWork).get("access_token").asText(), wrongWork);
        assertEquals(403, mismatch.status(), mismatch::toString);
        assertEquals(List.of("inspected_work_mismatch"), reasons(mismatch));
    }

    /**
     * A contractor in A and B (issue 22): a signature in B with A's record is refused
     * ({@code out_of_account}); a person removed from A after logging in signs nothing in A
     * ({@code not_a_member}); an inspection in A cannot cite B's signature.
     */
    /**
     * The RII rule reads the account's own records (issue 23): the certifier of a work order who
     * leaves out {@code inspects.certifiedBy}, and a performer who names another person's task
     * signature, are refused; an independent inspector is not.
     */
    @Test
    void anInspectorWhoSignedTheWorkIsRefusedWhateverTheBodyNames() {
        Map<String, Object> task = release("WO-RII-OWN");
        task.put("type", "task");
        task.put("authorizationType", "certifying-staff");
        task.put("declaration", "I performed task-1 of WO-RII-OWN.");
        Http.Response byTech = sign(browser(tech).stepUp(task).get("access_token").asText(), task);
        assertEquals(201, byTech.status(), byTech::toString);
        SignerBrowser own = browser(inspector);
        Http.Response certified = sign(own.stepUp(release("WO-RII-OWN")).get("access_token").asText(), release("WO-RII-OWN"));
        assertEquals(201, certified.status(), certified::toString);

        Map<String, Object> rii = release("WO-RII-OWN");
        rii.put("type", "inspection");
        rii.put("declaration", "I inspected task-1 of WO-RII-OWN (RII) and found it satisfactory.");
        rii.put("inspects", Map.of("performedBy", byTech.json().get("id").asText())); // certifiedBy left out
        Http.Response certifier = sign(own.stepUp(rii).get("access_token").asText(), rii);
        assertEquals(403, certifier.status(), certifier::toString);
        assertEquals(List.of("signer_certified_work"), reasons(certifier));

        // A performer of the same task who names only the other performer's signature.
        Http.Response byInspector = sign(own.stepUp(task).get("access_token").asText(), task);
        assertEquals(201, byInspector.status(), byInspector::toString);
        Http.Response performer = sign(own.stepUp(rii).get("access_token").asText(), rii);
        assertEquals(403, performer.status(), performer::toString);
        assertTrue(reasons(performer).contains("signer_performed_work"), performer::toString);

        Http.Response independent = sign(browser(inspector2).stepUp(rii).get("access_token").asText(), rii);
        assertEquals(201, independent.status(), independent::toString);
    }

    @Test
    void aSignatureIsMadeInOneAccountByAMemberWithThatAccountsRecord() {
        String accountB = realm.createAccount("sign-b", true, Map.of());
        String aliasB = realm.adminGet("/organizations/" + accountB).get("alias").asText();
        String contractor = realm.contractor(authz.account(), accountB, "sign-contractor");
        String operator = realm.userToken(authz.officer());
        authz.grant(operator, contractor, Authz.with(Authz.crs("CRS-SO-CON-A"), "account", authz.account()));
        authz.grant(operator, contractor, Authz.with(a320Inspection("RII-SO-CON-B"), "account", aliasB));
        String username = realm.username(contractor);
        SignerBrowser inB = new SignerBrowser(realm.url(""), username, Realm.TEST_PASSWORD, "openid organization:" + aliasB);
        inB.login();
        SignerBrowser inA = new SignerBrowser(realm.url(""), username, Realm.TEST_PASSWORD,
                "openid organization:" + authz.accountAlias());
        inA.login();

        // A release in B: the contractor's certifying-staff record is A's.
        Http.Response releaseInB = sign(inB.stepUp(release("WO-CON-B")).get("access_token").asText(),
                release("WO-CON-B"));
        assertEquals(403, releaseInB.status(), releaseInB::toString);
        assertEquals(List.of("out_of_account"), reasons(releaseInB));

        // A task in B, signed with B's own record, then an inspection in A citing it.
        Map<String, Object> task = release("WO-CON-B");
        task.put("type", "task");
        task.put("authorizationType", "inspection");
        task.put("declaration", "I performed task 3 of WO-CON-B.");
        Http.Response taskInB = sign(inB.stepUp(task).get("access_token").asText(), task);
        assertEquals(201, taskInB.status(), taskInB::toString);
        assertEquals(accountB, taskInB.json().get("record").get("account").asText());
        Map<String, Object> rii = release("WO-CON-B");
        rii.put("type", "inspection");
        rii.put("declaration", "I inspected task 3 of WO-CON-B (RII).");
        rii.put("inspects", Map.of("performedBy", taskInB.json().get("id").asText()));
        Http.Response riiInA = sign(browser(inspector2).stepUp(rii).get("access_token").asText(), rii);
        assertEquals(403, riiInA.status(), riiInA::toString);
        assertEquals(List.of("inspected_signature_not_found"), reasons(riiInA));

        // Removed from A (not deactivated) after the step-up: the release in A is refused and recorded.
        String stepped = inA.stepUp(release("WO-CON-A")).get("access_token").asText();
        assertEquals(204, Http.delete(realm.adminUrl("/organizations/" + authz.account() + "/members/" + contractor),
                realm.adminToken()).status());
        Http.Response removed = sign(stepped, release("WO-CON-A"));
        assertEquals(403, removed.status(), removed::toString);
        assertEquals(List.of("not_a_member"), reasons(removed));
        JsonNode refusals = listed("account=" + authz.account() + "&person=" + contractor + "&outcome=refused");
        assertTrue(contains(refusals, removed.json().get("refusal").get("id").asText()),
                "the refusal is in A's list for A's auditors: " + refusals);
    }

    @Test
    void readingSignoffsNeedsAReader() {
        Http.Response anonymous = Http.get(realm.url("/mx/signoffs"), null);
        assertEquals(401, anonymous.status(), anonymous::toString);
        Http.Response technician = Http.get(realm.url("/mx/signoffs"), realm.userToken(tech));
        assertEquals(403, technician.status(), technician::toString);
        Http.Response badPeriod = Http.get(realm.url("/mx/signoffs?from=yesterday"), readerToken);
        assertEquals(400, badPeriod.status(), badPeriod::toString);
        assertFalse(badPeriod.json().get("error_description").asText().isBlank());
    }

    private long trailHead() {
        Http.Response verify = Http.get(realm.url("/mx/trail/verify"), readerToken);
        assertEquals(200, verify.status(), verify::toString);
        return verify.json().get("head").get("seq").asLong();
    }

    private static boolean contains(JsonNode list, String id) {
        for (JsonNode item : list) {
            if (id.equals(item.get("id").asText())) {
                return true;
            }
        }
        return false;
    }
}
