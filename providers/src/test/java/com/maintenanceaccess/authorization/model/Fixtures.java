package com.maintenanceaccess.authorization.model;

import com.maintenanceaccess.authorization.model.PersonnelAuthorization.Licence;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization.Period;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization.Scope;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization.Status;
import com.maintenanceaccess.authorization.rules.AuthorizationCatalog;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Records around a fixed "now" of 2026-11-28T10:00:00Z. */
public final class Fixtures {

    public static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    public static final AuthorizationCatalog CATALOG = AuthorizationCatalog.bundled();

    private Fixtures() {
    }

    /** A valid certifying-staff record, B1.1, A320 family, line and base, recent. */
    public static PersonnelAuthorization crs() {
        return new PersonnelAuthorization("crs-1", "certifying-staff", "UK.145.01234/CRS-17",
                new Licence("UK CAA", "UK.66.123456", "B1.1", LocalDate.parse("2029-03-31")),
                new Scope(List.of("A320-family"), List.of("line", "base", "ATA-32"), List.of("LHR")),
                "no engine ground runs", LocalDate.parse("2020-05-01"), Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2028-01-01T00:00:00Z"), Status.ACTIVE, null, null, "Quality Manager",
                LocalDate.parse("2026-06-01"), List.of(new Period(LocalDate.parse("2025-01-01"), LocalDate.parse("2026-10-31"))));
    }

    public static PersonnelAuthorization inspection() {
        return new PersonnelAuthorization("rii-1", "inspection", "RII-0042", null,
                new Scope(List.of("B737"), List.of("rii"), List.of()), null, null,
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-06-01T00:00:00Z"), Status.ACTIVE, null, null,
                "Quality Manager", null, List.of());
    }

    public static PersonnelAuthorization withDates(PersonnelAuthorization a, Instant effective, Instant expiry) {
        return new PersonnelAuthorization(a.id(), a.type(), a.reference(), a.licence(), a.scope(), a.limitations(),
                a.firstIssue(), effective, expiry, a.status(), a.statusReason(), a.statusChanged(), a.issuer(),
                a.continuationTraining(), a.experience());
    }

    public static PersonnelAuthorization withLicence(PersonnelAuthorization a, Licence licence) {
        return new PersonnelAuthorization(a.id(), a.type(), a.reference(), licence, a.scope(), a.limitations(),
                a.firstIssue(), a.effective(), a.expiry(), a.status(), a.statusReason(), a.statusChanged(), a.issuer(),
                a.continuationTraining(), a.experience());
    }

    public static PersonnelAuthorization withType(PersonnelAuthorization a, String type, String reference) {
        return new PersonnelAuthorization(a.id(), type, reference, a.licence(), a.scope(), a.limitations(),
                a.firstIssue(), a.effective(), a.expiry(), a.status(), a.statusReason(), a.statusChanged(), a.issuer(),
                a.continuationTraining(), a.experience());
    }

    public static PersonnelAuthorization withScope(PersonnelAuthorization a, Scope scope) {
        return new PersonnelAuthorization(a.id(), a.type(), a.reference(), a.licence(), scope, a.limitations(),
                a.firstIssue(), a.effective(), a.expiry(), a.status(), a.statusReason(), a.statusChanged(), a.issuer(),
                a.continuationTraining(), a.experience());
    }

    public static PersonnelAuthorization withRecency(PersonnelAuthorization a, LocalDate training, List<Period> experience) {
        return new PersonnelAuthorization(a.id(), a.type(), a.reference(), a.licence(), a.scope(), a.limitations(),
                a.firstIssue(), a.effective(), a.expiry(), a.status(), a.statusReason(), a.statusChanged(), a.issuer(),
                training, experience);
    }
}
