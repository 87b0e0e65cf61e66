package com.maintenanceaccess.it.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.authorization.Authz;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Realm;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Access reviews with recorded decisions (issue 25, item 2; docs/access-review.md): a review from
 * start to close with a removal applied, each item decided by its reviewer only, nobody deciding
 * their own access, another account's administrator 404, the auditor's CSV and trail export.
 */
class AccessReviewDecisionsIT {

    private final Realm realm = Realm.maintenance();
    private final Authz authz = new Authz(realm);

    @Test
    void aReviewFromStartToCloseRemovesWhatWasDecidedAndRecordsEveryDecision() {
        String account = realm.createAccount("reviews", true, Map.of());
        String alias = realm.adminGet("/organizations/" + account).get("alias").asText();
        String other = realm.createAccount("reviews-other", true, Map.of());
        String ada = realm.accountPerson(account, "rv-ada", "account-administrator");
        String cora = realm.accountPerson(account, "rv-cora", "compliance-officer");
        String auditor = realm.accountPerson(account, "rv-auditor", "auditor");
        String adminOther = realm.accountPerson(other, "rv-admin-other", "account-administrator");
        String tech = realm.accountPerson(account, "rv-tech");
        realm.grantTemplate(account, tech, "technician");
        String record = authz.grant(realm.userToken(cora), tech, Authz.crs("RV-" + tech.substring(0, 8).toUpperCase()))
                .get("id").asText();
        String reviews = realm.url("/mx/accounts/" + alias + "/reviews");
        String adaToken = realm.userToken(ada);
        String coraToken = realm.userToken(cora);

        // Who starts: the account's administrator; another account's is 404, the auditor 403.
        assertEquals(404, Http.postJson(reviews, realm.userToken(adminOther), Map.of()).status());
        assertEquals(403, Http.postJson(reviews, realm.userToken(auditor), Map.of()).status());
        Http.Response started = Http.postJson(reviews, adaToken, Map.of("days", 14));
        assertEquals(201, started.status(), started::toString);
        JsonNode review = started.json();
        String id = review.get("id").asText();
        int template = itemNo(review, tech, "template", "technician");
        int authorization = itemNo(review, tech, "authorization", record);
        int adasRole = itemNo(review, ada, "account-role", "account-administrator");
        itemNo(review, cora, "account-role", "compliance-officer");
        String items = reviews + "/" + id + "/items/";

        // Each item by its reviewer, with a comment; bad input names the field and changes nothing.
        Http.Response vague = Http.postJson(items + template + "/decision", adaToken, Map.of("decision", "maybe", "comment", "x"));
        assertEquals(400, vague.status(), vague::toString);
        assertEquals("decision", vague.json().get("problems").get(0).get("field").asText());
        Http.Response silent = Http.postJson(items + template + "/decision", adaToken, Map.of("decision", "remove"));
        assertEquals("comment", silent.json().get("problems").get(0).get("field").asText(), silent::toString);
        Http.Response removed = Http.postJson(items + template + "/decision", adaToken,
                Map.of("decision", "remove", "comment", "moved to stores"));
        assertEquals(200, removed.status(), removed::toString);
        assertEquals("remove", removed.json().get("decision").asText());
        assertEquals(409, Http.postJson(items + template + "/decision", adaToken,
                Map.of("decision", "keep", "comment", "changed my mind")).status(), "decided once");
        Http.Response notHers = Http.postJson(items + authorization + "/decision", adaToken,
                Map.of("decision", "remove", "comment", "x"));
        assertEquals(403, notHers.status(), "authorizations are the compliance officer's: " + notHers);
        assertEquals(200, Http.postJson(items + authorization + "/decision", coraToken,
                Map.of("decision", "keep", "comment", "licence and recency checked")).status());
        Http.Response own = Http.postJson(items + adasRole + "/decision", adaToken, Map.of("decision", "keep", "comment", "me"));
        assertEquals(403, own.status(), own::toString);
        assertTrue(own.json().get("error_description").asText().contains("own access"), own::toString);
        assertEquals(404, Http.postJson(items + adasRole + "/decision", realm.userToken(adminOther),
                Map.of("decision", "remove", "comment", "x")).status(), "another account's administrator");
        assertEquals(404, Http.get(reviews + "/" + id, realm.userToken(adminOther)).status());

        // The close applies the removal; undecided items follow the account's setting (keep).
        assertEquals(403, Http.postJson(reviews + "/" + id + "/close", coraToken, Map.of()).status());
        Http.Response closed = Http.postJson(reviews + "/" + id + "/close", adaToken, Map.of());
        assertEquals(200, closed.status(), closed::toString);
        assertEquals("closed", closed.json().get("status").asText());
        assertFalse(realm.templatesIn(account, tech).contains("technician"), "the template was removed");
        assertEquals("active", authz.list(coraToken, tech).get(0).get("status").asText(), "kept");
        assertEquals("removed", item(closed.json(), template).get("outcome").asText());
        assertEquals("kept", item(closed.json(), adasRole).get("outcome").asText());
        assertEquals(409, Http.postJson(reviews + "/" + id + "/close", adaToken, Map.of()).status());
        assertEquals(409, Http.postJson(items + authorization + "/decision", coraToken,
                Map.of("decision", "remove", "comment", "late")).status(), "closed: nothing more is decided");

        // The auditor reads and exports every decision, in CSV and in the account's trail export.
        String auditorToken = realm.userToken(auditor);
        Http.Response csv = Http.get(reviews + "/" + id + "/export", auditorToken);
        assertEquals(200, csv.status(), csv::toString);
        assertTrue(csv.body().contains("moved to stores") && csv.body().contains("licence and recency checked"), csv.body());
        assertTrue(csv.body().contains("\"remove\",\"moved to stores\"") && csv.body().contains(",\"removed\""), csv.body());
        Http.Response trail = Http.get(realm.url("/mx/trail/export?account=" + alias), auditorToken);
        assertEquals(200, trail.status(), trail::toString);
        assertTrue(trail.body().contains("access-review-decision") && trail.body().contains("moved to stores"), trail.body());
        assertTrue(trail.body().contains("access-review-closed"), trail.body());
    }

    private static int itemNo(JsonNode review, String personId, String kind, String value) {
        for (JsonNode item : review.get("items")) {
            if (item.get("personId").asText().equals(personId) && item.get("kind").asText().equals(kind)
                    && item.get("value").asText().equals(value)) {
                return item.get("no").asInt();
            }
        }
        throw new AssertionError("no " + kind + " " + value + " of " + personId + " in " + review);
    }

    private static JsonNode item(JsonNode review, int no) {
        for (JsonNode item : review.get("items")) {
            if (item.get("no").asInt() == no) {
                return item;
            }
        }
        throw new AssertionError("no item " + no);
    }
}
