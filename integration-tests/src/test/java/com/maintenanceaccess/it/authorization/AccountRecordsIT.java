package com.maintenanceaccess.it.authorization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Realm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Personnel authorizations are issued by an account (issue 22): with a contractor who is a
 * member of A and B, each account's compliance officer sees and changes only the records their
 * account issued; the other account's record answers exactly as an unknown id.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountRecordsIT {

    private final Realm realm = Realm.maintenance();
    private final Authz authz = new Authz(realm);
    private String accountA;
    private String accountB;
    private String aliasA;
    private String contractor;
    private String officerA;
    private String officerB;
    private String auditorB;
    private String recordA;
    private String recordB;

    @BeforeAll
    void setUp() {
        accountA = realm.createAccount("records-a", true, Map.of());
        accountB = realm.createAccount("records-b", true, Map.of());
        aliasA = realm.adminGet("/organizations/" + accountA).get("alias").asText();
        contractor = realm.contractor(accountA, accountB, "records-contractor");
        officerA = realm.userToken(realm.accountPerson(accountA, "records-officer-a", "compliance-officer"));
        officerB = realm.userToken(realm.accountPerson(accountB, "records-officer-b", "compliance-officer"));
        auditorB = realm.userToken(realm.accountPerson(accountB, "records-auditor-b", "auditor"));
        // Each officer grants in the one account they act in: no account needs naming.
        recordA = authz.grant(officerA, contractor, Authz.crs("CRS-REC-A")).get("id").asText();
        recordB = authz.grant(officerB, contractor, Authz.inspection("RII-REC-B")).get("id").asText();
    }

    @Test
    void eachOfficerSeesOnlyTheirAccountsRecords() {
        JsonNode seenByA = authz.list(officerA, contractor);
        assertEquals(1, seenByA.size(), seenByA::toString);
        assertEquals(recordA, seenByA.get(0).get("id").asText());
        assertEquals(accountA, seenByA.get(0).get("account").asText());
        assertEquals(aliasA, seenByA.get(0).get("accountAlias").asText());
        JsonNode seenByB = authz.list(officerB, contractor);
        assertEquals(1, seenByB.size(), seenByB::toString);
        assertEquals(recordB, seenByB.get(0).get("id").asText());
        assertEquals(seenByB, authz.list(auditorB, contractor));
        // A realm-wide compliance officer (an operator) sees both.
        assertEquals(2, authz.list(realm.userToken(authz.officer()), contractor).size());
    }

    @Test
    void anotherAccountsRecordIsNotFoundForEveryReadAndWrite() {
        String unknown = "00000000-0000-0000-0000-000000000000";
        for (String token : List.of(officerB, auditorB)) {
            List<Http.Response> ofA = answers(token, recordA);
            List<Http.Response> ofNone = answers(token, unknown);
            for (int i = 0; i < ofA.size(); i++) {
                // Exactly as an unknown id: B's officer 404, B's auditor 403 on writes (no write right in B at all).
                assertEquals(ofNone.get(i).status(), ofA.get(i).status(), ofA.get(i)::toString);
                assertEquals(ofNone.get(i).json().get("error_description").asText(),
                        ofA.get(i).json().get("error_description").asText());
                if (token.equals(officerB) || i == 0) {
                    assertEquals(404, ofA.get(i).status(), ofA.get(i)::toString);
                }
            }
        }
        // The body of A's record's 404 is the body of an unknown id's: nothing to tell them apart.
        String ofA = Http.get(authz.url(contractor) + "/" + recordA, officerB).json().get("error_description").asText();
        String ofNone = Http.get(authz.url(contractor) + "/" + unknown, officerB).json().get("error_description").asText();
        assertEquals(ofNone, ofA);
        JsonNode stillActive = authz.list(officerA, contractor).get(0);
        assertEquals("active", stillActive.get("status").asText(), "nothing of A's record changed");
        assertEquals("UK.66.123456", stillActive.get("licence").get("number").asText());
    }

    /** Read, update, suspend, reinstate, revoke of one record id of the contractor. */
    private List<Http.Response> answers(String token, String id) {
        String url = authz.url(contractor) + "/" + id;
        return List.of(Http.get(url, token),
                Http.putJson(url, token, Authz.crs("CRS-REC-A")),
                Http.postJson(url + "/suspend", token, Map.of("reason", "not ours")),
                Http.postJson(url + "/reinstate", token, Map.of("reason", "not ours")),
                Http.postJson(url + "/revoke", token, Map.of("reason", "not ours")));
    }

    @Test
    void anOfficerCannotGrantInAnotherAccount() {
        Http.Response intoA = Http.postJson(authz.url(contractor), officerB,
                Authz.with(Authz.crs("CRS-REC-B-INTO-A"), "account", aliasA));
        assertEquals(404, intoA.status(), intoA::toString);
        assertEquals(1, authz.list(officerA, contractor).size(), "nothing was granted in A");
        // A reference of A's is no obstacle in B, and B's officer learns nothing of A's references.
        String another = realm.contractor(accountA, accountB, "records-second");
        authz.grant(officerA, another, Authz.crs("CRS-REC-SHARED"));
        // Certifying staff waits for a second person (issue 23): the request itself is already checked.
        JsonNode sameReference = authz.grant(officerB, another, Authz.crs("CRS-REC-SHARED"));
        assertEquals(accountB, sameReference.get("account").asText(), sameReference::toString);
    }

    @Test
    void anOperatorGrantingToAPersonInTwoAccountsNamesTheAccount() {
        String operator = realm.userToken(authz.officer());
        Http.Response unnamed = Http.postJson(authz.url(contractor), operator, Authz.crs("CRS-REC-OP"));
        assertEquals(400, unnamed.status(), unnamed::toString);
        assertEquals("account", unnamed.json().get("problems").get(0).get("field").asText(), unnamed::toString);
        String loner = realm.createUser("records-no-account", Map.of());
        Http.Response noAccount = Http.postJson(authz.url(loner), operator, Authz.crs("CRS-REC-NONE"));
        assertEquals(400, noAccount.status(), noAccount::toString);
        assertEquals("account", noAccount.json().get("problems").get(0).get("field").asText());
        Http.Response notMember = Http.postJson(authz.url(loner), operator,
                Authz.with(Authz.crs("CRS-REC-NONE"), "account", aliasA));
        assertEquals(400, notMember.status(), notMember::toString);
        assertEquals(0, authz.list(operator, loner).size(), "nothing was granted");
    }

    @Test
    void aRecordStaysInTheAccountThatIssuedIt() {
        Http.Response moved = Http.putJson(authz.url(contractor) + "/" + recordA, officerA,
                Authz.with(Authz.crs("CRS-REC-A"), "account", accountB));
        assertEquals(400, moved.status(), moved::toString);
        assertEquals("account", moved.json().get("problems").get(0).get("field").asText());
    }

    @Test
    void thePersonSeesAllTheirRecordsGroupedByAccount() {
        Http.Response mine = Http.get(realm.url("/mx/me/authorizations"), realm.userToken(contractor));
        assertEquals(200, mine.status(), mine::toString);
        JsonNode accounts = mine.json().get("accounts");
        List<String> ids = new ArrayList<>();
        accounts.forEach(a -> ids.add(a.get("id").asText()));
        assertTrue(ids.containsAll(List.of(accountA, accountB)), accounts::toString);
        for (JsonNode group : accounts) {
            group.get("authorizations").forEach(r -> assertEquals(group.get("id").asText(), r.get("account").asText()));
            assertFalse(group.get("name").asText().isBlank());
        }
    }

    @Test
    void eachAccountsComplianceViewsHoldOnlyItsRecords() {
        JsonNode rosterA = Http.get(realm.url("/mx/authorizations/roster?type=certifying-staff"), officerA).json();
        JsonNode rosterB = Http.get(realm.url("/mx/authorizations/roster?type=certifying-staff"), officerB).json();
        assertTrue(rosterA.toString().contains("CRS-REC-A"), rosterA::toString);
        assertFalse(rosterB.toString().contains("CRS-REC-A"), "A's record is not on B's roster: " + rosterB);
        JsonNode expiringB = Http.get(realm.url("/mx/authorizations/expiring?days=3660"), officerB).json();
        expiringB.forEach(row -> assertEquals(accountB, row.get("authorization").get("account").asText(), row::toString));
        JsonNode expiringA = Http.get(realm.url("/mx/authorizations/expiring?days=3660"), officerA).json();
        assertTrue(expiringA.toString().contains(recordA), expiringA::toString);
        assertFalse(expiringA.toString().contains(recordB), expiringA::toString);
    }
}
