package com.maintenanceaccess.authorization.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.maintenanceaccess.authorization.model.PersonnelAuthorization.Status;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpiryIndexTest {

    @Test
    void oneSortableValuePerRecordThatIsNotRevoked() {
        PersonnelAuthorization crs = Fixtures.crs();
        PersonnelAuthorization rii = Fixtures.inspection();
        PersonnelAuthorization revoked = Fixtures.withType(crs, "support-staff", "SUP-1").withStatus(Status.REVOKED, "x", null);
        assertEquals(List.of("2027-06-01T00:00:00Z|inspection|rii-1", "2028-01-01T00:00:00Z|certifying-staff|crs-1"),
                ExpiryIndex.values(List.of(crs, revoked, rii)));
        assertEquals("crs-1", ExpiryIndex.recordId("2028-01-01T00:00:00Z|certifying-staff|crs-1"));
    }

    @Test
    void stringOrderIsTimeOrder() {
        String a = ExpiryIndex.key(Instant.parse("2026-12-31T23:59:59.999Z"));
        String b = ExpiryIndex.key(Instant.parse("2027-01-01T00:00:00Z"));
        assertEquals(-1, Integer.signum(a.compareTo(b)));
        assertEquals(20, a.length());
        assertEquals(a.length(), b.length());
    }
}
