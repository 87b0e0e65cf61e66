package com.maintenanceaccess.it.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.support.AppLogin;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.KeycloakServer;
import com.maintenanceaccess.it.support.Realm;
import com.maintenanceaccess.it.support.ServerClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** Accounts (organizations): features and setup mode in tokens, the settings API, setup mode ending by itself. */
// Alone, no other test class beside it: it moves the bundle's clock (ServerClock), which every test on the server reads.
@Isolated
class AccountsIT {

    private final Realm realm = Realm.maintenance();
    private String workshopAccount;
    private String storesAccount;
    private String settingsAdmin;

    @BeforeEach
    void twoAccounts() {
        workshopAccount = realm.createAccount("hangar", true, Map.of("mx.features", List.of("planning", "workshop"),
                "mx.setup-mode", List.of("on"), "mx.setup-mode-until", List.of(Instant.now().plus(Duration.ofDays(1)).toString())));
        storesAccount = realm.createAccount("depot", true, Map.of("mx.features", List.of("stores"), "mx.setup-mode", List.of("off")));
        // An account administrator of both accounts (no realm-management role at all).
        settingsAdmin = realm.accountPerson(workshopAccount, "settings-admin", "account-administrator");
        realm.addMember(storesAccount, settingsAdmin);
        realm.grantAccountRole(storesAccount, settingsAdmin, "account-administrator");
    }

    @Test
    void tokensCarryTheAccountItsFeaturesAndSetupMode() {
        String technician = member(workshopAccount, "tech");
        String storekeeper = member(storesAccount, "store");

        JsonNode hangar = accountClaim(technician, "openid");
        assertEquals(workshopAccount, hangar.get("id").asText());
        assertEquals(List.of("planning", "workshop"), strings(hangar.get("features")));
        assertTrue(hangar.get("setup").asBoolean());

        JsonNode depot = accountClaim(storekeeper, "openid");
        assertEquals(storesAccount, depot.get("id").asText());
        assertEquals(List.of("stores"), strings(depot.get("features")));
        assertFalse(depot.get("setup").asBoolean());
    }

    @Test
    void tokensChangeRightAfterAnAdministratorChangesTheAccount() {
        String technician = member(workshopAccount, "tech");
        Http.Response updated = Http.putJson(realm.url("/mx/accounts/" + workshopAccount), realm.userToken(settingsAdmin),
                Map.of("features", List.of("workshop", "stores"), "setupMode", Map.of("enabled", false)));
        assertEquals(200, updated.status(), updated::toString);

        JsonNode claim = accountClaim(technician, "openid");
        assertEquals(List.of("stores", "workshop"), strings(claim.get("features")));
        assertFalse(claim.get("setup").asBoolean());

        JsonNode event = lastAccountEvent(workshopAccount);
        assertEquals("UPDATE", event.get("operationType").asText());
        JsonNode change = readJson(event.get("representation").asText());
        assertEquals(List.of("planning", "workshop"), strings(change.get("before").get("features")));
        assertEquals(List.of("stores", "workshop"), strings(change.get("after").get("features")));
        assertEquals("off", change.get("setupModeSwitched").asText());
        assertEquals(realm.adminGet("/users/" + settingsAdmin).get("id").asText(),
                event.get("authDetails").get("userId").asText());
    }

    @Test
    void aPersonInTwoAccountsGetsTheAccountTheOrganizationScopeSelects() {
        String consultant = member(workshopAccount, "consultant");
        realm.addMember(storesAccount, consultant);

        assertTrue(claims(consultant, "openid").path(ACCOUNT).isMissingNode(), "no guess between two accounts");
        String alias = realm.adminGet("/organizations/" + storesAccount).get("alias").asText();
        assertEquals(storesAccount, accountClaim(consultant, "openid organization:" + alias).get("id").asText());
    }

    @Test
    void aUserInTheWrongAccountIsOneMembershipChangeAwayFromRight() {
        String misplaced = member(storesAccount, "misplaced");
        assertEquals(storesAccount, accountClaim(misplaced, "openid").get("id").asText());

        assertEquals(204, Http.delete(realm.adminUrl("/organizations/" + storesAccount + "/members/" + misplaced),
                realm.adminToken()).status());
        realm.addMember(workshopAccount, misplaced);

        assertEquals(workshopAccount, accountClaim(misplaced, "openid").get("id").asText());
        JsonNode events = realm.adminGet("/admin-events?resourceTypes=ORGANIZATION_MEMBERSHIP&max=50");
        assertTrue(events.toString().contains("organizations/" + workshopAccount + "/members"),
                "the membership change is an admin event");
    }

    @Test
    void setupModeEndsByItselfAtItsEndDateWithAnEvent() throws Exception {
        String planner = member(workshopAccount, "planner");
        String until = Instant.now().plus(Duration.ofHours(1)).toString();
        Http.Response updated = Http.putJson(realm.url("/mx/accounts/" + workshopAccount), realm.userToken(settingsAdmin),
                Map.of("setupMode", Map.of("enabled", true, "until", until)));
        assertEquals(200, updated.status(), updated::toString);
        assertTrue(accountClaim(planner, "openid").get("setup").asBoolean());

        // Two hours on, on the bundle's clock: the check (every 2 s on the tests' server) ends it.
        JsonNode account;
        try (ServerClock later = ServerClock.ahead(KeycloakServer.shared(), Duration.ofHours(2))) {
            Instant deadline = Instant.now().plusSeconds(30);
            do {
                Thread.sleep(200);
                account = Http.get(realm.url("/mx/accounts/" + workshopAccount), realm.userToken(settingsAdmin)).json();
            } while (account.get("setupMode").get("enabled").asBoolean() && Instant.now().isBefore(deadline));
        }

        assertFalse(account.get("setupMode").get("enabled").asBoolean(), "the scheduler switched setup mode off");
        assertFalse(accountClaim(planner, "openid").get("setup").asBoolean());
        JsonNode change = readJson(lastAccountEvent(workshopAccount).get("representation").asText());
        assertEquals("off", change.get("setupModeSwitched").asText());
        assertTrue(change.get("reason").asText().contains("end date"), change::toString);
    }

    @Test
    void badInputIsRefusedWithAClearMessageAndChangesNothing() {
        String token = realm.userToken(settingsAdmin);
        JsonNode before = Http.get(realm.url("/mx/accounts/" + workshopAccount), token).json();

        Map<Object, String> cases = Map.of(
                Map.of("features", List.of("teleportation")), "features: unknown feature 'teleportation'",
                Map.of("setupMode", Map.of("enabled", true, "until", "next tuesday")), "setupMode.until: 'next tuesday' is not an ISO-8601",
                Map.of("setupMode", Map.of("enabled", "yes")), "setupMode.enabled: must be true or false",
                "{\"features\": [", "body: malformed JSON");
        cases.forEach((body, message) -> {
            Http.Response response = Http.putJson(realm.url("/mx/accounts/" + workshopAccount), token, body);
            assertEquals(400, response.status(), response::toString);
            assertTrue(response.json().get("error_description").asText().contains(message), response::toString);
        });
        assertEquals(before, Http.get(realm.url("/mx/accounts/" + workshopAccount), token).json());
    }

    @Test
    void callersWithoutThePermissionAreRefusedAndNothingChanges() {
        String accountAdmin = realm.createUser("user-admin", Map.of());
        realm.grantRealmManagement(accountAdmin, "manage-users", "view-users");
        Map<String, Object> body = Map.of("features", List.of("stores"));

        assertEquals(401, Http.putJson(realm.url("/mx/accounts/" + workshopAccount), null, body).status());
        Http.Response forbidden = Http.putJson(realm.url("/mx/accounts/" + workshopAccount), realm.userToken(accountAdmin), body);
        assertEquals(403, forbidden.status(), forbidden::toString);
        assertTrue(forbidden.json().get("error_description").asText().contains("account-administrator"), forbidden::toString);
        assertTrue(forbidden.json().get("error_description").asText().contains("manage-realm"), forbidden::toString);
        // view-users may read, but not change
        JsonNode seen = Http.get(realm.url("/mx/accounts/" + workshopAccount), realm.userToken(accountAdmin)).json();
        assertEquals(List.of("planning", "workshop"), strings(seen.get("features")));

        String nobody = realm.createUser("nobody", Map.of());
        // Not one of the caller's accounts: not found, with the same body as an unknown id.
        Http.Response outside = Http.get(realm.url("/mx/accounts/" + workshopAccount), realm.userToken(nobody));
        assertEquals(404, outside.status(), outside::toString);
        assertEquals("not_found", outside.json().get("error").asText());
        assertEquals(404, Http.get(realm.url("/mx/accounts/" + UUID.randomUUID()), realm.userToken(settingsAdmin)).status());
    }

    private static final String ACCOUNT = "mx_account";

    private JsonNode accountClaim(String userId, String scope) {
        JsonNode claim = claims(userId, scope).path(ACCOUNT);
        assertFalse(claim.isMissingNode(), "token has no " + ACCOUNT);
        return claim;
    }

    private JsonNode claims(String userId, String scope) {
        JsonNode tokens = AppLogin.login(realm.url(""), realm.username(userId), Realm.TEST_PASSWORD, scope);
        return AppLogin.claims(tokens.get("access_token").asText());
    }

    private String member(String accountId, String prefix) {
        String userId = realm.createUser(prefix, Map.of());
        realm.addMember(accountId, userId);
        return userId;
    }

    private JsonNode lastAccountEvent(String accountId) {
        // The bundle's events are Keycloak's CUSTOM type (the console can filter by it), kind in the details.
        for (JsonNode event : realm.adminGet("/admin-events?resourceTypes=CUSTOM&resourcePath=accounts/" + accountId
                + "&max=100")) {
            if (event.path("details").path("mx_kind").asText().equals("MX_ACCOUNT")) {
                return event; // newest first
            }
        }
        throw new AssertionError("no MX_ACCOUNT event for " + accountId);
    }

    private static JsonNode readJson(String text) {
        try {
            return Http.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> strings(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
