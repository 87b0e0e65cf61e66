package com.maintenanceaccess.it.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.maintenanceaccess.it.authorization.Authz;
import com.maintenanceaccess.it.signoff.SignerBrowser;
import com.maintenanceaccess.it.support.BrowserExtension;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Realm;
import com.maintenanceaccess.it.workspace.pages.SignoffsPage;
import com.maintenanceaccess.trail.ChainCheck;
import com.maintenanceaccess.trail.TrailCheckCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Workspace → Signoffs, as the account's auditor uses it (an account role, no realm-management
 * role, as the demo's abe.auditor): a release signed through the real step-up and
 * {@code POST /mx/signoffs}, and a refused attempt, are listed with who, what and when; the
 * filters narrow the list; the CSV and the trail export download from the browser; the
 * browser's check of the export agrees with TrailCheckCommand's verification on the intact file
 * and on an edited one; the compliance officer reads them too, the account administrator is
 * refused (403); the auditor of another account sees none of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignoffsPageIT {

    private static final String REGISTRATION = "G-SGNP";
    private static final String WORK_ORDER = "WO-SIGNOFFS-PAGE";

    @RegisterExtension
    final BrowserExtension browser = new BrowserExtension();

    private final Realm realm = Realm.maintenance();
    private final Authz authz = new Authz(realm);
    private String account;
    private String alias;
    private String otherAlias;
    private String auditor;
    private String otherAuditor;
    private String signer;
    private JsonNode signed;
    private JsonNode refused;

    @BeforeAll
    void signAReleaseAndARefusedOne() {
        account = realm.createAccount("ws-signoffs", true, Map.of());
        String other = realm.createAccount("ws-signoffs-other", true, Map.of());
        alias = realm.adminGet("/organizations/" + account).get("alias").asText();
        otherAlias = realm.adminGet("/organizations/" + other).get("alias").asText();
        auditor = accountPerson(account, "ws-signoffs-auditor", "auditor");
        otherAuditor = accountPerson(other, "ws-signoffs-auditor-b", "auditor");
        signer = realm.accountPerson(account, "ws-signoffs-signer");
        authz.grant(realm.userToken(authz.officer()), signer, Authz.crs("CRS-SIGNOFFS-PAGE"));
        Http.Response accepted = sign(signer, WORK_ORDER);
        assertEquals(201, accepted.status(), accepted::toString);
        signed = accepted.json();
        // A member without an authorization: refused, and recorded as a refusal of this account.
        Http.Response no = sign(realm.accountPerson(account, "ws-signoffs-unauthorized"), WORK_ORDER + "-REFUSED");
        assertEquals(403, no.status(), no::toString);
        refused = no.json();
    }

    private Http.Response sign(String userId, String workOrder) {
        SignerBrowser signerBrowser = new SignerBrowser(realm.url(""), realm.username(userId), Realm.TEST_PASSWORD);
        signerBrowser.login();
        Map<String, Object> body = new HashMap<>();
        body.put("type", "release");
        body.put("aircraft", Map.of("registration", REGISTRATION, "type", "A320"));
        body.put("workOrder", workOrder);
        body.put("task", "7");
        body.put("taskCategory", "line");
        body.put("base", "LHR");
        body.put("declaration", "Certifies that the work specified was carried out in accordance with Part-145.");
        String token = signerBrowser.stepUp(body).get("access_token").asText();
        return Http.postJson(realm.url("/mx/signoffs"), token, body);
    }

    @Test
    void theAuditorSeesTheRecordsAndFiltersThem() {
        SignoffsPage page = new SignoffsPage(browser.driver(), realm).open(alias, realm.username(auditor), Realm.TEST_PASSWORD);
        assertEquals(List.of(alias), page.accountChoices(), "the auditor's one account");
        String id = signed.get("id").asText();
        page.awaitListed(id);
        Map<String, String> row = page.row(id);
        assertEquals("Signed", row.get("outcome"), row::toString);
        assertTrue(row.get("signer").contains(realm.username(signer)), row::toString);
        assertTrue(row.get("signer").contains("CRS-SIGNOFFS-PAGE"), "the authorization it was signed under: " + row);
        assertEquals("Release to service", row.get("type"));
        assertEquals(REGISTRATION + " · A320", row.get("aircraft"));
        assertEquals(WORK_ORDER, row.get("work-order"));
        assertTrue(row.get("declaration").startsWith("Certifies that the work specified"), row::toString);
        assertTrue(row.get("proof").startsWith("signoff"), "the acr and the re-authentication: " + row);
        assertTrue(row.get("proof").contains("re-authenticated"), row::toString);

        String refusal = refused.path("refusal").path("id").asText();
        assertFalse(refusal.isEmpty(), "the refusal answer names its trail entry: " + refused);
        page.awaitListed(refusal);
        Map<String, String> refusedRow = page.row(refusal);
        assertEquals("Refused", refusedRow.get("outcome"), refusedRow::toString);
        // The reason in words (mxSignoffReason.*), not its id "missing" (issue 24 item 1).
        assertTrue(refusedRow.get("reasons").contains("the person holds no authorization of this type"), refusedRow::toString);
        assertFalse(refusedRow.get("reasons").contains("missing"), refusedRow::toString);
        assertTrue(page.offlineCommand().contains("com.maintenanceaccess.trail.TrailCheckCommand trail.json"));
        page.screenshotForDocs("signoffs");

        page.outcome("refused").awaitNotListed(id).awaitListed(refusal);
        page.outcome("").person(signer).awaitNotListed(refusal).awaitListed(id);
        page.aircraft("G-NONE").awaitNotListed(id);
        assertTrue(page.showsNoRecords());
        page.aircraft(REGISTRATION).awaitListed(id);
    }

    @Test
    void theCsvAndTheExportDownloadAndTheBrowsersCheckAgreesWithTheOfflineCheck() throws Exception {
        Path downloads = Files.createTempDirectory(Path.of("target"), "signoffs-downloads-");
        SignoffsPage page = new SignoffsPage(browser.driver(), realm).open(alias, realm.username(auditor), Realm.TEST_PASSWORD)
                .downloadsTo(downloads);
        page.awaitListed(signed.get("id").asText());

        page.downloadCsv();
        String csv = SignoffsPage.awaitDownload(downloads, "signoffs-" + alias + ".csv");
        assertTrue(csv.startsWith("\"id\",\"seq\",\"signedAt\""), csv);
        assertTrue(csv.contains(signed.get("id").asText()) && csv.contains(WORK_ORDER), csv);
        assertEquals(csv, Http.get(realm.url("/mx/signoffs?account=" + alias + "&format=csv"), realm.userToken(auditor)).body(),
                "the page's CSV is the API's");

        String check = page.downloadExport();
        String text = SignoffsPage.awaitDownload(downloads, "trail-maintenance-" + alias + ".json");
        JsonNode export = Http.JSON.readTree(text);
        assertEquals("mx-trail-account-v1", export.get("format").asText());
        assertTrue(text.contains(signed.get("id").asText()) && text.contains(WORK_ORDER), "the signoff is in the export");
        ChainCheck.Result offline = TrailCheckCommand.verify(export);
        assertTrue(offline.intact(), offline::toString);
        assertTrue(offline.entries() >= 2, "the signature and the refusal at least: " + offline);
        assertTrue(check.contains("Verified: " + offline.entries() + " entries, head " + offline.lastHash()), check);
        page.showTrailExport().screenshotForDocs("signoffs-trail-check");

        // An edited body: the browser names the entry TrailCheckCommand names, in its words.
        long seq = signed.get("seq").asLong();
        ObjectNode edited = (ObjectNode) export.deepCopy();
        for (JsonNode entry : edited.get("entries")) {
            if (!entry.has("withheld") && entry.get("seq").asLong() == seq) {
                ((ObjectNode) entry).put("body", entry.get("body").asText().replace(WORK_ORDER, "WO-EDITED"));
            }
        }
        ChainCheck.Result broken = TrailCheckCommand.verify(edited);
        assertFalse(broken.intact());
        assertEquals(seq, broken.firstBadSeq());
        Path file = downloads.resolve("edited-trail.json");
        Files.writeString(file, Http.JSON.writeValueAsString(edited));
        String found = page.checkFile(file);
        assertTrue(found.contains("Broken at entry " + seq) && found.contains(broken.problem()), found + " / " + broken);
        assertFalse(page.showsRefusalNow());
    }

    @Test
    void theComplianceOfficerReadsThemAndTheAccountAdministratorIsRefused() {
        String officer = accountPerson(account, "ws-signoffs-officer", "compliance-officer");
        new SignoffsPage(browser.driver(), realm).open(alias, realm.username(officer), Realm.TEST_PASSWORD)
                .awaitListed(signed.get("id").asText());

        browser.restart();
        String administrator = accountPerson(account, "ws-signoffs-admin", "account-administrator");
        SignoffsPage page = new SignoffsPage(browser.driver(), realm).open(alias, realm.username(administrator),
                Realm.TEST_PASSWORD);
        assertTrue(page.refusal().contains("compliance officer or auditor"), "the API's 403 naming the roles in words: " + page.refusal());
        assertFalse(page.lists(signed.get("id").asText()));
    }

    @Test
    void theAuditorOfAnotherAccountSeesNothingOfIt() {
        SignoffsPage page = new SignoffsPage(browser.driver(), realm).open(otherAlias, realm.username(otherAuditor),
                Realm.TEST_PASSWORD);
        assertEquals(List.of(otherAlias), page.accountChoices(), "only their own account to choose");
        assertFalse(page.lists(signed.get("id").asText()));
        assertFalse(page.lists(refused.path("refusal").path("id").asText()));
        assertTrue(page.showsNoRecords());
        String export = Http.get(realm.url("/mx/trail/export?account=" + otherAlias), realm.userToken(otherAuditor)).body();
        assertFalse(export.contains(WORK_ORDER) || export.contains(signed.get("id").asText()), export);

        // This account named in the address: the API's 404, shown as the server's refusal.
        page.go(SignoffsPage.PATH + "?account=" + alias);
        assertTrue(page.refusal().contains("does not exist"), "account " + alias + " is unknown to them: " + page.refusal());
        assertFalse(page.lists(signed.get("id").asText()));
    }

    /** A member with account roles only: no realm-management role (checked), as the demo's abe.auditor. */
    private String accountPerson(String account, String prefix, String role) {
        String id = realm.accountPerson(account, prefix, role);
        assertTrue(realm.adminGet("/users/" + id + "/role-mappings").path("clientMappings").path("realm-management").isMissingNode(),
                "no realm-management role");
        return id;
    }
}
