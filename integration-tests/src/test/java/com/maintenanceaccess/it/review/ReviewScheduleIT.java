package com.maintenanceaccess.it.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.authorization.Authz;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Mail;
import com.maintenanceaccess.it.support.Realm;
import com.maintenanceaccess.it.support.ServerClock;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The access reviews' schedule and job (issue 25, item 2; docs/access-review.md, "The schedule and
 * the job"), on the tests' clock through the notice job's run: an account with
 * {@code mx.review.every-months} 6 gets its first review on the next run and no second one on the run
 * after; reviewers with open items are reminded 7 days and 1 day before the end, once per review and
 * day, each in their language, and a reviewer with nothing left to decide is not; at the end date
 * the job closes the review and undecided items follow {@code mx.review.undecided} (remove), decided
 * ones their decision, exactly once; six months after the first start the next review starts, once.
 */
// Alone, no other test class beside it: it moves the bundle's clock (ServerClock), which every test on the server reads.
@Isolated
class ReviewScheduleIT {

    private final Realm realm = Realm.maintenance();
    private final Authz authz = new Authz(realm);

    @Test
    void theScheduleStartsRemindsAndClosesEachExactlyOnce() throws Exception {
        String operatorId = realm.createUser("rv-job-operator", Map.of());
        realm.grantRealmManagement(operatorId, "manage-realm", "view-realm");
        String account = realm.createAccount("rv-schedule", true,
                Map.of("mx.review.every-months", List.of("6"), "mx.review.undecided", List.of("remove")));
        String alias = realm.adminGet("/organizations/" + account).get("alias").asText();
        String quiet = realm.createAccount("rv-schedule-off", true, Map.of());
        String quietAlias = realm.adminGet("/organizations/" + quiet).get("alias").asText();
        String ada = person(account, "rv-job-ada", "Ada", Map.of(), "account-administrator");
        String cora = person(account, "rv-job-cora", "Cora", Map.of("locale", List.of("de")), "compliance-officer");
        String tess = person(account, "rv-job-tess", "Tess", Map.of());
        realm.grantTemplate(account, tess, "technician");
        String record = authz.grant(realm.userToken(cora), tess, Authz.crs("RV-JOB-" + tess.substring(0, 6).toUpperCase()))
                .get("id").asText();
        String quietAdmin = person(quiet, "rv-job-quiet", "Quentin", Map.of(), "account-administrator");
        String reviews = realm.url("/mx/accounts/" + alias + "/reviews");
        // Reads after the close: the close removes the undecided account roles of ada and cora as well.
        String reader = realm.createUser("rv-job-reader", Map.of());
        realm.grantRealmManagement(reader, "view-users");
        realm.grantRealmRole(reader, "personnel-authorizations:view");
        String english = "Access review of " + alias + ": items wait for your decision";
        String german = "Zugriffsprüfung von " + alias + ": Einträge warten auf Ihre Entscheidung";

        // The first run starts the account's first review; the next run starts none.
        run(operatorId);
        JsonNode list = list(reviews, ada);
        assertEquals(1, list.size(), list::toString);
        assertTrue(list.get(0).get("scheduled").asBoolean(), list::toString);
        String id = list.get(0).get("id").asText();
        run(operatorId);
        assertEquals(1, list(reviews, ada).size(), "exactly once");
        assertEquals(0, list(realm.url("/mx/accounts/" + quietAlias + "/reviews"), quietAdmin).size(), "the schedule is off there");
        JsonNode review = get(reviews + "/" + id, ada);
        int authorization = itemNo(review, tess, "authorization", record);

        // 7 days before the end: both reviewers, each in their language, once.
        try (ServerClock later = ServerClock.ahead(realm.server(), Duration.ofDays(23).plusHours(12))) {
            run(operatorId);
            assertEquals(List.of(english), subjects(ada));
            assertEquals(List.of(german), subjects(cora));
            String text = body(Mail.last(email(ada)).orElseThrow());
            assertTrue(text.contains("has 2 items that wait for your decision"), text); // tess's template and cora's role
            run(operatorId);
            assertEquals(1, subjects(ada).size(), "once per review and reminder day");
            assertEquals(1, subjects(cora).size());
        }
        Http.Response kept = Http.postJson(reviews + "/" + id + "/items/" + authorization + "/decision", realm.userToken(cora),
                Map.of("decision", "keep", "comment", "licence checked"));
        assertEquals(200, kept.status(), kept::toString);

        // 1 day before: the administrator again; the officer has nothing left to decide.
        try (ServerClock later = ServerClock.ahead(realm.server(), Duration.ofDays(29).plusHours(12))) {
            run(operatorId);
            run(operatorId);
            assertEquals(List.of(english, english), subjects(ada));
            assertEquals(List.of(german), subjects(cora));
        }

        // At the end date the job closes it: undecided items removed (the account's setting), the kept record stays.
        try (ServerClock later = ServerClock.ahead(realm.server(), Duration.ofDays(30).plusHours(1))) {
            run(operatorId);
            JsonNode closed = get(reviews + "/" + id, reader);
            assertEquals("closed", closed.get("status").asText(), closed::toString);
            String closedAt = closed.get("closedAt").asText();
            assertEquals("removed", item(closed, tess, "template").get("outcome").asText());
            assertEquals("kept", item(closed, tess, "authorization").get("outcome").asText());
            assertFalse(realm.templatesIn(account, tess).contains("technician"), "the undecided template was removed");
            assertEquals("active", authz.list(realm.userToken(reader), tess).get(0).get("status").asText());
            // Except the administrator role: only a decision takes an account's administrator away (ReviewRules.atClose).
            assertEquals("kept", item(closed, ada, "account-role").get("outcome").asText(), "an undecided administrator role is kept");
            run(operatorId);
            assertEquals(closedAt, get(reviews + "/" + id, reader).get("closedAt").asText(), "closed once");
            Http.Response trail = Http.get(realm.url("/mx/trail/export?account=" + alias), realm.userToken(reader));
            assertEquals(200, trail.status(), trail::toString);
            assertEquals(1, count(trail.body(), "access-review-closed"), "one close in the trail");
            assertEquals(2, subjects(ada).size(), "no reminder for a closed review");
        }

        // Six months after the first start the next review starts, once.
        try (ServerClock later = ServerClock.ahead(realm.server(), Duration.ofDays(184))) {
            run(operatorId);
            run(operatorId);
            JsonNode after = list(reviews, reader);
            assertEquals(2, after.size(), after::toString);
            assertEquals("open", after.get(0).get("status").asText());
            assertTrue(after.get(0).get("scheduled").asBoolean());
        }
    }

    private String person(String account, String prefix, String first, Map<String, Object> attributes, String... roles) {
        String id = realm.createUser(prefix, Map.of("firstName", first, "attributes", attributes));
        realm.addMember(account, id);
        for (String role : roles) {
            realm.grantAccountRole(account, id, role);
        }
        return id;
    }

    private void run(String operatorId) {
        Http.Response response = Http.postJson(realm.url("/mx/notifications/run"), realm.userToken(operatorId), Map.of());
        assertEquals(200, response.status(), response::toString);
        assertEquals(0, response.json().get("failed").asInt(), response::toString);
    }

    private JsonNode list(String url, String userId) {
        Http.Response response = Http.get(url, realm.userToken(userId));
        assertEquals(200, response.status(), response::toString);
        return response.json();
    }

    private JsonNode get(String url, String userId) {
        return list(url, userId);
    }

    private String email(String userId) {
        return realm.adminGet("/users/" + userId).get("email").asText();
    }

    /** The subjects of the review reminders the person got. */
    private List<String> subjects(String userId) throws Exception {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : Mail.to(email(userId))) {
            if (message.getSubject().contains("review") || message.getSubject().contains("Zugriffsprüfung")) {
                subjects.add(message.getSubject());
            }
        }
        return subjects;
    }

    private static String body(MimeMessage message) throws Exception {
        Object content = message.getContent();
        if (content instanceof jakarta.mail.Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                Object part = multipart.getBodyPart(i).getContent();
                text.append(part instanceof jakarta.mail.Multipart inner ? inner.getBodyPart(0).getContent() : part);
            }
            return text.toString();
        }
        return String.valueOf(content);
    }

    private static int count(String text, String word) {
        int count = 0;
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            count++;
        }
        return count;
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

    private static JsonNode item(JsonNode review, String personId, String kind) {
        for (JsonNode item : review.get("items")) {
            if (item.get("personId").asText().equals(personId) && item.get("kind").asText().equals(kind)) {
                return item;
            }
        }
        throw new AssertionError("no " + kind + " of " + personId + " in " + review);
    }
}
