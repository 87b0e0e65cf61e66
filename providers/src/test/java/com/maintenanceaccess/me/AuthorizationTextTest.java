package com.maintenanceaccess.me;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.maintenanceaccess.authorization.rules.AuthorizationCatalog;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization.Licence;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization.Scope;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthorizationTextTest {

    private final AuthorizationText text = new AuthorizationText(AuthorizationCatalog.bundled());

    @Test
    void aRecordReadsAsOneSentenceWithTheCatalogsTypeName() {
        PersonnelAuthorization record = new PersonnelAuthorization("a1", "certifying-staff", "UK.145.123",
                new Licence("UK CAA", "UK.66.1", "B1.1", LocalDate.parse("2030-01-01")),
                new Scope(List.of("A320-family"), List.of("line", "base"), List.of("LHR")), null,
                LocalDate.parse("2025-01-01"), Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2027-03-01T00:00:00Z"),
                null, null, null, "issuer", null, List.of());
        assertEquals(text.typeName("certifying-staff") + " UK.145.123, licence B1.1 (UK CAA UK.66.1): aircraft A320-family;"
                + " tasks line, base; bases LHR; valid until 2027-03-01; usable at signoff.", text.summary(record, "valid", true));
    }

    @Test
    void withoutLicenceOrScopeItSaysSoAndAnUnknownTypeKeepsItsId() {
        PersonnelAuthorization record = new PersonnelAuthorization("a2", "no-such-type", "X.1", null, null, null, null,
                null, null, null, null, null, null, null, List.of());
        assertEquals("no-such-type", text.typeName("no-such-type"));
        assertEquals("no-such-type X.1; suspended; not usable at signoff.", text.summary(record, "suspended", false));
    }
}
