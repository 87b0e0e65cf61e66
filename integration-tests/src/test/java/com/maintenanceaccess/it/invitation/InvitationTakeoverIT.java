package com.maintenanceaccess.it.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Mail;
import com.maintenanceaccess.it.support.Realm;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An invitation cannot take over a login (issue "Nobody acts in another person's name"): it is
 * a way in for whoever holds the link, so it only ever reaches a person who has not yet got in.
 * An account administrator who invites an active member, resends or moves an invitation of a
 * person who has since got a password, or invites a realm operator, gets 409 and changes nothing.
 */
class InvitationTakeoverIT {

    private final InvitationSupport it = new InvitationSupport();
    private final Realm realm = it.realm;

    @Test
    void anActiveMemberCannotBeInvitedAndKeepsTheirLogin() {
        String account = realm.createAccount("takeover", true, Map.of());
        String admin = realm.accountPerson(account, "tk-admin", "account-administrator");
        String victim = realm.accountPerson(account, "tk-victim");
        String adminToken = realm.userToken(admin);
        String address = it.email(victim);

        Http.Response invited = Http.postJson(it.api(""), adminToken, Map.of("userId", victim));

        assertRefusedAsSignedIn(invited, "has a password");
        JsonNode user = realm.adminGet("/users/" + victim);
        assertFalse(user.toString().contains("mx.invitation"), user::toString);
        assertFalse(user.get("requiredActions").toString().contains("mx-accept-invitation"), user::toString);
        assertEquals(0, Mail.to(address).size(), "no link went out");
        // The victim's own password still works (the attack made it fail with "not fully set up").
        assertTrue(realm.passwordGrant(realm.username(victim), Realm.TEST_PASSWORD).has("access_token"));
    }

    @Test
    void anInviteeWhoGotAPasswordCannotHaveTheInvitationResentOrMoved() throws Exception {
        String account = realm.createAccount("takeover", true, Map.of());
        String admin = realm.accountPerson(account, "tk-admin", "account-administrator");
        String adminToken = realm.userToken(admin);
        String pending = it.invitee("tk-pending", Map.of());
        realm.addMember(account, pending);
        // Control: while the person has not got in, the administrator resends (the rule refuses
        // only what it must).
        assertEquals(201, Http.postJson(it.api(""), adminToken, Map.of("userId", pending)).status());
        assertEquals(200, Http.postJson(it.api("/" + pending + "/resend"), adminToken, Map.of()).status());
        JsonNode before = it.invitation(pending);

        // A realm operator sets a password in the admin console: the person now gets in.
        Http.Response reset = Http.send("PUT", realm.adminUrl("/users/" + pending + "/reset-password"), realm.adminToken(),
                "application/json", "{\"type\":\"password\",\"value\":\"" + Realm.TEST_PASSWORD + "\",\"temporary\":false}");
        assertEquals(204, reset.status(), reset::toString);

        assertRefusedAsSignedIn(Http.postJson(it.api("/" + pending + "/resend"), adminToken, Map.of()), "has a password");
        assertRefusedAsSignedIn(Http.send("PUT", it.api("/" + pending + "/email"), adminToken, "application/json",
                "{\"email\":\"attacker-" + pending + "@mro.example\"}"), "has a password");
        JsonNode after = it.invitation(pending);
        assertEquals(before.get("email"), after.get("email"), "the address did not move");
        assertEquals(before.get("history").size(), after.get("history").size(), "nothing was recorded as done");
    }

    @Test
    void aRealmOperatorIsNeverInvitedThroughTheBundle() {
        String operator = it.invitee("tk-operator", Map.of());
        realm.grantRealmManagement(operator, "view-users");

        assertRefusedAsSignedIn(it.invite(operator, null, null), "is a realm operator");
        assertFalse(realm.adminGet("/users/" + operator).toString().contains("mx.invitation"));
    }

    private static void assertRefusedAsSignedIn(Http.Response response, String reason) {
        assertEquals(409, response.status(), response::toString);
        String description = response.json().get("error_description").asText();
        assertTrue(description.contains(reason), response::toString);
        assertTrue(description.contains("Nothing was changed."), response::toString);
    }
}
