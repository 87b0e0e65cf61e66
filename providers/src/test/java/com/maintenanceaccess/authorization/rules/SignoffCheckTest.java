package com.maintenanceaccess.authorization.rules;

import static com.maintenanceaccess.authorization.model.Fixtures.NOW;
import static com.maintenanceaccess.authorization.model.Fixtures.crs;
import static com.maintenanceaccess.authorization.model.Fixtures.inspection;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.maintenanceaccess.authorization.model.Fixtures;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization.Licence;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization.Period;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization.Status;
import com.maintenanceaccess.authorization.rules.SignoffCheck.Decision;
import com.maintenanceaccess.authorization.rules.SignoffCheck.Reason;
import com.maintenanceaccess.authorization.rules.SignoffCheck.Request;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The signoff decision table (the same cases run against the server in SignoffCheckIT). */
class SignoffCheckTest {

    private static final String SIGNER = "signer";
    private static final String TECH = "tech";
    /** The account every case of the table signs in; its records are issued by it (see {@link #decides}). */
    private static final String ACCOUNT = "account-a";
    private static final String OTHER = "account-b";
    private final SignoffCheck check = new SignoffCheck(Fixtures.CATALOG);

    static Request crsRequest(String aircraft, String task) {
        return new Request(SIGNER, "certifying-staff", aircraft, task, Set.of(TECH), null, NOW, ACCOUNT);
    }

    static Stream<Arguments> table() {
        LocalDate lx = LocalDate.parse("2029-03-31");
        return Stream.of(
                row("valid CRS, aircraft and task in scope", List.of(crs()), crsRequest("A320", "line"), true),
                row("an aircraft group covers its types", List.of(crs()), crsRequest("A321", "ATA-32"), true),
                row("no authorization of the type", List.of(inspection()), crsRequest("A320", "line"), false, Reason.MISSING),
                row("no authorizations at all", List.of(), crsRequest("A320", "line"), false, Reason.MISSING),
                row("expired", List.of(Fixtures.withDates(crs(), Instant.parse("2025-01-01T00:00:00Z"),
                        Instant.parse("2026-11-01T00:00:00Z"))), crsRequest("A320", "line"), false, Reason.EXPIRED),
                row("not yet effective", List.of(Fixtures.withDates(crs(), Instant.parse("2026-12-01T00:00:00Z"),
                        Instant.parse("2028-01-01T00:00:00Z"))), crsRequest("A320", "line"), false, Reason.NOT_YET_EFFECTIVE),
                row("suspended", List.of(crs().withStatus(Status.SUSPENDED, "audit", NOW)), crsRequest("A320", "line"),
                        false, Reason.SUSPENDED),
                row("revoked", List.of(crs().withStatus(Status.REVOKED, "left", NOW)), crsRequest("A320", "line"),
                        false, Reason.REVOKED),
                row("aircraft out of scope", List.of(crs()), crsRequest("B737", "line"), false, Reason.OUT_OF_SCOPE),
                row("task out of scope", List.of(crs()), crsRequest("A320", "structures"), false, Reason.OUT_OF_SCOPE),
                row("base out of scope", List.of(crs()), new Request(SIGNER, "certifying-staff", "A320", "line",
                        Set.of(TECH), "MAN", NOW, ACCOUNT), false, Reason.OUT_OF_SCOPE),
                row("licence expired", List.of(Fixtures.withLicence(crs(), new Licence("UK CAA", "1", "B1.1",
                        LocalDate.parse("2026-11-27")))), crsRequest("A320", "line"), false, Reason.LICENCE_EXPIRED),
                row("licence valid through its last day", List.of(Fixtures.withLicence(crs(), new Licence("UK CAA", "1", "B1.1",
                        LocalDate.parse("2026-11-28")))), crsRequest("A320", "line"), true),
                row("recency lapsed: too little experience in two years", List.of(Fixtures.withRecency(crs(),
                        LocalDate.parse("2026-06-01"), List.of(new Period(LocalDate.parse("2024-01-01"), LocalDate.parse("2025-03-01"))))),
                        crsRequest("A320", "line"), false, Reason.RECENCY_LAPSED),
                row("recency lapsed: continuation training too old", List.of(Fixtures.withRecency(crs(),
                        LocalDate.parse("2024-06-01"), crs().experience())), crsRequest("A320", "line"), false, Reason.RECENCY_LAPSED),
                row("inspector performed the work", List.of(inspection()), new Request(SIGNER, "inspection", "B737", "rii",
                        Set.of(TECH, SIGNER), null, NOW, ACCOUNT), false, Reason.SIGNER_PERFORMED_WORK),
                row("independent inspector", List.of(inspection()), new Request(SIGNER, "inspection", "B737", "rii",
                        Set.of(TECH), null, NOW, ACCOUNT), true),
                row("certifying staff may certify their own work", List.of(crs()), new Request(SIGNER, "certifying-staff",
                        "A320", "line", Set.of(SIGNER), null, NOW, ACCOUNT), true),
                row("one valid record among expired ones is enough", List.of(Fixtures.withDates(crs(),
                        Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z")), crs()),
                        crsRequest("A320", "line"), true),
                row("several reasons are all reported", List.of(Fixtures.withDates(crs(), Instant.parse("2025-01-01T00:00:00Z"),
                        Instant.parse("2026-11-01T00:00:00Z"))), crsRequest("B777", "line"), false, Reason.EXPIRED, Reason.OUT_OF_SCOPE),
                row("at the expiry instant it has expired", List.of(Fixtures.withDates(crs(), Instant.parse("2025-01-01T00:00:00Z"),
                        NOW)), crsRequest("A320", "line"), false, Reason.EXPIRED),
                row("at the effective instant it is valid", List.of(Fixtures.withDates(crs(), NOW,
                        Instant.parse("2028-01-01T00:00:00Z"))), crsRequest("A320", "line"), true));
    }

    private static Arguments row(String name, List<PersonnelAuthorization> records, Request request, boolean allowed,
                                 Reason... reasons) {
        return Arguments.of(name, records, request, allowed, List.of(reasons));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decides(String name, List<PersonnelAuthorization> records, Request request, boolean allowed, List<Reason> reasons) {
        Decision decision = check.decide(request, issuedBy(ACCOUNT, records));
        assertEquals(allowed, decision.allowed(), name);
        assertEquals(reasons, decision.reasons(), name);
        assertEquals(allowed, decision.authorization() != null, name);
    }

    @Test
    void theTableHasAtLeastTwelveCases() {
        assertEquals(true, table().count() >= 12);
    }

    @Test
    void aDisabledOrDeactivatedSignerIsNeverAllowed() {
        Decision withRecord = check.decide(crsRequest("A320", "line"), List.of(crs().withAccount(ACCOUNT)), false, true);
        assertEquals(false, withRecord.allowed());
        assertEquals(List.of(Reason.USER_DISABLED), withRecord.reasons());
        assertEquals(List.of(Reason.USER_DISABLED), withRecord.candidates().get(0).reasons());
        Decision without = check.decide(crsRequest("A320", "line"), List.of(), false, true);
        assertEquals(List.of(Reason.USER_DISABLED, Reason.MISSING), without.reasons());
    }

    private static List<PersonnelAuthorization> issuedBy(String account, List<PersonnelAuthorization> records) {
        return records.stream().map(a -> a.withAccount(account)).toList();
    }

    @Test
    void anotherAccountsRecordIsOutOfAccountWhateverItsState() {
        Decision decision = check.decide(crsRequest("A320", "line"), List.of(crs().withAccount(OTHER)));
        assertEquals(false, decision.allowed());
        assertEquals(List.of(Reason.OUT_OF_ACCOUNT), decision.reasons());
        assertEquals(List.of(Reason.OUT_OF_ACCOUNT), decision.candidates().get(0).reasons());
    }

    @Test
    void aRecordWithNoIssuingAccountCountsInNoAccount() {
        Decision decision = check.decide(crsRequest("A320", "line"), List.of(crs()));
        assertEquals(List.of(Reason.OUT_OF_ACCOUNT), decision.reasons());
    }

    @Test
    void theAccountsOwnRecordIsUsedBesideAnotherAccountsValidOne() {
        PersonnelAuthorization own = crs().withIdentity("own", "QM").withAccount(ACCOUNT);
        Decision decision = check.decide(crsRequest("A320", "line"), List.of(crs().withAccount(OTHER), own));
        assertEquals(true, decision.allowed());
        assertEquals("own", decision.authorization().id());
    }

    @Test
    void onATieTheAccountsOwnRecordIsTheClosestCandidate() {
        PersonnelAuthorization ownExpired = Fixtures.withDates(crs(), Instant.parse("2025-01-01T00:00:00Z"),
                Instant.parse("2026-11-01T00:00:00Z")).withAccount(ACCOUNT);
        Decision decision = check.decide(crsRequest("A320", "line"), List.of(crs().withAccount(OTHER), ownExpired));
        assertEquals(List.of(Reason.EXPIRED), decision.reasons());
    }

    @Test
    void aSignerWhoIsNotAMemberOfTheAccountIsNeverAllowed() {
        Decision decision = check.decide(crsRequest("A320", "line"), List.of(crs().withAccount(ACCOUNT)), true, false);
        assertEquals(false, decision.allowed());
        assertEquals(List.of(Reason.NOT_A_MEMBER), decision.reasons());
        assertEquals(null, decision.authorization());
    }
}
