package com.maintenanceaccess.it.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.support.BrowserExtension;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Realm;
import com.maintenanceaccess.it.workspace.pages.PeoplePage;
import com.maintenanceaccess.it.workspace.pages.PersonPage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Server messages in the caller's language (issue 24 item 1): the /mx error body carries, beside
 * its English text, a message key and parameters for the refusal and for each field's problem;
 * the account console shows the key's text in the person's language. A German account
 * administrator invites "nora.newhire@demo-mro" (no domain ending) and reads why in German.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerMessagesIT {

    @RegisterExtension
    final BrowserExtension browser = new BrowserExtension();

    private final Realm realm = Realm.maintenance();
    private String account;
    private String alias;

    @BeforeAll
    void account() {
        account = realm.createAccount("ws-messages", true, Map.of());
        alias = realm.adminGet("/organizations/" + account).get("alias").asText();
    }

    @Test
    void theApiAnswersWithKeysAndParametersBesideItsEnglishText() {
        String admin = person("ws-msg-admin", "Ada", "Admin", Map.of(), "account-administrator");
        String token = realm.userToken(admin);

        Http.Response invalid = Http.postJson(realm.url("/mx/accounts/" + account + "/people"), token,
                Map.of("firstName", "Nora", "lastName", "Newhire", "email", "nora.newhire@demo-mro",
                        "templates", List.of("planner"), "expiresInDays", 90));
        assertEquals(400, invalid.status(), invalid::toString);
        JsonNode body = invalid.json();
        assertEquals("invalid_request", body.get("error").asText(), "the existing fields stay");
        assertTrue(body.get("error_description").asText().endsWith("Nothing was changed."), body::toString);
        assertEquals("mxError.invalid", body.get("key").asText(), body::toString);
        assertTrue(body.get("unchanged").asBoolean(), body::toString);
        JsonNode email = problem(body, "email");
        assertEquals("must be an e-mail address with a domain ending, such as name@example.com", email.get("message").asText());
        assertEquals("mxError.emailNoDomainEnding", email.get("key").asText(), body::toString);
        JsonNode days = problem(body, "expiresInDays");
        assertEquals("mxError.between", days.get("key").asText(), body::toString);
        assertEquals(List.of("1", "30"), List.of(days.get("params").get(0).asText(), days.get("params").get(1).asText()));

        Http.Response self = Http.postJson(realm.url("/mx/users/" + admin + "/deactivate"), token, Map.of("reason", "leaving"));
        assertEquals(403, self.status(), self::toString);
        assertEquals("mxError.selfDeactivate", self.json().get("key").asText(), self::toString);
        assertEquals(0, self.json().get("params").size());
        assertTrue(self.json().get("error_description").asText().startsWith("separation of duties"), self::toString);

        String stranger = realm.createUser("ws-msg-stranger", Map.of("firstName", "Sam", "lastName", "Stranger"));
        Http.Response outside = Http.get(realm.url("/mx/users/" + stranger + "/review"), token);
        assertEquals(404, outside.status(), outside::toString);
        assertEquals("mxError.notFoundUser", outside.json().get("key").asText(), outside::toString);
        assertFalse(outside.json().has("unchanged"), "a read changes nothing to say so about");
    }

    @Test
    void aGermanAdministratorReadsTheRefusalInGerman() {
        String admin = person("ws-msg-de", "Anke", "Admin", Map.of("locale", List.of("de")), "account-administrator");
        PeoplePage page = new PeoplePage(browser.driver(), realm).open(alias, realm.username(admin), Realm.TEST_PASSWORD);
        page.invite("Nora", "Newhire", "nora.newhire@demo-mro", List.of("planner"));
        String problem = page.problem("email");
        assertEquals("Die Adresse braucht eine Domain-Endung, etwa name@example.com.", problem);
        String refusal = page.refusal();
        assertTrue(refusal.contains("E-Mail: Die Adresse braucht eine Domain-Endung") && refusal.contains("Es wurde nichts geändert."),
                refusal);
        assertFalse(refusal.contains("must be") || refusal.contains("Nothing was changed"), "no English left: " + refusal);
    }

    /** Sentences made elsewhere than the field rules carry keys too: the body parser, the team CSV. */
    @Test
    void theBodyParserAndTheTeamUploadAnswerWithKeys() {
        String admin = person("ws-msg-team", "Ada", "Admin", Map.of(), "account-administrator");
        String token = realm.userToken(admin);

        Http.Response malformed = Http.send("POST", realm.url("/mx/accounts/" + account + "/people"), token,
                "application/json", "{\"firstName\": ");
        assertEquals(400, malformed.status(), malformed::toString);
        JsonNode body = problem(malformed.json(), "body");
        assertEquals("mxError.malformedJsonAt", body.get("key").asText(), malformed::toString);
        assertEquals(2, body.get("params").size(), "line and column");

        Http.Response preview = Http.send("POST", realm.url("/mx/accounts/" + alias + "/team/preview"), token, "text/csv",
                "firstName,lastName,email,templates\nNora,Newhire,nora.team@mro.example,planner\n"
                        + "Nils,Newhire,Nora.Team@mro.example,planner\n");
        assertEquals(200, preview.status(), preview::toString);
        JsonNode second = preview.json().get("rows").get(1);
        assertEquals("refused", second.get("outcome").asText(), preview::toString);
        JsonNode same = second.get("problems").get(0);
        assertEquals("is on line 2 already", same.get("message").asText(), preview::toString);
        assertEquals("mxError.csvSameAddress", same.get("key").asText(), preview::toString);
        assertEquals("2", same.get("params").get(0).asText());
    }

    /** The setup review names its checks, findings and fixes by key: a German administrator reads them in German. */
    @Test
    void aGermanAdministratorReadsTheSetupReviewInGerman() {
        String admin = person("ws-msg-review", "Anke", "Admin", Map.of("locale", List.of("de")), "account-administrator");
        String member = realm.createUser("ws-msg-gmail", Map.of("firstName", "Paul", "lastName", "Privat",
                "email", "paul.privat." + System.nanoTime() + "@gmail.com"));
        realm.addMember(account, member);
        PersonPage page = new PersonPage(browser.driver(), realm).openIn(alias, member, realm.username(admin), Realm.TEST_PASSWORD);
        assertFalse(page.setupReview().get("name-and-work-email"), "a personal mailbox fails the check");
        String text = page.setupReviewCheckText("name-and-work-email");
        assertTrue(text.contains("Name und dienstliche E-Mail-Adresse"), text);
        assertTrue(text.contains("Korrigieren Sie den Namen und die dienstliche E-Mail-Adresse der Person."), text);
        assertFalse(text.contains("Correct the user's") || text.contains("Users →"), "no English fix: " + text);
        // What the check found, in German too (evidenceParts), the address as it is.
        assertTrue(text.contains("@gmail.com ist ein privates Postfach, keine dienstliche Adresse"), text);
        assertFalse(text.contains("personal mailbox"), "no English evidence: " + text);
        String roles = page.setupReviewCheckText("roles");
        assertTrue(roles.contains("keine Rollenvorlage"), roles);
    }

    private static JsonNode problem(JsonNode body, String field) {
        for (JsonNode problem : body.get("problems")) {
            if (problem.get("field").asText().equals(field)) {
                return problem;
            }
        }
        throw new AssertionError("no problem named " + field + ": " + body);
    }

    private String person(String prefix, String first, String last, Map<String, Object> attributes, String... roles) {
        String id = realm.createUser(prefix, Map.of("firstName", first, "lastName", last, "attributes", attributes));
        realm.addMember(account, id);
        for (String role : roles) {
            realm.grantAccountRole(account, id, role);
        }
        return id;
    }
}
