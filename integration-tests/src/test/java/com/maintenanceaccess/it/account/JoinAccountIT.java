package com.maintenanceaccess.it.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.maintenanceaccess.it.invitation.InvitationSupport;
import com.maintenanceaccess.it.support.AppLogin;
import com.maintenanceaccess.it.support.Browser;
import com.maintenanceaccess.it.support.BrowserExtension;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Realm;
import com.maintenanceaccess.it.support.pages.LoginPage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Bringing a person who already exists (B's contractor) into account A (issue 22, item 5), in
 * Chromium: A's administrator adds the address, the person follows the mailed link, signs in with
 * their own password, confirms, and is then a member of A with the templates A's administrator
 * asked for, in A only. Somebody else's sign-in with the link changes nothing. And the people API
 * answers for an address that existed exactly as for a new one (no enumeration, item 2).
 */
class JoinAccountIT {

    @RegisterExtension
    final BrowserExtension browsers = new BrowserExtension();

    private final Realm realm = Realm.maintenance();
    private String accountA;
    private String aliasA;
    private String nameA;
    private String accountB;
    private String aliasB;
    private String nameB;
    private String adminA;
    private String cole;
    private String coleEmail;

    @BeforeEach
    void twoAccountsAndBsPerson() {
        accountA = realm.createAccount("join-a", true, Map.of());
        accountB = realm.createAccount("join-b", true, Map.of());
        JsonNode a = realm.adminGet("/organizations/" + accountA);
        JsonNode b = realm.adminGet("/organizations/" + accountB);
        aliasA = a.get("alias").asText();
        nameA = a.get("name").asText();
        aliasB = b.get("alias").asText();
        nameB = b.get("name").asText();
        adminA = realm.accountPerson(accountA, "admin-a", "account-administrator");
        cole = realm.accountPerson(accountB, "cole");
        realm.grantTemplate(accountB, cole, "stores");
        coleEmail = realm.adminGet("/users/" + cole).get("email").asText();
    }

    @Test
    void thePersonSignsInWithTheirOwnPasswordConfirmsAndHoldsAsTemplatesInAOnly() throws Exception {
        Http.Response added = addToA(coleEmail, List.of("planner"));
        assertEquals(201, added.status(), added::toString);
        String answeredId = added.json().get("id").asText();
        Http.Response role = Http.putJson(people(accountA) + "/" + answeredId + "/account-roles", realm.userToken(adminA),
                Map.of("roles", List.of("auditor")));
        assertEquals(200, role.status(), role::toString);
        assertNotEquals(cole, answeredId, "the answer does not hand out the existing person's id");
        String link = InvitationSupport.link(coleEmail, 1);

        ChromeDriver browser = browsers.driver();
        browser.get(link);
        // The link signs nobody in: the login page, and nothing changed yet.
        new LoginPage(browser).await();
        assertFalse(isMember(accountA, cole));
        new LoginPage(browser).signIn(realm.username(cole), Realm.TEST_PASSWORD);

        String page = Browser.await(browser, By.id("mx-join")).getText();
        assertTrue(page.contains(nameA), page);
        assertTrue(page.contains("planner"), page);
        assertFalse(page.contains(nameB) || page.contains("stores"), "nothing of B on A's page: " + page);
        assertFalse(isMember(accountA, cole), "signing in alone does not join");
        browser.findElement(By.id("mx-join-confirm")).click();
        awaitMember(accountA, cole);

        assertEquals(List.of("planner"), realm.templatesIn(accountA, cole));
        assertEquals(List.of("stores"), realm.templatesIn(accountB, cole), "B's side is untouched");
        assertTrue(isMember(accountB, cole));

        Set<String> forA = perms("openid organization:" + aliasA);
        assertTrue(forA.contains("workorders:create"), forA::toString);
        assertFalse(forA.contains("inventory:create"), "B's stores in A's token: " + forA);
        Set<String> forB = perms("openid organization:" + aliasB);
        assertTrue(forB.contains("inventory:create"), forB::toString);
        assertFalse(forB.contains("workorders:create"), "A's planner in B's token: " + forB);

        // A's administrator now sees the member (by their id); the invitation's id is done.
        Http.Response member = Http.get(people(accountA) + "/" + cole, realm.userToken(adminA));
        assertEquals(200, member.status(), member::toString);
        assertEquals(List.of("planner"), strings(member.json().get("templates")));
        assertEquals(List.of("auditor"), strings(member.json().get("accountRoles")), "the account role waited for the join");
        assertEquals(404, Http.get(people(accountA) + "/" + answeredId, realm.userToken(adminA)).status());

        // The link was used: a second use (another browser) gets the one unusable page.
        ChromeDriver again = browsers.driver("again");
        again.get(link);
        assertTrue(Browser.await(again, By.id("mx-invitation-unusable")).isDisplayed());
    }

    @Test
    void somebodyElseSigningInWithTheLinkMakesNobodyAMember() throws Exception {
        String other = realm.accountPerson(accountB, "other");
        assertEquals(201, addToA(coleEmail, List.of("planner")).status());
        String link = InvitationSupport.link(coleEmail, 1);

        ChromeDriver browser = browsers.driver();
        browser.get(link);
        new LoginPage(browser).signIn(realm.username(other), Realm.TEST_PASSWORD);
        String refused = Browser.await(browser, By.id("mx-invitation-unusable")).getText();
        assertTrue(refused.contains("somebody else") || refused.contains("another person"), refused);
        assertFalse(refused.contains(realm.username(cole)) || refused.contains(coleEmail), "names nobody: " + refused);
        assertTrue(browser.findElements(By.id("mx-join-confirm")).isEmpty());
        assertFalse(isMember(accountA, cole));
        assertFalse(isMember(accountA, other));
        assertEquals(List.of(), realm.templatesIn(accountA, other));

        // The refusal changed nothing: the invited person can still accept with the same link.
        ChromeDriver own = browsers.driver("cole");
        own.get(link);
        new LoginPage(own).signIn(realm.username(cole), Realm.TEST_PASSWORD);
        Browser.await(own, By.id("mx-join-confirm")).click();
        awaitMember(accountA, cole);
        assertFalse(isMember(accountA, other));
        assertEquals(List.of("planner"), realm.templatesIn(accountA, cole));
    }

    @Test
    void anAddressThatExistsIsAnsweredAsANewOneAndStaysIndistinguishable() throws Exception {
        String fresh = "fresh-" + UUID.randomUUID().toString().substring(0, 8) + "@mro.example";
        String token = realm.userToken(adminA);

        Http.Response forExisting = addToA(coleEmail, List.of("planner"));
        Http.Response forNew = addToA(fresh, List.of("planner"));
        assertEquals(201, forExisting.status(), forExisting::toString);
        assertEquals(201, forNew.status(), forNew::toString);
        assertEquals(shape(forNew.json(), fresh), shape(forExisting.json(), coleEmail), "the same answer, but for the address");
        assertNoTraceOfB(forExisting.body());
        String existingId = forExisting.json().get("id").asText();
        String newId = forNew.json().get("id").asText();

        // GET with the answered id: the same status and shape (history included).
        Http.Response getExisting = Http.get(people(accountA) + "/" + existingId, token);
        Http.Response getNew = Http.get(people(accountA) + "/" + newId, token);
        assertEquals(200, getExisting.status(), getExisting::toString);
        assertEquals(200, getNew.status(), getNew::toString);
        assertEquals(shape(getNew.json(), fresh), shape(getExisting.json(), coleEmail));
        assertNoTraceOfB(getExisting.body());

        // Both are listed as invited people of A.
        Http.Response invited = Http.get(people(accountA) + "?state=invited&max=100", token);
        assertEquals(200, invited.status(), invited::toString);
        List<String> ids = new ArrayList<>();
        invited.json().get("people").forEach(p -> ids.add(p.get("id").asText()));
        assertTrue(ids.contains(existingId) && ids.contains(newId), ids::toString);
        Http.Response all = Http.get(people(accountA) + "?max=100", token);
        assertEquals(3, all.json().get("total").asInt(), all::toString); // the administrator and the two; nobody of B
        assertNoTraceOfB(all.body());

        // Adding the same address again: the same refusal for both.
        Http.Response againExisting = addToA(coleEmail, List.of());
        Http.Response againNew = addToA(fresh, List.of());
        assertEquals(againNew.status(), againExisting.status(), againExisting::toString);
        assertEquals(againNew.body().replace(fresh, "EMAIL"), againExisting.body().replace(coleEmail, "EMAIL"));

        // Changing the templates: the same answer.
        Http.Response tplExisting = Http.putJson(people(accountA) + "/" + existingId + "/templates", token,
                Map.of("templates", List.of("purchasing")));
        Http.Response tplNew = Http.putJson(people(accountA) + "/" + newId + "/templates", token,
                Map.of("templates", List.of("purchasing")));
        assertEquals(200, tplExisting.status(), tplExisting::toString);
        assertEquals(200, tplNew.status(), tplNew::toString);
        assertEquals(shape(tplNew.json(), fresh), shape(tplExisting.json(), coleEmail));
        assertEquals(List.of("stores"), realm.templatesIn(accountB, cole), "B's side is untouched");

        // Account roles: the same answer.
        Http.Response rolesExisting = Http.putJson(people(accountA) + "/" + existingId + "/account-roles", token,
                Map.of("roles", List.of("auditor")));
        Http.Response rolesNew = Http.putJson(people(accountA) + "/" + newId + "/account-roles", token,
                Map.of("roles", List.of("auditor")));
        assertEquals(200, rolesExisting.status(), rolesExisting::toString);
        assertEquals(200, rolesNew.status(), rolesNew::toString);
        assertEquals(shape(rolesNew.json(), fresh), shape(rolesExisting.json(), coleEmail));

        // Removing: 204 for both, then 404 for both; the person stays in B.
        assertEquals(204, Http.delete(people(accountA) + "/" + existingId, token).status());
        assertEquals(204, Http.delete(people(accountA) + "/" + newId, token).status());
        assertEquals(404, Http.get(people(accountA) + "/" + existingId, token).status());
        assertEquals(404, Http.get(people(accountA) + "/" + newId, token).status());
        assertTrue(isMember(accountB, cole));
        assertEquals(List.of("stores"), realm.templatesIn(accountB, cole));
    }

    // ------------------------------------------------------------------------------------

    private Http.Response addToA(String email, List<String> templates) {
        return Http.postJson(people(accountA), realm.userToken(adminA), Map.of("firstName", "Cole", "lastName", "C",
                "email", email, "templates", templates));
    }

    private void assertNoTraceOfB(String body) {
        assertFalse(body.contains(accountB) || body.contains(aliasB) || body.contains(cole)
                || body.contains("\"stores\""), body);
    }

    /** A person's answer without what differs between two people: id, address, times. */
    private static String shape(JsonNode person, String email) {
        ObjectNode copy = person.deepCopy();
        copy.remove("id");
        copy.put("email", copy.get("email").asText().replace(email, "EMAIL"));
        copy.put("username", copy.get("username").asText().replace(email.toLowerCase(), "EMAIL"));
        ObjectNode invitation = (ObjectNode) copy.get("invitation");
        invitation.put("expiresAt", invitation.path("expiresAt").isNull() ? "null" : "T");
        invitation.put("sentAt", invitation.path("sentAt").isNull() ? "null" : "T");
        if (invitation.has("history")) {
            List<String> lines = new ArrayList<>();
            // "<time> sent by=<admin> to=<address> expiresAt=<time> account=<id>": only the times and address differ.
            invitation.get("history").forEach(line -> lines.add(line.asText().replace(email, "EMAIL")
                    .replaceAll("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z", "T")));
            invitation.set("history", new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(lines));
        }
        List<String> keys = new ArrayList<>();
        copy.fieldNames().forEachRemaining(keys::add);
        return keys + " " + copy;
    }

    private String people(String account) {
        return realm.url("/mx/accounts/" + account + "/people");
    }

    private boolean isMember(String account, String userId) {
        return Http.get(realm.adminUrl("/organizations/" + account + "/members/" + userId), realm.adminToken()).status() == 200;
    }

    private void awaitMember(String account, String userId) {
        new WebDriverWait(browsers.driver(), Duration.ofSeconds(20)).until(d -> isMember(account, userId));
    }

    private Set<String> perms(String scope) {
        JsonNode tokens = AppLogin.login(realm.url(""), realm.username(cole), Realm.TEST_PASSWORD, scope);
        return new TreeSet<>(strings(AppLogin.claims(tokens.get("access_token").asText()).get("mx_perms")));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(value -> values.add(value.asText()));
        }
        return values;
    }
}
