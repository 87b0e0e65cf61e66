package com.maintenanceaccess.it.platform;

import static com.maintenanceaccess.it.support.ServerDatabase.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.maintenanceaccess.it.authorization.Authz;
import com.maintenanceaccess.it.invitation.InvitationSupport;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Realm;
import com.maintenanceaccess.it.support.ServerDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An existing realm keeps working after the provider ids got their {@code mx-} prefix: the
 * shared server's database is rewritten to the old ids ({@code accept-invitation} registered and
 * pending on users, {@code mx-personnel-authorizations} in the realm's listeners), as a database
 * of the version before the rename holds them, and the server is started on it. The start-up
 * migration rewrites them (one admin event, none on the next start), the invitee with the old
 * pending action still accepts the invitation, and the listener under its new id still keeps
 * the expiry index.
 */
final class ProviderIdMigration implements UpgradeScenario {

    private static final String OLD_ACTION = "accept-invitation";
    private static final String ACTION = "mx-accept-invitation";
    private static final String OLD_LISTENER = "mx-personnel-authorizations";
    private static final String LISTENER = "mx-authorization-index";

    private final Realm realm = Realm.maintenance();
    private final InvitationSupport it = new InvitationSupport(realm);
    private final Authz authz = new Authz(realm);
    private String invitee;
    private String link;
    private String holder;
    private String reference;
    private String auditor;
    private String realmId;

    @Override
    public void prepare() throws Exception {
        invitee = it.invitee("rename-invitee", Map.of());
        assertEquals(201, it.invite(invitee, null, null).status());
        link = InvitationSupport.link(it.email(invitee), 1);
        String officerToken = realm.userToken(authz.officer());
        holder = authz.person("rename-holder");
        reference = ("RENAME-" + Long.toString(System.nanoTime(), 36)).toUpperCase();
        authz.grant(officerToken, holder, Authz.with(Authz.crs(reference), "expiry",
                Instant.now().plus(Duration.ofDays(5)).toString()));
        auditor = realm.createUser("rename-auditor", Map.of());
        authz.grantRealmRoles(auditor, "personnel-authorizations:view");
        realm.grantRealmManagement(auditor, "view-users");
        String auditorToken = realm.userToken(auditor);
        assertTrue(expiring(auditorToken).contains(reference), "indexed when granted");
        realmId = realm.adminGet("").get("id").asText();
    }

    @Override
    public void writeOlderRelease() {
        toOldIds(realmId, holder);
    }

    @Override
    public void checkUpgraded() throws Exception {
        // The old ids are gone, each replaced by the new one, once.
        assertEquals(List.of(ACTION), aliases().stream().filter(a -> a.endsWith(OLD_ACTION)).toList());
        JsonNode user = realm.adminGet("/users/" + invitee);
        assertTrue(user.get("requiredActions").toString().contains("\"" + ACTION + "\""), user::toString);
        assertFalse(user.get("requiredActions").toString().contains("\"" + OLD_ACTION + "\""), user::toString);
        JsonNode listeners = realm.adminGet("/events/config").get("eventsListeners");
        assertTrue(listeners.toString().contains("\"" + LISTENER + "\""), listeners::toString);
        assertFalse(listeners.toString().contains("\"" + OLD_LISTENER + "\""), listeners::toString);
        List<JsonNode> events = migrationEvents();
        assertEquals(1, events.size(), events::toString);
        String renamed = events.get(0).path("representation").asText();
        assertTrue(renamed.contains("\"" + OLD_ACTION + "\":\"" + ACTION + "\""), renamed);
        assertTrue(renamed.contains("\"" + OLD_LISTENER + "\":\"" + LISTENER + "\""), renamed);
        assertEquals("maintenance-access:migration", events.get(0).path("authDetails").path("clientId").asText());

        // The listener, under its new id, still rebuilds the index on an admin save.
        assertFalse(expiring(realm.userToken(auditor)).contains(reference), "the index row was deleted with the old ids");
        ObjectNode rename = (ObjectNode) realm.adminGet("/users/" + holder);
        rename.put("firstName", "Renamed");
        Http.Response saved = Http.putJson(realm.adminUrl("/users/" + holder), realm.adminToken(), rename);
        assertEquals(204, saved.status(), saved::toString);
        assertTrue(expiring(realm.userToken(auditor)).contains(reference), "re-indexed by " + LISTENER);

        // The invitee who had the old pending action accepts the invitation with the link mailed before.
        assertEquals(302, InvitationSupport.accept(link, InvitationSupport.GOOD_PASSWORD).statusCode());
        assertEquals("accepted", it.invitation(invitee).get("status").asText());
        assertFalse(realm.adminGet("/users/" + invitee).get("requiredActions").toString().contains(ACTION));
        JsonNode accepted = realm.adminGet("/events?type=CUSTOM_REQUIRED_ACTION&user=" + invitee);
        assertEquals(1, accepted.size(), accepted::toString);
        assertEquals(ACTION, accepted.get(0).get("details").get("custom_required_action").asText());
    }

    @Override
    public void checkNextStart() {
        // Idempotent: the next start finds nothing to rename and says nothing.
        assertEquals(1, migrationEvents().size());
        assertEquals(List.of(ACTION), aliases().stream().filter(a -> a.endsWith(OLD_ACTION)).toList());
    }

    /** What a database of the version before the rename holds, and one index row less. */
    private static void toOldIds(String realmId, String holder) {
        try (Connection db = ServerDatabase.connect()) {
            assertEquals(1, update(db, "UPDATE REQUIRED_ACTION_PROVIDER SET ALIAS = ?, PROVIDER_ID = ? WHERE ALIAS = ?"
                    + " AND REALM_ID = ?", OLD_ACTION, OLD_ACTION, ACTION, realmId));
            assertTrue(update(db, "UPDATE USER_REQUIRED_ACTION SET REQUIRED_ACTION = ? WHERE REQUIRED_ACTION = ?"
                    + " AND USER_ID IN (SELECT ID FROM USER_ENTITY WHERE REALM_ID = ?)", OLD_ACTION, ACTION, realmId) >= 1);
            assertEquals(1, update(db, "UPDATE REALM_EVENTS_LISTENERS SET VALUE = ? WHERE VALUE = ? AND REALM_ID = ?",
                    OLD_LISTENER, LISTENER, realmId));
            assertEquals(1, update(db, "DELETE FROM USER_ATTRIBUTE WHERE NAME = 'mx_authorizations_until' AND USER_ID = ?",
                    holder));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> aliases() {
        List<String> aliases = new ArrayList<>();
        realm.adminGet("/authentication/required-actions").forEach(a -> aliases.add(a.get("alias").asText()));
        return aliases;
    }

    private List<JsonNode> migrationEvents() {
        List<JsonNode> events = new ArrayList<>();
        realm.adminGet("/admin-events?resourceTypes=CUSTOM&max=1000").forEach(event -> {
            if ("MX_PROVIDER_IDS".equals(event.path("details").path("mx_kind").asText())) {
                events.add(event);
            }
        });
        return events;
    }

    private String expiring(String token) {
        Http.Response response = Http.get(realm.url("/mx/authorizations/expiring?days=10&max=500"), token);
        assertEquals(200, response.status(), response::toString);
        return response.body();
    }
}
