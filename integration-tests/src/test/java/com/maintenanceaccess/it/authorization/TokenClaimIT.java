package com.maintenanceaccess.it.authorization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import com.maintenanceaccess.it.support.KeycloakServer;
import com.maintenanceaccess.it.support.ServerClock;
import com.maintenanceaccess.it.support.AppLogin;
import com.maintenanceaccess.it.support.Realm;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The claim mapper: tokens carry only the authorizations valid at issue time. The boundaries
 * are crossed on the bundle's clock (the tests' {@link ServerClock}): a record effective in an
 * hour and expiring an hour later is outside, inside and outside the token again.
 */
// Alone, no other test class beside it: it moves the bundle's clock (ServerClock), which every test on the server reads.
@Isolated
class TokenClaimIT {


    private final Authz authz = new Authz();

    @Test
    void theClaimAppearsAtEffectiveAndDisappearsAtExpiry() {
        String officerToken = authz.realm.userToken(authz.officer());
        String person = authz.person("claim-boundary");
        Instant effective = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        Instant expiry = effective.plus(Duration.ofHours(1));
        authz.grant(officerToken, person, Authz.with(Authz.with(Authz.inspection("RII-CLAIM-1"),
                "effective", effective.toString()), "expiry", expiry.toString()));

        JsonNode before = authz.mxAuth(person);
        assertEquals(0, before.size(), before::toString);

        JsonNode during;
        try (ServerClock inside = ServerClock.ahead(KeycloakServer.shared(), Duration.ofMinutes(90))) {
            during = authz.mxAuth(person);
        }
        assertEquals(1, during.size(), during::toString);
        assertEquals("inspection", during.get(0).get("t").asText());
        assertEquals("RII-CLAIM-1", during.get(0).get("ref").asText());
        assertEquals("[\"B737\"]", during.get(0).get("ac").toString());
        assertEquals("[\"rii\"]", during.get(0).get("task").toString());
        assertEquals(expiry.getEpochSecond(), during.get(0).get("exp").asLong());

        try (ServerClock after = ServerClock.ahead(KeycloakServer.shared(), Duration.ofMinutes(150))) {
            assertEquals(0, authz.mxAuth(person).size());
        }
        assertEquals(0, authz.mxAuth(person).size(), "and not yet on the real clock");
    }

    @Test
    void aSuspensionRemovesTheClaimAndReinstatementBringsItBack() {
        String officerToken = authz.realm.userToken(authz.officer());
        String person = authz.person("claim-suspend");
        String id = authz.grant(officerToken, person, Authz.crs("CRS-CLAIM-1")).get("id").asText();
        authz.grant(officerToken, person, Authz.inspection("RII-CLAIM-2"));
        assertEquals(2, authz.mxAuth(person).size());

        authz.action(officerToken, person, id, "suspend", "under investigation");
        JsonNode suspended = authz.mxAuth(person);
        assertEquals(1, suspended.size(), suspended::toString);
        assertEquals("RII-CLAIM-2", suspended.get(0).get("ref").asText());

        authz.action(officerToken, person, id, "reinstate", "cleared");
        assertEquals(2, authz.mxAuth(person).size());

        authz.action(officerToken, person, id, "revoke", "left");
        assertEquals(1, authz.mxAuth(person).size());
    }

    @Test
    void aLicenceThatHasExpiredKeepsTheRecordOutOfTheToken() {
        String officerToken = authz.realm.userToken(authz.officer());
        String person = authz.person("claim-licence");
        Map<String, Object> body = Authz.crs("CRS-CLAIM-LIC");
        body.put("licence", Map.of("authority", "UK CAA", "number", "1", "category", "B2", "expiry", "2025-01-31"));
        authz.grant(officerToken, person, body);
        assertEquals(0, authz.mxAuth(person).size());
    }

    @Test
    void theMaintenanceAppHasTheMapper() {
        JsonNode app = authz.realm.adminGet("/clients?clientId=maintenance-app").get(0);
        assertTrue(app.get("protocolMappers").toString().contains("mx-personnel-authorizations-mapper"), app::toString);
    }

    /**
     * A person in two accounts: the maintenance app's token for B carries none of A's records, the
     * token for A carries A's, and a token with no account chosen carries none (no union).
     */
    @Test
    void aContractorsTokenCarriesOnlyTheRecordsOfItsAccount() {
        String officerToken = authz.realm.userToken(authz.officer());
        String accountB = authz.realm.createAccount("claim-b", true, Map.of());
        String aliasB = authz.realm.adminGet("/organizations/" + accountB).get("alias").asText();
        String contractor = authz.realm.contractor(authz.account(), accountB, "claim-contractor");
        authz.grant(officerToken, contractor, Authz.with(Authz.crs("CRS-CLAIM-A"), "account", authz.account()));
        authz.grant(officerToken, contractor, Authz.with(Authz.inspection("RII-CLAIM-B"), "account", aliasB));

        String username = authz.realm.username(contractor);
        JsonNode inA = mxAuth(username, "openid organization:" + authz.accountAlias());
        assertEquals(1, inA.size(), inA::toString);
        assertEquals("CRS-CLAIM-A", inA.get(0).get("ref").asText());
        JsonNode inB = mxAuth(username, "openid organization:" + aliasB);
        assertEquals(1, inB.size(), inB::toString);
        assertEquals("RII-CLAIM-B", inB.get(0).get("ref").asText());
        JsonNode none = mxAuth(username, "openid");
        assertEquals(0, none.size(), "several accounts and none chosen: no records, " + none);
        assertEquals(0, authz.mxAuth(contractor).size(), "the same through another client with the mapper");
    }

    private JsonNode mxAuth(String username, String scope) {
        JsonNode tokens = AppLogin.login(authz.realm.url(""), username, Realm.TEST_PASSWORD, scope);
        JsonNode claim = AppLogin.claims(tokens.get("access_token").asText()).get("mx_auth");
        assertTrue(claim != null && claim.isArray(), "mx_auth is always a list: " + claim);
        return claim;
    }
}
