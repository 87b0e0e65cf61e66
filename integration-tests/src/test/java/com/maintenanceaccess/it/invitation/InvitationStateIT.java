package com.maintenanceaccess.it.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Mail;
import com.maintenanceaccess.it.support.Realm;
import com.maintenanceaccess.it.support.Visitor;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Issue 15, items 6, 8, 9, 10: the invitation state and the required action never disagree,
 * console edits cannot revive a dead link, and a revoke or resend racing the acceptance is a
 * compare-and-set: exactly one wins, the other answers 409.
 */
// Alone, no other test class beside it: it changes the realm's mail server.
@Isolated
class InvitationStateIT {

    private static final String ACTION = "mx-accept-invitation";

    private final InvitationSupport it = new InvitationSupport();
    private final Realm realm = it.realm;

    @Test
    void removingTheRequiredActionInTheConsoleEndsTheInvitationAndKillsTheLink() throws Exception {
        String userId = it.invitee("inv-noaction", Map.of());
        String email = it.email(userId);
        assertEquals(201, it.invite(userId, null, null).status());
        String link = InvitationSupport.link(email, 1);

        // The administrator's console edit: required actions cleared, then a password set.
        ObjectNode user = (ObjectNode) realm.adminGet("/users/" + userId);
        user.putArray("requiredActions");
        assertEquals(204, Http.putJson(realm.adminUrl("/users/" + userId), realm.adminToken(), user).status());
        assertEquals(204, Http.putJson(realm.adminUrl("/users/" + userId + "/reset-password"), realm.adminToken(),
                Map.of("type", "password", "value", Realm.TEST_PASSWORD, "temporary", false)).status());

        JsonNode invitation = it.invitation(userId);
        assertEquals("revoked", invitation.get("status").asText(), invitation::toString);
        assertTrue(invitation.get("history").toString().contains("required-action-removed"), invitation::toString);
        for (int i = 0; i < 3; i++) {
            Http.Response page = Http.get(link, null);
            assertEquals(400, page.status(), "the link never logs in again: " + page);
            assertTrue(page.body().contains("mx-invitation-unusable"), page::body);
        }
        JsonNode events = realm.adminGet("/admin-events?resourcePath="
                + URLEncoder.encode("mx/invitations/" + userId, StandardCharsets.UTF_8) + "&max=20");
        String kinds = events.toString();
        assertTrue(kinds.contains("required-action-removed"), kinds);
    }

    @Test
    void aLinkKilledByAConsoleAddressChangeStaysDeadWhenTheAddressIsRestored() throws Exception {
        String userId = it.invitee("inv-restore", Map.of());
        String email = it.email(userId);
        assertEquals(201, it.invite(userId, null, null).status());
        String link = InvitationSupport.link(email, 1);

        setEmail(userId, InvitationSupport.unique("elsewhere") + "@mro.example");
        assertEquals(400, Http.get(link, null).status(), "the address change kills the link");
        setEmail(userId, email);
        Http.Response again = Http.get(link, null);
        assertEquals(400, again.status(), "a dead link stays dead: " + again);
        assertTrue(it.invitation(userId).get("history").toString().contains("link-killed"));

        Http.Response resent = Http.postJson(it.api("/" + userId + "/resend"), it.adminToken(), Map.of());
        assertEquals(200, resent.status(), resent::toString);
        assertEquals(302, InvitationSupport.accept(InvitationSupport.link(email, 2), InvitationSupport.GOOD_PASSWORD)
                .statusCode(), "a resend gives a working link");
    }

    @Test
    void aUserWhoCannotLogInFailsTheReviewAndAddingTheActionLaterSendsTheInvitation() throws Exception {
        // Created with the required action while SMTP was down: no invitation, no link.
        String userId = withSmtpDown(() -> it.invitee("inv-nomail", Map.of("requiredActions", List.of(ACTION))));
        String email = it.email(userId);
        assertEquals(404, Http.get(it.api("/" + userId), it.adminToken()).status(), "no invitation was recorded");

        JsonNode review = Http.get(realm.url("/mx/users/" + userId + "/review"), it.adminToken()).json();
        assertFalse(review.get("complete").asBoolean(), review::toString);
        JsonNode check = check(review, "invitation-accepted");
        assertFalse(check.get("passed").asBoolean(), review::toString);
        assertTrue(check.get("evidence").asText().contains("cannot log in"), check::toString);

        // The retry: the action is added again (the console's "Required user actions").
        ObjectNode user = (ObjectNode) realm.adminGet("/users/" + userId);
        user.putArray("requiredActions");
        assertEquals(204, Http.putJson(realm.adminUrl("/users/" + userId), realm.adminToken(), user).status());
        user.putArray("requiredActions").add(ACTION);
        assertEquals(204, Http.putJson(realm.adminUrl("/users/" + userId), realm.adminToken(), user).status());
        String link = InvitationSupport.link(email, 1);
        // The retry's mail arrived, so mail flows again: had the creation sent one, it would be here too.
        assertEquals(1, Mail.to(email).size(), "only the retry's mail, none from the creation while SMTP was down");
        assertEquals("pending", it.invitation(userId).get("status").asText());
        assertEquals(302, InvitationSupport.accept(link, InvitationSupport.GOOD_PASSWORD).statusCode());
    }

    @Test
    void aRevokeRacingTheAcceptanceIsACompareAndSet() throws Exception {
        int accepted = 0;
        int revoked = 0;
        for (int round = 0; round < 6; round++) {
            String userId = it.invitee("inv-race", Map.of());
            String email = it.email(userId);
            assertEquals(201, it.invite(userId, null, null).status());
            Outcome outcome = race(InvitationSupport.link(email, 1), DELAYS_MS[round],
                    () -> Http.postJson(it.api("/" + userId + "/revoke"), it.adminToken(), null));
            String status = it.invitation(userId).get("status").asText();
            if (outcome.accepted()) {
                assertEquals(409, outcome.other().status(), "the revoke lost and says so: " + outcome.other());
                assertEquals("accepted", status);
                accepted++;
            } else {
                assertEquals(200, outcome.other().status(), outcome.other()::toString);
                assertEquals("revoked", status, "the revoke that answered 200 is what is stored");
                assertNotEquals(200, Http.postForm(realm.url("/protocol/openid-connect/token"), Map.of("grant_type", "password",
                        "client_id", Realm.TEST_CLIENT, "client_secret", Realm.TEST_CLIENT_SECRET,
                        "username", realm.username(userId), "password", InvitationSupport.GOOD_PASSWORD)).status(),
                        "the revoked invitee does not log in");
                revoked++;
            }
        }
        assertEquals(6, accepted + revoked);
    }

    @Test
    void aResendRacingTheAcceptanceIsACompareAndSet() throws Exception {
        for (int round = 0; round < 3; round++) {
            String userId = it.invitee("inv-rerace", Map.of());
            String email = it.email(userId);
            assertEquals(201, it.invite(userId, null, null).status());
            Outcome outcome = race(InvitationSupport.link(email, 1), DELAYS_MS[round * 2],
                    () -> Http.postJson(it.api("/" + userId + "/resend"), it.adminToken(), Map.of()));
            String status = it.invitation(userId).get("status").asText();
            if (outcome.accepted()) {
                assertEquals(409, outcome.other().status(), outcome.other()::toString);
                assertEquals("accepted", status);
            } else {
                assertEquals(200, outcome.other().status(), outcome.other()::toString);
                assertEquals("pending", status, "the resend's new link is what is stored");
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private record Outcome(boolean accepted, Http.Response other) {
    }

    /**
     * How long after the password submission the competitor starts, per round: from the same
     * moment to well inside the acceptance's password hashing, where a lost update used to land.
     */
    private static final long[] DELAYS_MS = {0, 50, 100, 200, 300, 450};

    /** Opens the link, then submits the password and, {@code delayMs} later, runs {@code other}. */
    private static Outcome race(String link, long delayMs, java.util.concurrent.Callable<Http.Response> other)
            throws Exception {
        Visitor visitor = new Visitor();
        HttpResponse<String> page = visitor.get(link);
        assertEquals(200, page.statusCode(), page::body);
        String action = InvitationSupport.acceptFormAction(page.body());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Future<HttpResponse<String>> accept = pool.submit(() -> {
                start.await();
                return visitor.postForm(action, Map.of("password-new", InvitationSupport.GOOD_PASSWORD,
                        "password-confirm", InvitationSupport.GOOD_PASSWORD));
            });
            Future<Http.Response> competitor = pool.submit(() -> {
                start.await();
                Thread.sleep(delayMs);
                return other.call();
            });
            start.countDown();
            HttpResponse<String> accepted = accept.get(2, TimeUnit.MINUTES);
            Http.Response answer = competitor.get(2, TimeUnit.MINUTES);
            boolean won = accepted.statusCode() == 302
                    && accepted.headers().firstValue("Location").orElse("").contains("code=");
            if (!won) {
                assertEquals(400, accepted.statusCode(), accepted::body);
                assertTrue(accepted.body().contains("mx-invitation-unusable"), accepted::body);
            }
            assertNotEquals(won, answer.status() == 200, "exactly one of the two wins: accept " + won + ", other " + answer);
            return new Outcome(won, answer);
        } finally {
            pool.shutdown();
        }
    }

    private void setEmail(String userId, String email) {
        ObjectNode user = (ObjectNode) realm.adminGet("/users/" + userId);
        user.put("email", email);
        assertEquals(204, Http.putJson(realm.adminUrl("/users/" + userId), realm.adminToken(), user).status());
    }

    private static JsonNode check(JsonNode review, String id) {
        for (JsonNode check : review.get("checks")) {
            if (check.get("id").asText().equals(id)) {
                return check;
            }
        }
        throw new AssertionError("no check " + id + " in " + review);
    }

    private <T> T withSmtpDown(java.util.function.Supplier<T> call) {
        String realmUrl = realm.server().baseUrl() + "/admin/realms/" + Realm.NAME;
        JsonNode smtp = realm.adminGet("").get("smtpServer").deepCopy();
        ObjectNode down = smtp.deepCopy();
        down.put("host", "127.0.0.1");
        down.put("port", "9");
        assertEquals(204, Http.putJson(realmUrl, realm.adminToken(), Map.of("smtpServer", down)).status());
        try {
            return call.get();
        } finally {
            assertEquals(204, Http.putJson(realmUrl, realm.adminToken(), Map.of("smtpServer", smtp)).status());
        }
    }
}
