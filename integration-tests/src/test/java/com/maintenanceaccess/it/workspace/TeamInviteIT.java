package com.maintenanceaccess.it.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.support.BrowserExtension;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Mail;
import com.maintenanceaccess.it.support.Realm;
import com.maintenanceaccess.it.workspace.pages.PeoplePage;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Whole teams at once (issue 24): an account administrator (no realm-management role) checks a CSV
 * file on the People page, sees each row's problems, invites the rows that are ready and gets a
 * result per row; the People list downloads as CSV. Other accounts and other roles get nothing.
 */
class TeamInviteIT {

    @RegisterExtension
    final BrowserExtension browser = new BrowserExtension();

    private final Realm realm = Realm.maintenance();
    private String account;
    private String alias;
    private String admin;
    private String tag;

    @BeforeEach
    void anAccountWithAnAdministrator() {
        account = realm.createAccount("team", true, Map.of());
        alias = realm.adminGet("/organizations/" + account).get("alias").asText();
        admin = realm.accountPerson(account, "team-admin", "account-administrator");
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    private String csv() {
        return "firstName,lastName,email,templates\n"
                + "Pia,Planner,pia-" + tag + "@mro.example,planner\n"
                + "Tess,Technician,tess-" + tag + "@mro.example,technician|stores\n"
                + "Nora,Newhire,nora-" + tag + "@demo-mro,planner\n"
                + "Otto,Other,otto-" + tag + "@mro.example,pilot\n"
                + "Pia,Again,PIA-" + tag + "@mro.example,planner\n";
    }

    private String team(String path) {
        return realm.url("/mx/accounts/" + alias + "/team" + path);
    }

    @Test
    void anAdministratorChecksTheFileThenInvitesTheRowsThatAreReady() throws Exception {
        PeoplePage page = new PeoplePage(browser.driver(), realm).open(alias, realm.username(admin), Realm.TEST_PASSWORD);
        page.checkTeam(csv());
        assertEquals("ready", page.teamOutcome(2));
        assertEquals("ready", page.teamOutcome(3));
        assertEquals("refused", page.teamOutcome(4));
        assertTrue(page.teamRow(4).contains("domain ending"), page.teamRow(4));
        assertEquals("refused", page.teamOutcome(5));
        assertTrue(page.teamRow(5).contains("Role templates: This is not a role template of the account."), "the field in words: " + page.teamRow(5));
        assertFalse(page.teamRow(5).contains("grantable"), "no API words: " + page.teamRow(5));
        assertEquals("refused", page.teamOutcome(6));
        assertTrue(page.teamRow(6).contains("line 2"), page.teamRow(6));
        assertEquals("Invite 2 people", page.teamInviteButton());
        assertEquals(0, Mail.to("pia-" + tag + "@mro.example").size(), "a check sends nothing");
        assertEquals(1, realm.adminGet("/organizations/" + account + "/members").size(), "a check creates nobody");
        page.screenshotForDocs("team-invite-check");

        page.inviteTeam();
        assertEquals("invited", page.teamOutcome(2));
        assertEquals("invited", page.teamOutcome(3));
        assertEquals("refused", page.teamOutcome(4));
        page.awaitDone("2 invited, 3 not invited");
        Mail.await("pia-" + tag + "@mro.example", 1, Duration.ofSeconds(30));
        Mail.await("tess-" + tag + "@mro.example", 1, Duration.ofSeconds(30));
        page.awaitListed("tess-" + tag + "@mro.example");
        page.screenshotForDocs("team-invite-result");

        // The same file again: the two are now the account's people, so nothing is sent twice.
        JsonNode again = Http.send("POST", team("/invite"), realm.userToken(admin), "text/csv", csv()).json();
        assertEquals(0, again.get("invited").asInt(), again::toString);
        assertEquals(1, Mail.to("pia-" + tag + "@mro.example").size());

        // Each invited person is one admin event of the people API, by the administrator.
        JsonNode events = realm.adminGet("/admin-events?resourceTypes=CUSTOM&max=200");
        long byAdmin = 0;
        for (JsonNode event : events) {
            if (event.path("resourcePath").asText().startsWith("accounts/" + account + "/people/")
                    && admin.equals(event.path("authDetails").path("userId").asText())) {
                byAdmin++;
            }
        }
        assertEquals(2, byAdmin, events::toString);
    }

    @Test
    void thePeopleListDownloadsAsCsvWithTemplatesRolesAndState() {
        Http.send("POST", team("/invite"), realm.userToken(admin), "text/csv", csv()).expect(200, "invite");
        Http.Response export = Http.get(team("/people.csv"), realm.userToken(admin));
        assertEquals(200, export.status(), export::toString);
        assertTrue(export.header("Content-Type").startsWith("text/csv"), export.header("Content-Type"));
        String[] lines = export.body().split("\r\n");
        assertEquals("\"firstName\",\"lastName\",\"email\",\"templates\",\"accountRoles\",\"state\",\"lastLogin\"", lines[0]);
        assertEquals(4, lines.length, "the administrator and the two invited: " + export.body());
        String tess = java.util.Arrays.stream(lines).filter(line -> line.contains("tess-" + tag)).findFirst().orElseThrow();
        assertTrue(tess.startsWith("\"Tess\",\"Technician\",\"tess-" + tag + "@mro.example\""), tess);
        assertTrue(tess.contains("stores") && tess.contains("technician") && tess.contains("\"invited (pending)\""), tess);
        assertTrue(export.body().contains("\"account-administrator\""), export.body());
    }

    @Test
    void otherRolesAndOtherAccountsGetNothingAndABadFileIsRefusedAsAWhole() {
        String auditor = realm.accountPerson(account, "team-auditor", "auditor");
        assertEquals(403, Http.send("POST", team("/preview"), realm.userToken(auditor), "text/csv", csv()).status());
        assertEquals(200, Http.get(team("/people.csv"), realm.userToken(auditor)).status(), "auditors read the list");

        String other = realm.createAccount("team-other", true, Map.of());
        String otherAdmin = realm.accountPerson(other, "team-other-admin", "account-administrator");
        assertEquals(404, Http.send("POST", team("/invite"), realm.userToken(otherAdmin), "text/csv", csv()).status());
        assertEquals(404, Http.get(team("/people.csv"), realm.userToken(otherAdmin)).status());

        Http.Response noColumns = Http.send("POST", team("/preview"), realm.userToken(admin), "text/csv",
                "name,mail\nPia,pia@mro.example\n");
        assertEquals(400, noColumns.status(), noColumns::toString);
        assertEquals("csv", noColumns.json().get("problems").get(0).get("field").asText());
        assertEquals(0, Mail.to("pia-" + tag + "@mro.example").size());
        assertEquals(2, realm.adminGet("/organizations/" + account + "/members").size(), "nobody was added");
    }
}
