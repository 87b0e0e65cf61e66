package com.maintenanceaccess.it.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.invitation.InvitationSupport;
import com.maintenanceaccess.it.support.BrowserExtension;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Realm;
import com.maintenanceaccess.it.workspace.pages.PersonPage;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Workspace → a person: setup review, "why can't they see …" and deactivation, in the real account console. */
class PersonPageIT {

    @RegisterExtension
    final BrowserExtension browser = new BrowserExtension();

    static final String RELEASE = "workshop.signoffs.release";
    static final List<String> CHECKS = List.of("invitation-accepted", "user-enabled", "account-member", "role-assigned",
            "role-includes-permission", "feature-enabled", "setup-mode", "personnel-authorization");

    private final Realm realm = Realm.maintenance();
    private final InvitationSupport invitations = new InvitationSupport();
    private String operator;

    @BeforeEach
    void setUp() {
        operator = Operators.operator(realm);
    }

    @Test
    void explainShowsTheFailingChecksOfAnInvitedPersonWithoutRoleOrAccount() {
        String invitee = invitations.invitee("ws-explain", Map.of("firstName", "Ivo", "lastName", "Invited"));
        assertEquals(201, invitations.invite(invitee, 7, null).status());

        PersonPage page = new PersonPage(browser.driver(), realm).open(invitee, operator, Realm.TEST_PASSWORD);
        assertEquals("Pending", page.invitationState());
        assertFalse(page.setupReview().get("invitation-accepted"), page.setupReview()::toString);

        Map<String, Boolean> checks = page.explain(RELEASE);
        assertEquals(CHECKS, List.copyOf(checks.keySet()), "all seven-plus checks in the article's order");
        assertFalse(page.explainAllowed());
        assertFalse(checks.get("invitation-accepted"));
        assertTrue(checks.get("user-enabled"));
        assertFalse(checks.get("account-member"));
        assertFalse(checks.get("role-assigned"));
        assertFalse(checks.get("personnel-authorization"));
        // In words: the authorization type by its name, not as in the catalog's file.
        String authorization = page.explainCheckText("personnel-authorization");
        assertTrue(authorization.contains("no valid Certifying staff (CRS) authorization"), authorization);
        assertFalse(authorization.contains("certifying-staff"), authorization);
        page.screenshotForDocs("person-explain");
    }

    /**
     * Issue 24: a German administrator reads "why can't they see" and the setup review in words: the
     * pages to ask about by their German descriptions (no id), the answer naming the page, the
     * permission as „Abzeichnungen: freigeben“ (not signoffs:release), the feature and the account by
     * their names (not the alias), and the path by which a privileged template reaches the person.
     */
    @Test
    void aGermanAdministratorReadsPagesPermissionsFeaturesAndTheAccountInWords() {
        String account = realm.createNamedAccount("ws-words", "Wort Aviation", true, Map.of("mx.features", List.of("workshop")));
        String alias = realm.adminGet("/organizations/" + account).get("alias").asText();
        String admin = realm.createUser("ws-words-admin", Map.of("firstName", "Ada", "lastName", "Admin",
                "attributes", Map.of("locale", List.of("de"))));
        realm.addMember(account, admin);
        realm.grantAccountRole(account, admin, "account-administrator");
        String person = realm.createUser("ws-words-person", Map.of("firstName", "Tom", "lastName", "Tech"));
        realm.addMember(account, person);
        realm.grantTemplate(account, person, "account-administrator");

        PersonPage page = new PersonPage(browser.driver(), realm).openIn(alias, person, realm.username(admin), Realm.TEST_PASSWORD);
        List<String> choices = page.explainChoices();
        assertTrue(choices.contains("Freigabebescheinigung (CRS)"), choices::toString);
        assertTrue(choices.contains("Luftfahrzeugliste"), choices::toString);
        assertTrue(choices.stream().noneMatch(choice -> choice.contains(RELEASE) || choice.matches(".*\\b[a-z]+\\.[a-z-]+.*")),
                "no page id among the choices: " + choices);

        page.explain(RELEASE);
        assertTrue(page.explainAnswer().startsWith("Freigabebescheinigung (CRS): Diese Person kann die Seite nicht öffnen"),
                page.explainAnswer());
        String permission = page.explainCheckText("role-includes-permission");
        assertTrue(permission.contains("keine Rollenvorlage der Person enthält „Abzeichnungen: freigeben“"), permission);
        assertFalse(permission.contains("signoffs:release"), permission);
        String feature = page.explainCheckText("feature-enabled");
        assertTrue(feature.contains("die Funktion Werkstatt ist für Wort Aviation"), feature);
        String privileged = page.setupReviewCheckText("least-privilege");
        assertTrue(privileged.contains("hat die privilegierte Vorlage Kontoadministration (als Rollenvorlage im Konto Wort Aviation"),
                privileged);
        assertTrue(page.membershipHeading().startsWith("Im Konto Wort Aviation"), page.membershipHeading());
        assertEquals(List.of(), com.maintenanceaccess.it.workspace.pages.PageText.findings(page.pageText(), List.of(alias)),
                "no alias, permission, id or key on the page");
    }

    @Test
    void deactivationWithAReasonEndsTheSessionsAndReactivationLetsThePersonBackIn() {
        String leaver = realm.createUser("ws-leaver", Map.of());
        JsonNode tokens = realm.passwordGrant(realm.username(leaver), Realm.TEST_PASSWORD);
        String refreshToken = tokens.get("refresh_token").asText();
        assertEquals(200, refresh(refreshToken).status(), "the session works before");

        PersonPage page = new PersonPage(browser.driver(), realm).open(leaver, operator, Realm.TEST_PASSWORD);
        page.deactivate(" ");
        assertTrue(page.refusal().toLowerCase().contains("reason"), page.refusal());
        assertTrue(realm.adminGet("/users/" + leaver).get("enabled").asBoolean(), "a refused deactivation changes nothing");

        assertEquals("Test ws-leaver", page.pageTitle(), "titled with the person's name, not an id");
        assertEquals("enabled", page.state());
        assertFalse(page.offers("reactivate"), "only the action that applies");
        String question = page.deactivate("left the company");
        assertTrue(question.contains("Test ws-leaver"), "the confirmation names who: " + question);
        page.awaitDone("Deactivated:");
        // The history says it at once: who (by name, not an id), when (in the reader's locale, to the minute), why.
        String[] newest = page.awaitNewestHistory("deactivated");
        String when = DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm a", Locale.ENGLISH)
                .format(Instant.parse(newest[1]).atZone(ZoneOffset.UTC));
        assertEquals(when + ": Ada Operator deactivated them — reason: left the company", normalized(newest[0]));
        assertFalse(realm.adminGet("/users/" + leaver).get("enabled").asBoolean());
        assertEquals(400, refresh(refreshToken).status(), "the person's session has ended");

        // Coming back later, the page says so, with when, by whom and why, and offers only Reactivate.
        page.reloadPage();
        assertEquals("deactivated", page.state());
        String state = page.stateText();
        assertTrue(state.contains("Deactivated") && state.contains("left the company")
                && state.contains(operator), state);
        assertFalse(page.offers("deactivate"), "only the action that applies");
        page.screenshotForDocs("person-deactivated");

        page.reactivate("rehired");
        page.awaitDone("Reactivated:");
        assertTrue(realm.adminGet("/users/" + leaver).get("enabled").asBoolean());
        assertTrue(normalized(page.awaitNewestHistory("reactivated")[0]).endsWith(": Ada Operator reactivated them — reason: rehired"),
                page.history()::toString);
        assertTrue(page.history().stream().noneMatch(line -> line.matches(".*[0-9a-f]{8}-[0-9a-f]{4}-.*")), "no id in the history");
    }

    /** Chromium writes a narrow no-break space before AM/PM. */
    private static String normalized(String text) {
        return text.replace('\u202f', ' ').replace('\u00a0', ' ');
    }

    private Http.Response refresh(String refreshToken) {
        return Http.postForm(realm.url("/protocol/openid-connect/token"), Map.of(
                "grant_type", "refresh_token", "client_id", Realm.TEST_CLIENT, "client_secret", Realm.TEST_CLIENT_SECRET,
                "refresh_token", refreshToken));
    }
}
