package com.maintenanceaccess.it.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Mail;
import com.maintenanceaccess.it.support.Realm;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The administrator's side: operations, refusals that change nothing, list, console create, events. */
class InvitationAdminIT {

    private final InvitationSupport it = new InvitationSupport();
    private final Realm realm = it.realm;

    private void assertRefused(Http.Response response, int status, String field) {
        assertEquals(status, response.status(), response::toString);
        if (status == 400) {
            assertEquals(field, response.json().get("problems").get(0).get("field").asText(), response::toString);
        }
        assertTrue(response.json().get("error_description").asText().length() > 5, response::toString);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndChangesNothing() throws Exception {
        String token = it.adminToken();
        String userId = it.invitee("inv-bad", Map.of());
        String email = it.email(userId);
        String disabled = it.invitee("inv-disabled", Map.of("enabled", false));

        assertRefused(it.invite("no-such-user", null, null), 404, "userId");
        assertRefused(it.invite(disabled, null, null), 400, "userId");
        assertRefused(it.invite(userId, 0, null), 400, "expiresInDays");
        assertRefused(it.invite(userId, 31, null), 400, "expiresInDays");
        assertRefused(it.invite(userId, "seven", null), 400, "expiresInDays");
        // An account the caller does not see is 404, as any unknown id (docs/security-model.md).
        Http.Response unknownAccount = it.invite(userId, null, "no-such-account");
        assertRefused(unknownAccount, 404, "account");
        assertTrue(unknownAccount.json().get("error_description").asText().contains("no-such-account"), unknownAccount::toString);
        assertRefused(Http.postJson(it.api(""), token, "{\"userId\": "), 400, "body");
        assertRefused(Http.postJson(it.api(""), token, "[]"), 400, "body");
        assertRefused(Http.postJson(it.api(""), token, Map.of("userId", userId, "role", "admin")), 400, "role");
        assertRefused(Http.postJson(it.api(""), token, Map.of("expiresInDays", 3)), 400, "userId");
        assertRefused(Http.postJson(it.api("/" + userId + "/resend"), token, null), 404, "userId");
        assertRefused(Http.postJson(it.api("/" + userId + "/revoke"), token, null), 404, "userId");
        // Nothing happened to the user: no state, no required action, no mail.
        JsonNode user = realm.adminGet("/users/" + userId);
        assertFalse(user.toString().contains("mx.invitation"), user::toString);
        assertFalse(user.get("requiredActions").toString().contains("mx-accept-invitation"));
        assertEquals(0, Mail.to(email).size());

        assertEquals(201, it.invite(userId, 7, null).status());
        JsonNode before = it.invitation(userId);
        assertRefused(it.invite(userId, null, null), 409, "userId");
        assertRefused(Http.postJson(it.api("/" + userId + "/resend"), token, Map.of("expiresInDays", 45)), 400, "expiresInDays");
        assertRefused(Http.postJson(it.api("/" + userId + "/resend"), token, "not json"), 400, "body");
        assertRefused(Http.putJson(it.api("/" + userId + "/email"), token, Map.of("email", "not-an-address")), 400, "email");
        assertRefused(Http.putJson(it.api("/" + userId + "/email"), token, Map.of()), 400, "email");
        assertRefused(Http.putJson(it.api("/" + userId + "/email"), token, Map.of("email", it.email(it.adminId()))), 409, "email");
        assertRefused(Http.putJson(it.api("/no-such-user/email"), token, Map.of("email", "x@mro.example")), 404, "userId");
        assertEquals(before, it.invitation(userId), "the invitation is unchanged");
        assertEquals(email, it.email(userId));
        assertEquals(1, Mail.to(email).size(), "only the one invitation mail");

        // Accepted: nothing more to do with it.
        assertEquals(302, InvitationSupport.accept(InvitationSupport.link(email, 1), InvitationSupport.GOOD_PASSWORD).statusCode());
        JsonNode accepted = it.invitation(userId);
        assertRefused(it.invite(userId, null, null), 409, "userId");
        assertRefused(Http.postJson(it.api("/" + userId + "/resend"), token, null), 409, "status");
        assertRefused(Http.postJson(it.api("/" + userId + "/revoke"), token, null), 409, "status");
        assertRefused(Http.putJson(it.api("/" + userId + "/email"), token, Map.of("email", "other@mro.example")), 409, "status");
        assertEquals(accepted, it.invitation(userId));
    }

    @Test
    void onlyCallersWithThePermissionGetIn() {
        String plain = realm.createUser("inv-plain", Map.of());
        String token = realm.userToken(plain);
        assertEquals(401, Http.get(it.api(""), null).status());
        assertEquals(403, Http.get(it.api(""), token).status());
        Http.Response forbidden = Http.postJson(it.api(""), token, Map.of("userId", plain));
        assertEquals(403, forbidden.status(), forbidden::toString);
        assertTrue(forbidden.body().contains("nobody invites themselves"), forbidden::toString);
        // Anybody else is outside the caller's accounts: not found, as an unknown id.
        String other = realm.createUser("inv-other", Map.of());
        Http.Response outside = Http.postJson(it.api(""), token, Map.of("userId", other));
        assertEquals(404, outside.status(), outside::toString);
        assertEquals(Http.postJson(it.api(""), token, Map.of("userId", "no-such-user")).json().get("error"),
                outside.json().get("error"));
    }

    @Test
    void theListFiltersByStatusAgeAndAddressAndPages() {
        String marker = InvitationSupport.unique("list");
        String a = it.invitee(marker + "-a", Map.of());
        String b = it.invitee(marker + "-b", Map.of());
        String c = it.invitee(marker + "-c", Map.of());
        assertEquals(201, it.invite(a, null, null).status());
        assertEquals(201, it.invite(b, null, null).status());
        assertEquals(201, it.invite(c, null, null).status());
        assertEquals(200, Http.postJson(it.api("/" + c + "/revoke"), it.adminToken(), null).status());

        String address = URLEncoder.encode(marker, StandardCharsets.UTF_8);
        JsonNode pending = Http.get(it.api("?status=pending&address=" + address), it.adminToken()).json();
        assertEquals(2, pending.get("total").asInt(), pending::toString);
        JsonNode revoked = Http.get(it.api("?status=revoked&address=" + address), it.adminToken()).json();
        assertEquals(1, revoked.get("total").asInt());
        assertEquals(c, revoked.get("items").get(0).get("userId").asText());
        JsonNode page = Http.get(it.api("?address=" + address + "&first=1&max=1"), it.adminToken()).json();
        assertEquals(3, page.get("total").asInt());
        assertEquals(1, page.get("items").size());
        assertEquals(0, Http.get(it.api("?address=" + address + "&minAgeDays=1"), it.adminToken()).json().get("total").asInt());
        assertEquals(3, Http.get(it.api("?address=" + address + "&maxAgeDays=0"), it.adminToken()).json().get("total").asInt());
        assertFalse(pending.toString().contains("nonce"), "links' nonces are not listed");

        assertRefused(Http.get(it.api("?status=lost"), it.adminToken()), 400, "status");
        assertRefused(Http.get(it.api("?max=0"), it.adminToken()), 400, "max");
        assertRefused(Http.get(it.api("?minAgeDays=x"), it.adminToken()), 400, "minAgeDays");

        // Keycloak's own user search finds them too (the console's attribute search).
        JsonNode search = realm.adminGet("/users?q=" + URLEncoder.encode("mx.invitation.status:pending", StandardCharsets.UTF_8)
                + "&max=1000");
        assertTrue(search.toString().contains(a) && search.toString().contains(b) && !search.toString().contains(c));
    }

    @Test
    void creatingAUserWithTheRequiredActionSendsTheInvitationAndAdminUpdatesKeepTheState() throws Exception {
        JsonNode action = realm.adminGet("/authentication/required-actions/mx-accept-invitation");
        assertTrue(action.get("enabled").asBoolean(), "registered and enabled in the imported realm: " + action);
        String username = InvitationSupport.unique("inv-console");
        String email = username + "@mro.example";
        Http.Response created = Http.postJson(realm.adminUrl("/users"), realm.adminToken(), Map.of(
                "username", username, "email", email, "firstName", "Cora", "lastName", "Console", "enabled", true,
                "requiredActions", List.of("mx-accept-invitation")));
        assertEquals(201, created.status(), created::toString);
        String location = created.header("Location");
        String userId = location.substring(location.lastIndexOf('/') + 1);

        String[] mail = InvitationSupport.mail(email, 1);
        assertTrue(mail[0].contains("Hello Cora Console,"), mail[0]);
        JsonNode invitation = it.invitation(userId);
        assertEquals("pending", invitation.get("status").asText());
        String masterAdmin = Http.get(realm.server().baseUrl() + "/admin/realms/master/users?exact=true&username=admin",
                realm.adminToken()).json().get(0).get("id").asText();
        assertEquals(masterAdmin, invitation.get("invitedBy").asText(), "the creating administrator invited");

        // An administrator edits the user (the console PUTs the whole representation): the state survives.
        ObjectNode user = (ObjectNode) realm.adminGet("/users/" + userId);
        user.put("lastName", "Console-Edited");
        user.remove("attributes");
        assertEquals(204, Http.putJson(realm.adminUrl("/users/" + userId), realm.adminToken(), user).status());
        ObjectNode tampered = (ObjectNode) realm.adminGet("/users/" + userId);
        ((ObjectNode) tampered.get("attributes")).putArray("mx.invitation.status").add("accepted");
        Http.putJson(realm.adminUrl("/users/" + userId), realm.adminToken(), tampered);
        JsonNode after = realm.adminGet("/users/" + userId);
        assertEquals("Console-Edited", after.get("lastName").asText());
        assertEquals("pending", after.get("attributes").get("mx.invitation.status").get(0).asText(),
                "admins see the state read-only: " + after);
        ObjectNode expected = ((ObjectNode) invitation).deepCopy();
        expected.put("lastName", "Console-Edited"); // the view shows the person's current name
        assertEquals(expected, it.invitation(userId), "the invitation's state survives the edits");
        assertTrue(InvitationSupport.link(email, 1).contains("/login-actions/action-token"));
    }

    @Test
    void everyOperationIsAnAdminEventWithActorAndRepresentation() throws Exception {
        String userId = it.invitee("inv-events", Map.of());
        assertEquals(201, it.invite(userId, null, null).status());
        assertEquals(200, Http.postJson(it.api("/" + userId + "/resend"), it.adminToken(), null).status());
        assertEquals(200, Http.putJson(it.api("/" + userId + "/email"), it.adminToken(),
                Map.of("email", InvitationSupport.unique("ev") + "@mro.example")).status());
        assertEquals(200, Http.postJson(it.api("/" + userId + "/revoke"), it.adminToken(), null).status());

        JsonNode events = realm.adminGet("/admin-events?resourcePath="
                + URLEncoder.encode("mx/invitations/" + userId, StandardCharsets.UTF_8) + "&max=20");
        assertEquals(4, events.size(), events::toString);
        String kinds = "";
        for (JsonNode event : events) {
            assertEquals("CUSTOM", event.get("resourceType").asText());
            assertEquals("MX_INVITATION", event.get("details").get("mx_kind").asText());
            assertEquals(it.adminId(), event.get("authDetails").get("userId").asText());
            assertTrue(event.get("representation").asText().contains("\"userId\":\"" + userId + "\""), event::toString);
            assertFalse(event.get("representation").asText().contains("nonce"));
            kinds += event.get("details").get("mx_invitation").asText() + " ";
        }
        for (String kind : List.of("sent", "resent", "address-changed", "revoked")) {
            assertTrue(kinds.contains(kind), kinds);
        }
    }
}
