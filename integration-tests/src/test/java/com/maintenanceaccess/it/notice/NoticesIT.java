package com.maintenanceaccess.it.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import com.maintenanceaccess.it.support.SmtpOutage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The notice job (issue 25, docs/notices.md) on the real server, mail to GreenMail, time moved
 * with the tests' clock (no waiting): lead times, each notice once (two runs, and a run after a
 * restart of the server), each recipient in their language, nothing to another account's people.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// Alone, no other test class beside it: it moves the bundle's clock, stops the server and the mail server, runs the realm's notice job.
@Isolated
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
        String reference = "NOTICE-20D-" + suffix(person);
        Instant until = Instant.now().plus(Duration.ofDays(20)).truncatedTo(ChronoUnit.SECONDS);
        authz.grant(realm.userToken(officerA), person, Authz.with(Authz.crs(reference), "expiry", until.toString()));
        // A record far from lapsing (B's, of a person in both accounts): only its grant is told.
        String far = "NOTICE-FAR-" + suffix(contractor);
        authz.grant(realm.userToken(officerB), contractor, Authz.with(Authz.crs(far),
                "expiry", Instant.now().plus(Duration.ofDays(200)).toString()));
        String granted = "Sie haben eine neue Berechtigung: " + reference;
        assertEquals(granted, mail(person, 1)[2], "the grant is told at once, in German");

        run();
        String lapsing30 = "Ihre Berechtigung " + reference + " endet am " + germanDate(until);
        String[] toPerson = mail(person, 2);
        assertEquals(lapsing30, toPerson[2]);
        assertTrue(toPerson[0].contains("Hallo J\u00fcrgen,"), toPerson[0]);
        assertTrue(toPerson[0].contains("also noch 20 Tage"), toPerson[0]);
        assertTrue(toPerson[0].contains("Freigabeberechtigtes Personal"), "the type's label, not its id: " + toPerson[0]);
        String[] toOfficer = mail(officerA, 1);
        String lapsingOfficer = "Authorization " + reference + " of J\u00fcrgen M\u00fcller lapses on " + englishDate(until);
        assertEquals(lapsingOfficer, toOfficer[2]);
        assertTrue(toOfficer[0].contains("that is in 20 days"), toOfficer[0]);
        assertTrue(toOfficer[1].contains("J\u00fcrgen M\u00fcller"), toOfficer[1]);
        assertEquals(List.of("You hold a new authorization: " + far), subjects(contractor));
        assertEquals(List.of(), subjects(officerB), "B's officer hears nothing of A's people");

        // A second run, and a run after the server restarted: nothing new.
        run();
        KeycloakServer.whileSharedStopped(() -> { });
        operator = realm.userToken(operatorId); // sessions do not outlive the restart
        run();
        assertEquals(List.of(granted, lapsing30), subjects(person));
        assertEquals(List.of(lapsingOfficer), subjects(officerA));

        // 14 days on: 6 days left, the 7-day notice (once).
        try (ServerClock later = ServerClock.ahead(realm.server(), Duration.ofDays(14))) {
            run();
            run();
            assertEquals(lapsing30, mail(person, 3)[2]);
            assertTrue(mail(person, 3)[0].contains("also noch 6 Tage"), mail(person, 3)[0]);
            assertTrue(mail(officerA, 2)[0].contains("that is in 6 days"), mail(officerA, 2)[0]);
        }
        // Past the date: the lapse itself, once.
        try (ServerClock later = ServerClock.ahead(realm.server(), Duration.ofDays(21))) {
            run();
            run();
            assertEquals("Ihre Berechtigung " + reference + " ist abgelaufen", mail(person, 4)[2]);
            assertEquals("Authorization " + reference + " of J\u00fcrgen M\u00fcller has lapsed", mail(officerA, 3)[2]);
        }
        assertEquals(4, subjects(person).size(), () -> subjects(person).toString());
        assertEquals(3, subjects(officerA).size(), () -> subjects(officerA).toString());
        assertEquals(1, subjects(contractor).size(), () -> subjects(contractor).toString());
        assertEquals(List.of(), subjects(officerB));
    }

    @Test
    void thePersonIsToldOfSuspensionReinstatementRevocationAndDeactivation() throws Exception {
        String person = realm.accountPerson(accountA, "notice-status");
        String officer = realm.userToken(officerA);
        String reference = "NOTICE-ST-" + suffix(person);
        String id = authz.grant(officer, person, Authz.crs(reference)).get("id").asText();
        authz.action(officer, person, id, "suspend", "audit finding <QA-12> & more");
        authz.action(officer, person, id, "reinstate", "finding closed");
        authz.action(officer, person, id, "revoke", "left the company");
        Http.Response deactivated = Http.postJson(realm.url("/mx/users/" + person + "/deactivate"), realm.userToken(adminA),
                Map.of("reason", "left the company"));
        assertEquals(200, deactivated.status(), deactivated::toString);
        String[] suspended = mail(person, 2);
        assertEquals("Your authorization " + reference + " is suspended", suspended[2]);
        assertTrue(suspended[0].contains("Reason: audit finding <QA-12> & more"), suspended[0]);
        assertTrue(suspended[1].contains("audit finding &lt;QA-12&gt; &amp; more"), "escaped in HTML: " + suspended[1]);
        mail(person, 5);
        assertEquals(List.of("You hold a new authorization: " + reference, "Your authorization " + reference + " is suspended",
                "Your authorization " + reference + " is reinstated", "Your authorization " + reference + " is revoked",
                "Your access has been deactivated"), subjects(person));
        run();
        assertEquals(5, subjects(person).size(), "a run sends none of them again");
    }

    @Test
    void aNoticeThatCouldNotBeSentIsListedAndSentByTheNextRunOnce() throws Exception {
        String person = realm.accountPerson(accountA, "notice-retry");
        String reference = "NOTICE-RETRY-" + suffix(person);
        try (SmtpOutage outage = SmtpOutage.start(realm)) {
            authz.grant(realm.userToken(officerA), person, Authz.crs(reference));
        }
        assertEquals(List.of(), subjects(person), "nothing arrived while the mail server was down");
        JsonNode failed = Http.get(realm.url("/mx/notifications/failed"), operator).json();
        assertTrue(failed.toString().contains(person), failed::toString);
        JsonNode summary = run();
        assertTrue(summary.get("retried").asInt() >= 1, summary::toString);
        assertEquals("You hold a new authorization: " + reference, mail(person, 1)[2]);
        run();
        assertEquals(1, subjects(person).size());
        assertFalse(Http.get(realm.url("/mx/notifications/failed"), operator).json().toString().contains(person));
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
            assertEquals(2, subjects(invitee).size(), "once, though the job ran twice");
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
    void recencyLapsingIsNoticedAtTheLeadTimeAndOnTheDayOnceToThePersonAndTheOfficers() throws Exception {
        String accountC = realm.createAccount("notices-c", true, Map.of());
        String officerC = realm.accountPerson(accountC, "notice-officer-c", "compliance-officer");
        String person = realm.accountPerson(accountC, "notice-recency");
        String name = "Test " + realm.username(person).substring(0, "notice-recency".length());
        String reference = "NOTICE-REC-" + suffix(person);
        // Experience of 202 days at the start of the two-year window: it leaves the window day by day.
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate from = today.minusMonths(24);
        LocalDate to = from.plusDays(201);
        // The test's own reading of 145.A.35(c): the first day with fewer than 183 days of experience in the two years before.
        LocalDate lapse = today;
        while (ChronoUnit.DAYS.between(lapse.minusMonths(24), to) + 1 >= 183) {
            lapse = lapse.plusDays(1);
        }
        long daysLeft = ChronoUnit.DAYS.between(today, lapse);
        assertTrue(daysLeft > 7 && daysLeft <= 30, "the fixture lapses between the 30- and the 7-day lead: " + lapse);
        authz.grant(realm.userToken(officerC), person, Authz.with(Authz.crs(reference), "experience",
                List.of(Map.of("from", from.toString(), "to", to.toString()))));
        mail(person, 1); // the grant

        run();
        run();
        String[] toPerson = mail(person, 2);
        assertEquals("Recency for your authorization " + reference + " lapses on " + englishDate(lapse), toPerson[2]);
        assertTrue(toPerson[0].contains("six months within two years") && toPerson[0].contains("that is in " + daysLeft + " days"),
                toPerson[0]);
        String[] toOfficer = mail(officerC, 1);
        assertEquals("Recency for authorization " + reference + " of " + name + " lapses on " + englishDate(lapse), toOfficer[2]);
        // The same run's weekly digest lists it for the officer.
        String[] overview = digest(officerC, 1);
        assertTrue(overview[0].contains(name + ": recency for " + reference + " (certifying staff) lapses on "
                + englishDate(lapse)), overview[0]);
        assertEquals(2, subjects(person).size(), () -> subjects(person).toString());
        assertEquals(1, subjects(officerC).size(), () -> subjects(officerC).toString());
        for (String other : List.of(officerA, officerB)) {
            assertFalse(Mail.to(email(other)).stream().map(NoticesIT::subject).anyMatch(s -> s.contains(reference)),
                    "another account's officer is not told");
        }

        // On the day the signoff check starts refusing it: the lapse, once.
        try (ServerClock later = ServerClock.ahead(realm.server(), Duration.ofDays(daysLeft))) {
            run();
            run();
            assertEquals("Recency for your authorization " + reference + " has lapsed", mail(person, 3)[2]);
            assertEquals("Recency for authorization " + reference + " of " + name + " has lapsed", mail(officerC, 2)[2]);
        }
        assertEquals(3, subjects(person).size(), () -> subjects(person).toString());
        assertEquals(2, subjects(officerC).size(), () -> subjects(officerC).toString());
    }

    @Test
    void officersGetAWeeklyDigestOfWhatLapsesInTheNext60DaysOncePerWeekInTheirLanguage() throws Exception {
        String accountD = realm.createAccount("notices-d", true, Map.of());
        String accountName = realm.adminGet("/organizations/" + accountD).get("name").asText();
        String english = realm.accountPerson(accountD, "notice-officer-d", "compliance-officer");
        String german = germanMemberOf(accountD, "notice-officer-d-de");
        realm.grantAccountRole(accountD, german, "compliance-officer");
        String soon = realm.accountPerson(accountD, "notice-digest-soon");
        String later = realm.accountPerson(accountD, "notice-digest-later");
        String soonRef = "NOTICE-DIG-" + suffix(soon);
        String laterRef = "NOTICE-DIG-" + suffix(later);
        String otherRef = "NOTICE-DIG-A-" + suffix(soon);
        Instant until = Instant.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
        String officer = realm.userToken(english);
        authz.grant(officer, soon, Authz.with(Authz.crs(soonRef), "expiry", until.toString()));
        authz.grant(officer, later, Authz.with(Authz.crs(laterRef), "expiry", Instant.now().plus(Duration.ofDays(90)).toString()));
        // The same person's record of another account is not D's business (an account of this test's
        // own: the other tests count what A's and B's officers receive).
        String accountE = realm.createAccount("notices-e", true, Map.of());
        String officerE = realm.accountPerson(accountE, "notice-officer-e", "compliance-officer");
        realm.addMember(accountE, soon);
        authz.grant(realm.userToken(officerE), soon, Authz.with(Authz.crs(otherRef), "expiry", until.toString()));

        run();
        run();
        String[] en = digest(english, 1);
        assertEquals("Weekly overview for " + accountName + ": 1 lapsing in the next 60 days", en[2]);
        String soonName = "Test " + realm.username(soon).substring(0, "notice-digest-soon".length());
        assertTrue(en[0].contains(soonName + ": " + soonRef + " (certifying staff) lapses on " + englishDate(until)), en[0]);
        assertTrue(en[1].contains(soonRef), en[1]);
        assertFalse(en[0].contains(laterRef) || en[0].contains(otherRef), "only D's records of the next 60 days: " + en[0]);
        String[] de = digest(german, 1);
        assertEquals("Wochen\u00fcbersicht f\u00fcr " + accountName + ": 1 laufen in den n\u00e4chsten 60 Tagen ab", de[2]);
        assertTrue(de[0].contains(soonRef + " (Freigabeberechtigtes Personal) endet am " + germanDate(until)), de[0]);
        assertEquals(1, digestSubjects(english).size(), "once per week, though the job ran twice");
        assertEquals(1, digestSubjects(german).size());
        assertTrue(digest(officerE, 1)[0].contains(otherRef), "E's officer has E's own overview");
        for (String other : List.of(officerA, officerB, officerE)) {
            assertFalse(mails(other, true).stream().map(message -> MailParts.of(message).text())
                    .anyMatch(text -> text.contains(soonRef)), "another account's officer is not told of D's records");
        }

        // The next week: a new digest, once.
        try (ServerClock nextWeek = ServerClock.ahead(realm.server(), Duration.ofDays(7))) {
            run();
            run();
            assertTrue(digest(english, 2)[0].contains(soonRef), digest(english, 2)[0]);
            assertTrue(digest(german, 2)[0].contains(soonRef));
        }
        assertEquals(2, digestSubjects(english).size(), () -> digestSubjects(english).toString());
        assertEquals(2, digestSubjects(german).size(), () -> digestSubjects(german).toString());
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

    /** The n-th mail to a user as {text, html, subject}, not counting the officers' weekly digests. */
    private String[] mail(String userId, int n) throws Exception {
        return parts(await(userId, n, false));
    }

    /** The n-th weekly digest to a user as {text, html, subject}. */
    private String[] digest(String userId, int n) throws Exception {
        return parts(await(userId, n, true));
    }

    private static String[] parts(jakarta.mail.internet.MimeMessage message) throws Exception {
        MailParts mail = MailParts.of(message);
        return new String[] {mail.text(), mail.html(), mail.subject()};
    }

    private jakarta.mail.internet.MimeMessage await(String userId, int n, boolean digests) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        List<jakarta.mail.internet.MimeMessage> mails = mails(userId, digests);
        while (mails.size() < n && Instant.now().isBefore(deadline)) {
            Thread.sleep(200); // waiting for the mail server, not for the server's clock
            mails = mails(userId, digests);
        }
        assertTrue(mails.size() >= n, () -> "mail " + n + " to " + realm.username(userId) + ": " + subjects(userId));
        return mails.get(n - 1);
    }

    private List<jakarta.mail.internet.MimeMessage> mails(String userId, boolean digests) {
        return Mail.to(email(userId)).stream().filter(message -> isDigest(message) == digests).toList();
    }

    private static boolean isDigest(jakarta.mail.internet.MimeMessage message) {
        String subject = subject(message);
        return subject.startsWith("Weekly overview for ") || subject.startsWith("Wochen\u00fcbersicht f\u00fcr ");
    }

    private void assertNothingFor(String... userIds) {
        for (String userId : userIds) {
            assertEquals(List.of(), subjects(userId), "no notice to " + realm.username(userId));
        }
    }

    /** Subjects of the mails to a user but the officers' weekly digests (digestSubjects). */
    private List<String> subjects(String userId) {
        return mails(userId, false).stream().map(NoticesIT::subject).toList();
    }

    private List<String> digestSubjects(String userId) {
        return mails(userId, true).stream().map(NoticesIT::subject).toList();
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }

    private static String englishDate(LocalDate day) {
        return englishDate(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static String germanDate(LocalDate day) {
        return germanDate(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static String englishDate(Instant instant) {
        return java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
                .withLocale(java.util.Locale.ENGLISH).format(instant.atOffset(java.time.ZoneOffset.UTC).toLocalDate());
    }

    private static String germanDate(Instant instant) {
        return java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
                .withLocale(java.util.Locale.GERMAN).format(instant.atOffset(java.time.ZoneOffset.UTC).toLocalDate());
    }
}
