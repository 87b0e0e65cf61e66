package com.maintenanceaccess.it.signoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.maintenanceaccess.it.authorization.Authz;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Realm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An account's auditor exports the trail of their account (GET /mx/trail/export) and verifies
 * it offline: their account's signoff is in it in full, another account's signoff and
 * authorization change only as hashes, an edit in the file is found and named, and the
 * auditor of the other account cannot export this one (404).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountTrailExportIT {

    private final Realm realm = Realm.maintenance();
    private final Authz authz = new Authz(realm);
    private String accountA;
    private String auditorA;
    private String auditorB;
    private String signerB;
    private String usernameB;
    private JsonNode signedA;
    private JsonNode signedB;

    @BeforeAll
    void setUp() {
        String officer = realm.userToken(authz.officer());
        accountA = realm.createAccount("trail-a", true, Map.of());
        String accountB = realm.createAccount("trail-b", true, Map.of());
        auditorA = realm.userToken(realm.accountPerson(accountA, "trail-auditor-a", "auditor"));
        auditorB = realm.userToken(realm.accountPerson(accountB, "trail-auditor-b", "auditor"));
        String signerA = realm.accountPerson(accountA, "trail-signer-a");
        signerB = realm.accountPerson(accountB, "trail-signer-b");
        usernameB = realm.username(signerB);
        authz.grant(officer, signerA, Authz.crs("CRS-TRAIL-A"));
        authz.grant(officer, signerB, Authz.crs("CRS-SECRET-OF-B"));
        signedA = sign(signerA, "WO-TRAIL-A");
        signedB = sign(signerB, "WO-SECRET-OF-B");
    }

    private JsonNode sign(String userId, String workOrder) {
        return sign(userId, workOrder, "openid");
    }

    private JsonNode sign(String userId, String workOrder, String scope) {
        SignerBrowser browser = new SignerBrowser(realm.url(""), realm.username(userId), Realm.TEST_PASSWORD, scope);
        browser.login();
        Map<String, Object> release = Releases.release("G-TRAL", workOrder);
        String token = browser.stepUp(release).get("access_token").asText();
        Http.Response signed = Http.postJson(realm.url("/mx/signoffs"), token, release);
        assertEquals(201, signed.status(), signed::toString);
        return signed.json();
    }

    private Http.Response export(String token, String query) {
        return Http.get(realm.url("/mx/trail/export" + query), token);
    }

    @Test
    void theAuditorExportsAVerifiedTrailThatShowsTheirSignoff() throws Exception {
        Http.Response export = export(auditorA, "");
        assertEquals(200, export.status(), export::toString);
        JsonNode root = export.json();
        assertEquals("mx-trail-account-v1", root.get("format").asText());
        assertEquals(accountA, root.get("account").get("id").asText());
        assertEquals(3, root.get("retention").get("years").asInt(), "the retention rule travels with the export");
        assertTrue(root.get("retention").get("rule").asText().contains("the bundle deletes no entry"), root::toString);
        JsonNode entry = entryOfSeq(root, signedA.get("seq").asLong());
        assertEquals(signedA.get("id").asText(), entry.get("id").asText());
        assertEquals(signedA.get("hash").asText(), entry.get("hash").asText());
        assertTrue(entry.get("body").asText().contains("WO-TRAIL-A"), entry::toString);

        Path file = Files.createTempFile("account-trail-", ".json");
        Files.writeString(file, export.body());
        OfflineTrailCheck.Result intact = OfflineTrailCheck.run(realm.server(), file);
        assertEquals(0, intact.exit(), intact.output());
        assertTrue(intact.output().startsWith("intact: "), intact.output());
        assertTrue(intact.output().contains("entries of the account"), intact.output());
    }

    @Test
    void anotherAccountsContentDoesNotAppear() throws Exception {
        String text = export(auditorA, "").body();
        for (String secret : List.of("WO-SECRET-OF-B", "CRS-SECRET-OF-B", signerB, usernameB, signedB.get("id").asText())) {
            assertFalse(text.contains(secret), secret + " in " + text);
        }
        // B's signature is in a withheld run: the chain passes through it with numbers and hashes only.
        long seqB = signedB.get("seq").asLong();
        boolean withheld = false;
        for (JsonNode e : Http.JSON.readTree(text).get("entries")) {
            withheld |= e.has("withheld") && e.get("seq").asLong() <= seqB && seqB <= e.get("toSeq").asLong()
                    && e.size() == 5;
        }
        assertTrue(withheld, "entry " + seqB + " withheld in " + text);
    }

    /**
     * Issue 22: a person in A and B brought B's organization id and B's officer into A's export.
     * Now B's officer changes only B's records and the contractor's signature in B is B's: A's
     * export holds the contractor's A side only.
     */
    @Test
    void aContractorBringsNothingOfTheOtherAccountIntoTheExport() throws Exception {
        String accountB = realm.createAccount("trail-con-b", true, Map.of());
        String aliasA = realm.adminGet("/organizations/" + accountA).get("alias").asText();
        String aliasB = realm.adminGet("/organizations/" + accountB).get("alias").asText();
        String contractor = realm.contractor(accountA, accountB, "trail-contractor");
        String officerA = realm.accountPerson(accountA, "trail-officer-a", "compliance-officer");
        String officerB = realm.accountPerson(accountB, "trail-officer-b", "compliance-officer");
        authz.grant(realm.userToken(officerA), contractor, Authz.crs("CRS-CON-OF-A"));
        String recordB = authz.grant(realm.userToken(officerB), contractor, Authz.crs("CRS-CON-OF-B")).get("id").asText();
        authz.action(realm.userToken(officerB), contractor, recordB, "suspend", "B's audit finding");
        authz.action(realm.userToken(officerB), contractor, recordB, "reinstate", "B closed it");
        JsonNode signedInA = sign(contractor, "WO-CON-IN-A", "openid organization:" + aliasA);
        JsonNode signedInB = sign(contractor, "WO-CON-IN-B", "openid organization:" + aliasB);

        String text = export(auditorA, "").body();
        for (String secret : List.of(accountB, aliasB, officerB, realm.username(officerB), "CRS-CON-OF-B",
                "B's audit finding", "WO-CON-IN-B", signedInB.get("id").asText(), recordB)) {
            assertFalse(text.contains(secret), secret + " in A's export: " + text);
        }
        assertTrue(entryOfSeq(Http.JSON.readTree(text), signedInA.get("seq").asLong()).get("body").asText()
                .contains("WO-CON-IN-A"), "the contractor's signature in A is A's");
        assertTrue(text.contains("CRS-CON-OF-A"), "A's grant to the contractor is A's");
        Path file = Files.createTempFile("account-trail-", ".json");
        Files.writeString(file, text);
        OfflineTrailCheck.Result intact = OfflineTrailCheck.run(realm.server(), file);
        assertEquals(0, intact.exit(), intact.output());
    }

    @Test
    void anEditedEntryInTheFileFailsNamingIt() throws Exception {
        ObjectNode root = (ObjectNode) export(auditorA, "").json();
        long seq = signedA.get("seq").asLong();
        ObjectNode entry = (ObjectNode) entryOfSeq(root, seq);
        entry.put("body", entry.get("body").asText().replace("WO-TRAIL-A", "WO-TRAIL-X"));
        Path file = Files.createTempFile("account-trail-", ".json");
        Files.writeString(file, Http.JSON.writeValueAsString(root));
        OfflineTrailCheck.Result broken = OfflineTrailCheck.run(realm.server(), file);
        assertEquals(1, broken.exit(), broken.output());
        assertTrue(broken.output().startsWith("BROKEN at entry " + seq + ": entry " + seq + " was altered"), broken.output());
    }

    @Test
    void theAuditorOfAnotherAccountGets404() {
        Http.Response other = export(auditorB, "?account=" + accountA);
        assertEquals(404, other.status(), other::toString);
        Http.Response own = export(auditorB, "");
        assertEquals(200, own.status(), own::toString);
        assertFalse(own.body().contains("WO-TRAIL-A"), own.body());
        assertTrue(own.body().contains("WO-SECRET-OF-B"), own.body());
        Http.Response verify = Http.get(realm.url("/mx/trail/verify"), auditorA);
        assertEquals(403, verify.status(), "the realm-wide verify stays with realm-wide auditors: " + verify);
    }

    private static JsonNode entryOfSeq(JsonNode root, long seq) {
        for (JsonNode e : root.get("entries")) {
            if (!e.has("withheld") && e.get("seq").asLong() == seq) {
                return e;
            }
        }
        throw new AssertionError("entry " + seq + " not in the export: " + root);
    }
}
