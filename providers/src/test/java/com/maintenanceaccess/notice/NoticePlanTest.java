package com.maintenanceaccess.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.maintenanceaccess.account.NoticeSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NoticePlanTest {

    private static final Instant UNTIL = Instant.parse("2027-01-06T00:00:00Z");
    private static final List<Integer> LEADS = List.of(60, 30, 7);

    @ParameterizedTest(name = "{0} days and {1} hours before the lapse: {2}")
    @CsvSource({
            "100, 0, ''",
            "60, 1, ''",
            "60, 0, lapsing:60:2027-01-06",
            "59, 0, lapsing:60:2027-01-06",
            "20, 0, lapsing:30:2027-01-06",   // only the nearest lead time crossed, not 60 as well
            "7, 0, lapsing:7:2027-01-06",
            "1, 0, lapsing:7:2027-01-06",
            "0, 0, lapsed:2027-01-06",        // the day it lapses
            "-6, 0, lapsed:2027-01-06",
            "-7, 0, ''",                      // an old lapse found by a first run is not reported
    })
    void lapse(int daysBefore, int hoursBefore, String expected) {
        Instant now = UNTIL.minus(Duration.ofDays(daysBefore)).minus(Duration.ofHours(hoursBefore));
        assertEquals(expected.isEmpty() ? Optional.empty() : Optional.of(expected), NoticePlan.lapse(UNTIL, now, LEADS));
    }

    @Test
    void aRecordExtendedToANewDateIsNoticedAgain() {
        Instant now = UNTIL.minus(Duration.ofDays(5));
        Instant extended = UNTIL.plus(Duration.ofDays(2));
        assertEquals(Optional.of("lapsing:7:2027-01-08"), NoticePlan.lapse(extended, now, LEADS));
    }

    @ParameterizedTest(name = "{0} days after sending: {1}")
    @CsvSource({"2, ''", "3, invitation-pending:3:0", "6, invitation-pending:3:0", "7, invitation-pending:7:0",
            "9, invitation-pending:7:0", "10, ''"})
    void invitationReminder(int daysAfter, String expected) {
        Instant sent = Instant.EPOCH;
        Instant expires = sent.plus(Duration.ofDays(10));
        assertEquals(expected.isEmpty() ? Optional.empty() : Optional.of(expected),
                NoticePlan.invitationReminder(sent, expires, sent.plus(Duration.ofDays(daysAfter)), List.of(3, 7)));
    }

    @Test
    void invitationExpiry() {
        Instant expires = Instant.ofEpochMilli(1000);
        assertEquals(Optional.empty(), NoticePlan.invitationExpired(expires, expires.minusMillis(1)));
        assertEquals(Optional.of("invitation-expired:1000"), NoticePlan.invitationExpired(expires, expires));
        assertEquals(Optional.empty(), NoticePlan.invitationExpired(expires, expires.plus(Duration.ofDays(7))));
    }

    @Test
    void daysLeftRoundUp() {
        assertEquals(7, NoticePlan.daysLeft(UNTIL, UNTIL.minus(Duration.ofDays(6)).minus(Duration.ofHours(2))));
        assertEquals(0, NoticePlan.daysLeft(UNTIL, UNTIL));
    }

    @Test
    void settingsFromAccountAttributes() {
        assertEquals(NoticeSettings.defaults(), NoticeSettings.fromAttributes(Map.of()));
        NoticeSettings set = NoticeSettings.fromAttributes(Map.of(NoticeSettings.LEAD_DAYS, List.of("14, 90,3"),
                NoticeSettings.INVITATION_DAYS, List.of("5"), NoticeSettings.TO_OFFICERS, List.of("off")));
        assertEquals(List.of(90, 14, 3), set.leadDays());
        assertEquals(List.of(5), set.invitationDays());
        assertEquals(false, set.toOfficers());
        assertEquals(true, set.toAdministrators());
        // A value the job cannot use falls back to the defaults rather than silence the notices.
        assertEquals(NoticeSettings.DEFAULT_LEAD_DAYS,
                NoticeSettings.fromAttributes(Map.of(NoticeSettings.LEAD_DAYS, List.of("30, soon"))).leadDays());
        assertEquals(NoticeSettings.DEFAULT_LEAD_DAYS,
                NoticeSettings.fromAttributes(Map.of(NoticeSettings.LEAD_DAYS, List.of("0"))).leadDays());
    }

    @Test
    void recencyUsesTheLeadTimesUnderKeysOfItsOwn() {
        java.time.LocalDate day = java.time.LocalDate.parse("2027-01-06");
        assertEquals(Optional.of("recency-lapsing:30:2027-01-06"),
                NoticePlan.recencyLapse(day, UNTIL.minus(Duration.ofDays(20)), LEADS));
        assertEquals(Optional.of("recency-lapsed:2027-01-06"), NoticePlan.recencyLapse(day, UNTIL.plus(Duration.ofHours(3)), LEADS));
        assertEquals(Optional.empty(), NoticePlan.recencyLapse(day, UNTIL.minus(Duration.ofDays(61)), LEADS));
        assertEquals(Optional.empty(), NoticePlan.recencyLapse(null, UNTIL, LEADS));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"2026-12-07T00:00:00Z, digest:2026-W50", "2026-12-13T23:59:59Z, digest:2026-W50",
            "2026-12-14T00:00:00Z, digest:2026-W51", "2027-01-01T12:00:00Z, digest:2026-W53", "2027-01-04T00:00:00Z, digest:2027-W01"})
    void theDigestIsOncePerIsoWeek(String now, String expected) {
        assertEquals(expected, NoticePlan.digestKey(Instant.parse(now)));
    }

    @Test
    void aDigestRowKeepsItsFirstLinesAndCountsTheRest() {
        List<Notice.Item> items = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            items.add(new Notice.Item("Person Number " + i + " with a rather long name", "certifying-staff",
                    "UK.145.01234/CRS-" + i, UNTIL.plus(Duration.ofDays(i)), i % 2 == 0 ? "authorization" : "recency"));
        }
        Notice digest = new Notice(NoticeKind.DIGEST_TO_OFFICER, "account", "digest:2026-W50", "officer",
                new Notice.Facts(null, null, "Account", null, null, null, 60, false, null, items, 3));
        String row = NoticeCodec.encode(digest);
        assertEquals(true, row.length() <= 2000, row);
        Notice back = NoticeCodec.decode("account", "digest:2026-W50", "officer", row);
        assertEquals(43, back.facts().items().size() + back.facts().more(), "nothing is lost from the count");
        assertEquals(items.subList(0, back.facts().items().size()), back.facts().items());
        assertEquals(NoticeKind.DIGEST_TO_OFFICER, back.kind());
    }
}
