package com.maintenanceaccess.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.maintenanceaccess.it.invitation.InvitationSupport;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Mail;
import com.maintenanceaccess.it.support.Realm;
import com.maintenanceaccess.it.support.SmtpOutage;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * SMTP down while inviting: the administrator gets a clear error, nothing is recorded, no
 * earlier link dies, and once the mail server is back the same invitation can be sent or
 * resent. "Down" is {@link SmtpOutage}: the realm's smtpServer on a closed loopback port.
 */
// Alone, no other test class beside it: it takes the realm's mail server away.
@Isolated
class SmtpFaultIT {

    private final Realm realm = Realm.maintenance();
    private final InvitationSupport invitations = new InvitationSupport();

    @Test
    void anInvitationThatCouldNotBeMailedIsNotRecordedAndCanBeSentLater() throws Exception {
        String invitee = invitations.invitee("smtp-down", Map.of());
        String email = invitations.email(invitee);
        JsonNode userBefore = user(invitee);

        Http.Response failed = withSmtpDown(() -> invitations.invite(invitee, null, null));
        assertEquals(502, failed.status(), failed::toString);
        assertEquals("email_failed", failed.json().get("error").asText(), failed::toString);
        assertFalse(failed.json().path("error_description").asText().isBlank(), failed::toString);
        assertEquals(userBefore, user(invitee), "a failed mail leaves the user as it was");
        assertTrue(Mail.to(email).isEmpty());

        Http.Response sent = invitations.invite(invitee, null, null);
        assertEquals(201, sent.status(), sent::toString);
        assertEquals("pending", sent.json().get("status").asText());
        assertEquals(302, InvitationSupport.accept(InvitationSupport.link(email, 1), InvitationSupport.GOOD_PASSWORD)
                .statusCode(), "the link mailed once SMTP is back works");
    }

    @Test
    void aResendThatCouldNotBeMailedKeepsTheEarlierLinkAndCanBeRepeated() throws Exception {
        String invitee = invitations.invitee("smtp-resend", Map.of());
        String email = invitations.email(invitee);
        assertEquals(201, invitations.invite(invitee, null, null).status());
        String firstLink = InvitationSupport.link(email, 1);
        JsonNode pending = invitations.invitation(invitee);

        Http.Response failed = withSmtpDown(() -> Http.postJson(
                realm.url("/mx/invitations/" + invitee + "/resend"), adminToken(), Map.of()));
        assertEquals(502, failed.status(), failed::toString);
        assertEquals("email_failed", failed.json().get("error").asText(), failed::toString);
        assertEquals(pending, invitations.invitation(invitee), "the invitation is unchanged");
        assertEquals(1, Mail.to(email).size());

        Http.Response resent = Http.postJson(realm.url("/mx/invitations/" + invitee + "/resend"), adminToken(), Map.of());
        assertEquals(200, resent.status(), resent::toString);
        String secondLink = InvitationSupport.link(email, 2);
        assertFalse(secondLink.equals(firstLink));
        assertEquals(302, InvitationSupport.accept(secondLink, InvitationSupport.GOOD_PASSWORD).statusCode());
    }

    /** Create-and-invite keeps the person when the mail fails: invitation not-sent, with the reason; resend sends it. */
    @Test
    void aPersonCreatedWhileSmtpIsDownIsKeptAsNotSentAndResendSendsIt() throws Exception {
        String account = realm.createAccount("smtp-people", true, Map.of());
        String administrator = realm.accountPerson(account, "smtp-people-admin", "account-administrator");
        String token = realm.userToken(administrator);
        String email = "smtp-person-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@mro.example";
        Http.Response created = withSmtpDown(() -> Http.postJson(realm.url("/mx/accounts/" + account + "/people"), token,
                Map.of("firstName", "Sam", "lastName", "Mtp", "email", email, "templates", java.util.List.of("planner"))));
        assertEquals(201, created.status(), created::toString);
        JsonNode invitation = created.json().get("invitation");
        assertEquals("not-sent", invitation.get("status").asText(), created::toString);
        assertFalse(invitation.get("failure").asText().isBlank(), created::toString);
        assertTrue(Mail.to(email).isEmpty());
        String person = created.json().get("id").asText();

        Http.Response resent = Http.postJson(realm.url("/mx/invitations/" + person + "/resend"), token, Map.of());
        assertEquals(200, resent.status(), resent::toString);
        assertEquals("pending", resent.json().get("status").asText(), resent::toString);
        assertEquals(302, InvitationSupport.accept(InvitationSupport.link(email, 1), InvitationSupport.GOOD_PASSWORD)
                .statusCode(), "the link of the retried invitation works");
    }

    // ------------------------------------------------------------------------------------

    private String adminId;

    private String adminToken() {
        if (adminId == null) {
            adminId = realm.createUser("smtp-admin", Map.of());
            realm.grantRealmManagement(adminId, "manage-users", "view-users");
        }
        return realm.userToken(adminId);
    }

    private JsonNode user(String id) {
        ObjectNode user = (ObjectNode) realm.adminGet("/users/" + id);
        user.remove("access");
        return user;
    }

    private Http.Response withSmtpDown(java.util.function.Supplier<Http.Response> call) {
        return SmtpOutage.during(realm, call);
    }
}
