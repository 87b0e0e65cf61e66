package com.maintenanceaccess.authorization.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.maintenanceaccess.authorization.model.PersonnelAuthorization.Licence;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization.Status;
import com.maintenanceaccess.authorization.rules.RecordUsability;
import com.maintenanceaccess.authorization.rules.SignoffCheck;
import com.maintenanceaccess.authorization.token.AuthorizationClaim;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthorizationStateTest {

    private final PersonnelAuthorization crs = Fixtures.crs();

    @Test
    void effectiveIsInclusiveAndExpiryExclusive() {
        assertEquals(AuthorizationState.NOT_YET_EFFECTIVE, AuthorizationState.at(crs, crs.effective().minusSeconds(1)));
        assertEquals(AuthorizationState.VALID, AuthorizationState.at(crs, crs.effective()));
        assertEquals(AuthorizationState.VALID, AuthorizationState.at(crs, crs.expiry().minusSeconds(1)));
        assertEquals(AuthorizationState.EXPIRED, AuthorizationState.at(crs, crs.expiry()));
    }

    @Test
    void theLicenceIsValidThroughItsLastDay() {
        PersonnelAuthorization a = Fixtures.withLicence(crs, new Licence("EASA", "1", "B1.1", LocalDate.parse("2027-03-31")));
        assertEquals(AuthorizationState.VALID, AuthorizationState.at(a, Instant.parse("2027-03-31T23:59:59Z")));
        assertEquals(AuthorizationState.LICENCE_EXPIRED, AuthorizationState.at(a, Instant.parse("2027-04-01T00:00:00Z")));
        assertEquals(Instant.parse("2027-04-01T00:00:00Z"), a.validUntil());
    }

    @Test
    void statusWinsOverDates() {
        assertEquals(AuthorizationState.SUSPENDED,
                AuthorizationState.at(crs.withStatus(Status.SUSPENDED, "x", Fixtures.NOW), Fixtures.NOW));
        assertEquals(AuthorizationState.REVOKED,
                AuthorizationState.at(crs.withStatus(Status.REVOKED, "x", Fixtures.NOW), crs.expiry().plusSeconds(1)));
    }

    @Test
    void theClaimHoldsOnlyRecordsValidNowCompactly() {
        PersonnelAuthorization expired = Fixtures.withDates(Fixtures.withType(crs, "support-staff", "SUP-1"),
                Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z"));
        PersonnelAuthorization suspended = Fixtures.inspection().withStatus(Status.SUSPENDED, "x", Fixtures.NOW);
        List<Map<String, Object>> claim = AuthorizationClaim.of(new RecordUsability(Fixtures.CATALOG),
                List.of(crs, expired, suspended), true, Fixtures.NOW);
        assertEquals(1, claim.size());
        assertEquals(Map.of("t", "certifying-staff", "ref", "UK.145.01234/CRS-17", "ac", List.of("A320-family"),
                "task", List.of("line", "base", "ATA-32"), "exp", crs.expiry().getEpochSecond()), claim.get(0));
    }

    @Test
    void aDisabledPersonOrALapsedRecencyGetsNoClaim() {
        RecordUsability usability = new RecordUsability(Fixtures.CATALOG);
        assertEquals(List.of(), AuthorizationClaim.of(usability, List.of(crs), false, Fixtures.NOW), "a leaver");
        PersonnelAuthorization lapsed = Fixtures.withRecency(crs, java.time.LocalDate.parse("2026-06-01"),
                List.of(new PersonnelAuthorization.Period(java.time.LocalDate.parse("2020-01-01"),
                        java.time.LocalDate.parse("2021-01-01"))));
        assertEquals(AuthorizationState.VALID, AuthorizationState.at(lapsed, Fixtures.NOW), "valid by its dates");
        assertEquals(List.of(), AuthorizationClaim.of(usability, List.of(lapsed), true, Fixtures.NOW),
                "but not usable at signoff, so not in the token");
        assertEquals(List.of(SignoffCheck.Reason.RECENCY_LAPSED), usability.against(lapsed, true, Fixtures.NOW));
        assertEquals(List.of(SignoffCheck.Reason.USER_DISABLED, SignoffCheck.Reason.RECENCY_LAPSED),
                usability.against(lapsed, false, Fixtures.NOW));
    }

    @Test
    void theDayRecencyLapsesIsTheFirstDayTheSignoffRuleRefusesIt() {
        RecordUsability usability = new RecordUsability(Fixtures.CATALOG);
        // 185 days of experience inside the two years before NOW (2026-11-28): 183 on 2026-11-30, 182 a day later.
        PersonnelAuthorization a = Fixtures.withRecency(crs, LocalDate.parse("2026-06-01"),
                List.of(new PersonnelAuthorization.Period(LocalDate.parse("2024-11-01"), LocalDate.parse("2025-05-31"))));
        LocalDate today = LocalDate.parse("2026-11-28");
        assertEquals(java.util.Optional.of(LocalDate.parse("2026-12-01")), usability.recencyLapse(a, today, today.plusDays(60)));
        assertEquals(List.of(), usability.against(a, true, Instant.parse("2026-11-30T23:59:59Z")));
        assertEquals(List.of(SignoffCheck.Reason.RECENCY_LAPSED), usability.against(a, true, Instant.parse("2026-12-01T00:00:00Z")));
        assertEquals(java.util.Optional.empty(), usability.recencyLapse(a, today, today.plusDays(2)), "beyond the horizon");
        assertEquals(java.util.Optional.empty(), usability.recencyLapse(a, today.plusDays(5), today.plusDays(60)),
                "lapsed before the range: not a lapse in it");
        // Continuation training counts too: 24 months after 2024-12-10 it is too old.
        PersonnelAuthorization untrained = Fixtures.withRecency(crs, LocalDate.parse("2024-12-10"),
                List.of(new PersonnelAuthorization.Period(LocalDate.parse("2025-01-01"), LocalDate.parse("2026-11-01"))));
        assertEquals(java.util.Optional.of(LocalDate.parse("2026-12-11")),
                usability.recencyLapse(untrained, today, today.plusDays(60)));
        assertEquals(java.util.Optional.empty(), usability.recencyLapse(Fixtures.inspection(), today, today.plusDays(400)),
                "a type without recency");
    }
}
