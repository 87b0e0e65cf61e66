package com.maintenanceaccess.it.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.authorization.Authz;
import com.maintenanceaccess.it.support.BrowserExtension;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Realm;
import com.maintenanceaccess.it.workspace.pages.ReviewsPage;
import com.maintenanceaccess.it.workspace.pages.SignoffsPage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;

/**
 * Workspace → Reviews (issue 25, item 2, "Done when"), with account roles only: the account
 * administrator (English) starts a review in the browser and decides the template items (a comment
 * is required; her own access is not hers to decide, in words), the compliance officer (German)
 * decides the authorization, the administrator closes it after a confirmation naming the account,
 * the count of undecided items and what happens to them; the removed template is gone from the
 * person, the contractor's templates in the other account are untouched, and the auditor's CSV
 * shows every decision. An administrator of another account gets "does not exist". No ids on the page.
 */
class ReviewsPageIT {

    @RegisterExtension
    final BrowserExtension browser = new BrowserExtension();

    private final Realm realm = Realm.maintenance();
    private final Authz authz = new Authz(realm);

    @Test
    void aReviewFromStartToCloseInTheBrowser() throws Exception {
        String account = realm.createAccount("ws-reviews", true, Map.of());
        String alias = realm.adminGet("/organizations/" + account).get("alias").asText();
        String other = realm.createAccount("ws-reviews-b", true, Map.of());
        String otherAlias = realm.adminGet("/organizations/" + other).get("alias").asText();
        String ada = person(account, "ws-rv-ada", "Ada", "Admin", Map.of(), "account-administrator");
        String cora = person(account, "ws-rv-cora", "Cora", "Compliance", Map.of("locale", List.of("de")), "compliance-officer");
        String auditor = person(account, "ws-rv-audrey", "Audrey", "Auditor", Map.of(), "auditor");
        String tess = person(account, "ws-rv-tess", "Tess", "Technician", Map.of());
        realm.grantTemplate(account, tess, "technician");
        String reference = "RV-WS-" + tess.substring(0, 6).toUpperCase();
        String record = authz.grant(realm.userToken(cora), tess, Authz.crs(reference)).get("id").asText();
        // The contractor: a member of both accounts, a template in each; only A's is in A's review.
        String carl = realm.contractor(account, other, "ws-rv-carl");
        realm.grantTemplate(account, carl, "planner");
        realm.grantTemplate(other, carl, "stores");
        String bob = person(other, "ws-rv-bob", "Bob", "Other", Map.of(), "account-administrator");
        String tessName = realm.username(tess);
        String carlName = realm.username(carl);
        String adaName = realm.username(ada);
        String coraName = realm.username(cora);

        // The administrator starts the review and decides the template items.
        ReviewsPage page = new ReviewsPage(browser.driver(), realm).openList(alias, adaName, Realm.TEST_PASSWORD);
        assertTrue(page.offersStart());
        String id = page.start(14);
        WebElement template = page.item(tessName, "template", "technician");
        assertEquals("Role template Technician", page.what(template), "the template's name in words, as on the People page");
        page.decide(template, "remove", "");
        assertEquals("Say why in a comment before you decide.", page.commentProblem(template));
        assertTrue(undecided(ada, alias, id, tess, "template"), "nothing was recorded without a comment");
        page.decide(page.item(tessName, "template", "technician"), "remove", "moved to stores");
        assertTrue(page.awaitDone("Tess Technician").contains("remove is recorded"), page.done());
        assertTrue(page.awaitDecision(tessName, "template", "technician").contains("Remove"));
        page.decide(page.item(carlName, "template", "planner"), "keep", "still plans A checks");
        assertTrue(page.awaitDecision(carlName, "template", "planner").contains("Keep"));
        WebElement own = page.item(adaName, "account-role", "account-administrator");
        assertFalse(page.offersDecision(own), "her own access is not hers to decide");
        assertEquals("This is your own access: another reviewer of the account decides it.", page.notYours(own));
        WebElement authorization = page.item(tessName, "authorization", reference);
        assertFalse(page.offersDecision(authorization));
        assertEquals("A compliance officer of this account decides this.", page.notYours(authorization));
        assertTrue(page.what(authorization).contains(reference), page.what(authorization));
        assertFalse(page.lists(carlName, "template", "stores"), "nothing of the contractor's other account");
        assertNoIds(page.text(), id, tess, ada, carl, record, account);
        page.screenshotForDocs("review");

        // The compliance officer decides the authorization, in German.
        ReviewsPage officer = new ReviewsPage(browser.driver("cora"), realm).openReview(alias, id, coraName, Realm.TEST_PASSWORD);
        WebElement hers = officer.item(tessName, "authorization", reference);
        assertTrue(officer.what(hers).startsWith("Berechtigung") && officer.what(hers).contains(reference), officer.what(hers));
        assertEquals("Rollenvorlage Technik", officer.what(officer.item(tessName, "template", "technician")));
        assertEquals("Darüber entscheidet die Kontoadministration dieses Kontos.",
                officer.notYours(officer.item(realm.username(auditor), "account-role", "auditor")));
        assertEquals("Das ist Ihr eigener Zugang: Eine andere prüfende Person des Kontos entscheidet darüber.",
                officer.notYours(officer.item(coraName, "account-role", "compliance-officer")));
        officer.decide(hers, "keep", "Lizenz und Erfahrung geprüft");
        assertTrue(officer.awaitDone("Tess Technician").contains("Behalten ist festgehalten"), officer.done());
        assertTrue(officer.awaitDecision(tessName, "authorization", reference).contains("Behalten"));
        assertFalse(officer.offersClose(), "the officer does not close");
        assertNoIds(officer.text(), id, tess, cora, record);

        // The administrator closes: the question names the account, the undecided count and what happens.
        page.go("mx/reviews/" + id + "?account=" + alias);
        page.awaitReview();
        JsonNode before = review(ada, alias, id);
        int open = before.get("undecidedCount").asInt();
        assertTrue(open >= 3, before::toString); // the account roles of ada, cora, audrey
        assertEquals("Close the access review of " + alias + "? " + open + " items are still undecided: they are kept,"
                + " as the account's settings say. Every removal decided is applied now, and nothing can be decided afterwards.",
                page.close(true));
        assertTrue(page.awaitDone("The review is closed").contains("1 removed"), page.done());
        assertEquals("Removed", page.outcome(tessName, "template", "technician"));
        assertEquals("Kept", page.outcome(tessName, "authorization", reference));
        assertTrue(page.state().startsWith("Closed on"), page.state());
        assertFalse(page.offersClose());
        assertFalse(realm.templatesIn(account, tess).contains("technician"), "the removed template is gone from the person");
        assertEquals(List.of("planner"), realm.templatesIn(account, carl));
        assertEquals(List.of("stores"), realm.templatesIn(other, carl), "the other account's template is untouched");
        assertEquals("active", authz.list(realm.userToken(cora), tess).get(0).get("status").asText());

        // The auditor reads it and downloads every decision as CSV.
        Path downloads = Files.createTempDirectory("review-csv");
        ReviewsPage audit = new ReviewsPage(browser.driver("audrey"), realm).downloadsTo(downloads)
                .openReview(alias, id, realm.username(auditor), Realm.TEST_PASSWORD);
        assertFalse(audit.offersClose());
        audit.downloadCsv();
        String csv = SignoffsPage.awaitDownload(downloads, "access-review-" + alias + "-"
                + LocalDate.now(ZoneOffset.UTC) + ".csv");
        for (String expected : List.of("\"remove\",\"moved to stores\",\"" + adaName + "\"",
                "\"keep\",\"still plans A checks\",\"" + adaName + "\"",
                "\"keep\",\"Lizenz und Erfahrung geprüft\",\"" + coraName + "\"", ",\"removed\"")) {
            assertTrue(csv.contains(expected), expected + " in " + csv);
        }
        assertEquals(review(ada, alias, id).get("itemCount").asInt() + 1, csv.split("\r\n").length, csv);

        // Another account's administrator: the review does not exist for him, with either account.
        ReviewsPage stranger = new ReviewsPage(browser.driver("bob"), realm).openReview(alias, id, realm.username(bob), Realm.TEST_PASSWORD);
        assertTrue(stranger.refusal().contains("does not exist"), stranger.refusal());
        stranger.go("mx/reviews/" + id + "?account=" + otherAlias);
        stranger.awaitReview();
        assertTrue(stranger.refusal().contains("does not exist"), stranger.refusal());
        assertFalse(stranger.text().contains("Tess Technician"), stranger.text());
    }

    private String person(String account, String prefix, String first, String last, Map<String, Object> attributes,
            String... roles) {
        String id = realm.createUser(prefix, Map.of("firstName", first, "lastName", last, "attributes", attributes));
        realm.addMember(account, id);
        for (String role : roles) {
            realm.grantAccountRole(account, id, role);
        }
        return id;
    }

    private JsonNode review(String userId, String alias, String id) {
        Http.Response response = Http.get(realm.url("/mx/accounts/" + alias + "/reviews/" + id), realm.userToken(userId));
        assertEquals(200, response.status(), response::toString);
        return response.json();
    }

    private boolean undecided(String userId, String alias, String id, String personId, String kind) {
        for (JsonNode item : review(userId, alias, id).get("items")) {
            if (item.get("personId").asText().equals(personId) && item.get("kind").asText().equals(kind)) {
                return item.get("decision").isNull();
            }
        }
        throw new AssertionError("no " + kind + " item of " + personId);
    }

    private static void assertNoIds(String text, String... ids) {
        for (String id : ids) {
            assertFalse(text.contains(id), "no id on the page: " + id + " in " + text);
        }
        assertFalse(text.contains("/mx/"), "no API path on the page: " + text);
    }
}
