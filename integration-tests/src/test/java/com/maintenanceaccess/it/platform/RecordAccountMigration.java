package com.maintenanceaccess.it.platform;

import static com.maintenanceaccess.it.support.ServerDatabase.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.authorization.Authz;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Realm;
import com.maintenanceaccess.it.support.ServerDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records written by the release before accounts issued them (codec version 1, no {@code acc})
 * get their account at start (issue 22): the shared server's database is given version-1 values,
 * as that release stored them, and the server is started on it. A person in one account has
 * their records from it; a person in two accounts and a person in none keep theirs with no
 * issuing account (an operator's only, usable in no account's signoff) and are marked
 * {@code mx.unassigned=authorizations}. One admin event; the next start changes nothing.
 */
final class RecordAccountMigration implements UpgradeScenario {

    private final Realm realm = Realm.maintenance();
    private final Authz authz = new Authz(realm);
    private String accountA;
    private String accountB;
    private String operatorId;
    private String officerAId;
    private String single;
    private String contractor;
    private String loner;
    private final Map<String, String> oldValues = new LinkedHashMap<>();
    private int eventsBefore;

    @Override
    public void prepare() {
        accountA = realm.createAccount("migrate-a", true, Map.of());
        accountB = realm.createAccount("migrate-b", true, Map.of());
        operatorId = authz.officer();
        String operator = realm.userToken(operatorId);
        officerAId = realm.accountPerson(accountA, "migrate-officer-a", "compliance-officer");
        single = realm.accountPerson(accountA, "migrate-single");
        contractor = realm.contractor(accountA, accountB, "migrate-contractor");
        loner = realm.accountPerson(accountA, "migrate-loner");
        // Small records: a value of at most 255 characters is in USER_ATTRIBUTE.VALUE (longer ones in LONG_VALUE).
        authz.grant(operator, single, small("RII-MIG-1"));
        authz.grant(operator, contractor, Authz.with(small("RII-MIG-2"), "account", accountA));
        authz.grant(operator, loner, small("RII-MIG-3"));
        assertEquals(204, Http.delete(realm.adminUrl("/organizations/" + accountA + "/members/" + loner),
                realm.adminToken()).status());
        for (String person : List.of(single, contractor, loner)) {
            oldValues.put(person, versionOne(storedValue(person)));
        }
        eventsBefore = migrationEvents().size();
    }

    @Override
    public void writeOlderRelease() {
        writeVersionOne(oldValues);
    }

    @Override
    public void checkUpgraded() {
        // Signed in again, the same people: the other scenarios and the restart may outlast a token.
        String operator = realm.userToken(operatorId);
        String officerA = realm.userToken(officerAId);
        JsonNode singles = authz.list(operator, single);
        assertEquals(accountA, singles.get(0).get("account").asText(), singles::toString);
        assertTrue(storedValue(single).startsWith("{\"v\":2,"), "rewritten in today's form");
        assertEquals(1, authz.list(officerA, single).size(), "A's officer sees the record A issued");
        for (String person : List.of(contractor, loner)) {
            JsonNode records = authz.list(operator, person);
            assertTrue(records.get(0).get("account").isNull(), records::toString);
            assertEquals(List.of("authorizations"), strings(realm.adminGet("/users/" + person).get("attributes")
                    .get("mx.unassigned")));
        }
        assertEquals(0, authz.list(officerA, contractor).size(), "a record of no account is an operator's only");
        Http.Response check = Http.postJson(realm.url("/mx/signoff-check"), authz.backendToken(), Map.of(
                "signer", contractor, "authorizationType", "inspection", "aircraftType", "B737",
                "taskCategory", "rii", "account", accountA));
        assertEquals("[\"out_of_account\"]", check.json().get("reasons").toString(), check::toString);
        List<JsonNode> events = migrationEvents();
        assertEquals(eventsBefore + 1, events.size(), events::toString);
        String representation = events.get(0).path("representation").asText();
        assertTrue(representation.contains(realm.username(contractor)) && representation.contains(realm.username(loner)),
                representation);
        assertEquals("maintenance-access:migration", events.get(0).path("authDetails").path("clientId").asText());
        String log = readLog();
        assertTrue(log.contains("hold personnel authorizations of no account") && log.contains(realm.username(contractor)),
                "the start log lists the people an operator assigns");
    }

    @Override
    public void checkNextStart() {
        // Idempotent: the next start finds nothing new and emits nothing.
        assertEquals(eventsBefore + 1, migrationEvents().size());
        assertEquals(List.of("authorizations"), strings(realm.adminGet("/users/" + contractor).get("attributes")
                .get("mx.unassigned")));

        // An operator (manage-users) assigns the contractor's record to B; the loner, in no account, cannot be.
        String operator = realm.userToken(operatorId);
        String manager = realm.createUser("migrate-manager", Map.of());
        realm.grantRealmManagement(manager, "view-users", "manage-users");
        String managerToken = realm.userToken(manager);
        String anOfficer = realm.userToken(realm.accountPerson(accountA, "migrate-officer-a2", "compliance-officer"));
        assertEquals(403, assign(loner, accountA, anOfficer).status(), "not for an account's officer");
        Http.Response refused = assign(loner, accountA, managerToken);
        assertEquals(400, refused.status(), refused::toString);
        assertEquals("account", refused.json().get("problems").get(0).get("field").asText());
        assertTrue(authz.list(operator, loner).get(0).get("account").isNull(), "a refusal changes nothing");
        Http.Response assigned = assign(contractor, accountB, managerToken);
        assertEquals(200, assigned.status(), assigned::toString);
        assertEquals(accountB, authz.list(operator, contractor).get(0).get("account").asText());
        assertTrue(realm.adminGet("/users/" + contractor).path("attributes").path("mx.unassigned").isMissingNode(),
                "no longer listed");
        assertEquals(List.of("authorizations"), strings(realm.adminGet("/users/" + loner).get("attributes")
                .get("mx.unassigned")));
        Http.Response again = assign(contractor, accountB, managerToken);
        assertEquals(assigned.json(), again.json(), "idempotent");
    }

    private Http.Response assign(String userId, String account, String token) {
        return Http.postJson(realm.url("/mx/migration/unassigned/" + userId + "/assign"), token, Map.of("account", account));
    }

    private String readLog() {
        try {
            return java.nio.file.Files.readString(realm.server().log());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, Object> small(String reference) {
        return Authz.with(Authz.inspection(reference), "issuer", "QM");
    }

    private String storedValue(String person) {
        return realm.adminGet("/users/" + person).get("attributes").get("mx_authorizations").get(0).asText();
    }

    /** The value as the release before issue 22 wrote it: version 1, no issuing account. */
    private static String versionOne(String value) {
        String old = value.replaceFirst("^\\{\"v\":2,", "{\"v\":1,").replaceFirst(",\"acc\":\"[^\"]*\"", "");
        assertTrue(old.startsWith("{\"v\":1,") && !old.contains("\"acc\"") && old.length() <= 255, old);
        return old;
    }

    private static void writeVersionOne(Map<String, String> values) {
        try (Connection db = ServerDatabase.connect()) {
            for (Map.Entry<String, String> value : values.entrySet()) {
                assertEquals(1, update(db, "UPDATE USER_ATTRIBUTE SET VALUE = ?, LONG_VALUE = NULL, LONG_VALUE_HASH = NULL,"
                        + " LONG_VALUE_HASH_LOWER_CASE = NULL WHERE NAME = 'mx_authorizations' AND USER_ID = ?",
                        value.getValue(), value.getKey()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<JsonNode> migrationEvents() {
        List<JsonNode> events = new ArrayList<>();
        realm.adminGet("/admin-events?resourceTypes=CUSTOM&max=1000").forEach(event -> {
            if ("MX_RECORD_ACCOUNTS".equals(event.path("details").path("mx_kind").asText())) {
                events.add(event);
            }
        });
        return events;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(v -> values.add(v.asText()));
        }
        return values;
    }
}
