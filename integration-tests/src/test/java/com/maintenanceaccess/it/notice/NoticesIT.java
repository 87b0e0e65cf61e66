package com.maintenanceaccess.it.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.authorization.Authz;
import com.maintenanceaccess.it.invitation.InvitationSupport;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.KeycloakServer;
import com.maintenanceaccess.it.support.Mail;
import com.maintenanceaccess.it.support.MailParts;
import com.maintenanceaccess.it.support.Realm;
import com.maintenanceaccess.it.support.ServerClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The notice job (issue 25, docs/notices.md) on the real server, mail to GreenMail, time moved
 * with the tests' clock (no waiting): lead times, each notice once (two runs, and a run after a
 * restart of the server), each recipient in their language, nothing to another account's people.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoticesIT {

    private final Realm realm = Realm.maintenance();
    private final Authz authz = new Authz(realm);
    private String operatorId;
    private String operator;
    private String accountA;
    private String accountB;
    private String officerA;
    private String officerB;
    private String adminA;
    private String adminB;

    @BeforeAll
    void setUp() {
        operatorId = realm.createUser("notice-operator", Map.of());
        realm.grantRealmManagement(operatorId, "manage-realm", "view-realm");
        operator = realm.userToken(operatorId);
        accountA = realm.createAccount("notices-a", true, Map.of());
        accountB = realm.createAccount("notices-b", true, Map.of());
        officerA = realm.accountPerson(accountA, "notice-officer-a", "compliance-officer");
        officerB = realm.accountPerson(accountB, "notice-officer-b", "compliance-officer");
        adminA = realm.accountPerson(accountA, "notice-admin-a", "account-administrator");
        adminB = realm.accountPerson(accountB, "notice-admin-b", "account-administrator");
    }

    @Test
    void anAuthorizationLapsingIn20DaysIsNoticedOncePerLeadTimeInEachRecipientsLanguage() throws Exception {
        String person = germanMemberOf(accountA, "notice-jurgen");
        String contractor = realm.contractor(accountA, accountB, "notice-contractor");
        Instant until = Instant.now().plus(Duration.ofDays(20)).truncatedTo(ChronoUnit.SECONDS);
        authz.grant(realm.userToken(officerA), person,
                Authz.with(Authz.crs("NOTICE-20D-" + suffix(person)), "expiry", until.toString()));
        // A record far from lapsing (B's, of a person in both accounts): nobody hears of it.
        authz.grant(realm.userToken(officerB), contractor, Authz.with(Authz.crs("NOTICE-FAR-" + suffix(contractor)),
                "expiry", Instant.now().plus(Duration.ofDays(200)).toString()));

        run();
        String[] toPerson = mail(person, 1);
        assertEquals("Ihre Berechtigung NOTICE-20D-" + suffix(person) + " endet am " + germanDate(until), toPerson[2]);
        assertTrue(toPerson[0].contains("Hallo J\u00fcrgen,"), toPerson[0]);
        assertTrue(toPerson[0].contains("also noch 20 Tage"), toPerson[0]);
        assertTrue(toPerson[0].contains("Freigabeberechtigtes Personal"), "the type's label, not its id: " + toPerson[0]);
        String[] toOfficer = mail(officerA, 1);
        assertTrue(toOfficer[2].startsWith("Authorization NOTICE-20D-" + suffix(person) + " of J\u00fcrgen M\u00fcller lapses on "),
                toOfficer[2]);
        assertTrue(toOfficer[0].contains("that is in 20 days"), toOfficer[0]);
        // Escaped: the person's name reaches the HTML part as text.
        assertTrue(toOfficer[1].contains("J\u00fcrgen M\u00fcller") || toOfficer[1].contains("J&uuml;rgen"), toOfficer[1]);
        assertNothingFor(officerB, adminB, contractor);

        // A second run, and a run after the server restarted: nothing new.
        run();
        KeycloakServer.whileSharedStopped(() -> { });
        operator = realm.userToken(operatorId); // sessions do not outlive the restart
        run();
        assertEquals(1, Mail.to(email(person)).size());
        assertEquals(1, Mail.to(email(officerA)).size());

        // 14 days on: 6 days left, the 7-day notice (once).
        try (ServerClock later = ServerClock.ahead(realm.server(), Duration.ofDays(14))) {
            run();
            run();
            assertTrue(mail(person, 2)[2].startsWith("Ihre Berechtigung NOTICE-20D-"), mail(person, 2)[2]);
            assertTrue(mail(person, 2)[0].contains("also noch 6 Tage"), mail(person, 2)[0]);
            assertTrue(mail(officerA, 2)[0].contains("that is in 6 days"), mail(officerA, 2)[0]);
            assertEquals(2, Mail.to(email(person)).size());
        }
        // Past the date: the lapse itself, once.
        try (ServerClock later = ServerClock.ahead(realm.server(), Duration.ofDays(21))) {
            run();
            run();
            assertEquals("Ihre Berechtigung NOTICE-20D-" + suffix(person) + " ist abgelaufen", mail(person, 3)[2]);
            assertTrue(mail(officerA, 3)[2].endsWith("has lapsed"), mail(officerA, 3)[2]);
            assertEquals(3, Mail.to(email(person)).size());
            assertEquals(3, Mail.to(email(officerA)).size());
        }
        assertNothingFor(officerB, adminB, contractor);
    }

    @Test
    void aPendingInvitationIsRemindedAfter3And7DaysAndItsExpiryToldToTheAccountsAdministrators() throws Exception {
        InvitationSupport invitations = new InvitationSupport(realm);
        String invitee = invitations.invitee("notice-invitee", Map.of());
        String alias = realm.adminGet("/organizations/" + accountA).get("alias").asText();
        Http.Response invited = invitations.invite(invitee, 10, alias);
        assertEquals(201, invited.status(), invited::toString);
        mail(invitee, 1); // the invitation itself
        int adminMails = Mail.to(email(adminA)).size();

        run();
        assertEquals(1, Mail.to(email(invitee)).size(), "not yet: the invitation is new");
        try (ServerClock later = ServerClock.ahead(realm.server(), Duration.ofDays(3).plusHours(1))) {
            run();
            run();
            assertEquals("Reminder: your invitation is waiting", mail(invitee, 2)[2]);
            String[] note = mail(adminA, adminMails + 1);
            assertTrue(note[2].endsWith("has not accepted the invitation yet"), note[2]);
            assertTrue(note[0].contains(email(invitee)), note[0]);
        }
        try (ServerClock later = ServerClock.ahead(realm.server(), Duration.ofDays(7).plusHours(1))) {
            run();
            assertTrue(mail(invitee, 3)[0].contains("invited 7 days ago"), mail(invitee, 3)[0]);
        }
        try (ServerClock later = ServerClock.ahead(realm.server(), Duration.ofDays(10).plusHours(1))) {
            run();
            run();
            String[] expired = mail(adminA, adminMails + 3);
            assertTrue(expired[2].startsWith("The invitation of ") && expired[2].endsWith(" has expired"), expired[2]);
        }
        assertEquals(3, Mail.to(email(invitee)).size());
        assertEquals(adminMails + 3, Mail.to(email(adminA)).size());
        assertNothingFor(adminB);
    }

    @Test
    void onlyRealmOperatorsRunTheJob() {
        String officerToken = realm.userToken(officerA);
        Http.Response refused = Http.postJson(realm.url("/mx/notifications/run"), officerToken, Map.of());
        assertEquals(403, refused.status(), refused::toString);
        assertEquals(401, Http.postJson(realm.url("/mx/notifications/run"), null, Map.of()).status());
        Http.Response failed = Http.get(realm.url("/mx/notifications/failed"), operator);
        assertEquals(200, failed.status(), failed::toString);
        assertTrue(failed.json().isArray());
    }

    // --------------------------------------------------------------------------------------

    private JsonNode run() {
        Http.Response response = Http.postJson(realm.url("/mx/notifications/run"), operator, Map.of());
        assertEquals(200, response.status(), response::toString);
        assertEquals(0, response.json().get("failed").asInt(), response::toString);
        return response.json();
    }

    private String germanMemberOf(String account, String prefix) {
        String id = realm.createUser(prefix, Map.of("firstName", "J\u00fcrgen", "lastName", "M\u00fcller",
                "attributes", Map.of("locale", List.of("de"))));
        realm.addMember(account, id);
        return id;
    }

    private String email(String userId) {
        return realm.adminGet("/users/" + userId).get("email").asText();
    }

    private String suffix(String userId) {
        return userId.substring(0, 8).toUpperCase();
    }

    /** The n-th mail to a user as {text, html, subject}. */
    private String[] mail(String userId, int n) throws Exception {
        MailParts mail = MailParts.of(Mail.await(email(userId), n, Duration.ofSeconds(10)));
        return new String[] {mail.text(), mail.html(), mail.subject()};
    }

    private void assertNothingFor(String... userIds) {
        for (String userId : userIds) {
            assertEquals(List.of(), Mail.to(email(userId)).stream().map(NoticesIT::subject).toList(),
                    "no notice to " + realm.username(userId));
        }
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }

    private static String germanDate(Instant instant) {
        return java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
                .withLocale(java.util.Locale.GERMAN).format(instant.atOffset(java.time.ZoneOffset.UTC).toLocalDate());
    }
}
