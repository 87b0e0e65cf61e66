package com.maintenanceaccess.authorization.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.maintenanceaccess.authorization.model.PersonnelAuthorization.Status;
import org.junit.jupiter.api.Test;

class DecodedValuesTest {

    @Test
    void aValueDecodesOnceAndAChangedRecordIsANewValue() {
        DecodedValues values = new DecodedValues(10);
        String stored = AuthorizationCodec.encode(Fixtures.crs());
        PersonnelAuthorization first = values.decode(stored);
        assertEquals(Fixtures.crs(), first);
        assertSame(first, values.decode(new String(stored)), "an equal value is answered from memory");

        String suspended = AuthorizationCodec.encode(Fixtures.crs().withStatus(Status.SUSPENDED, "audit", Fixtures.NOW));
        assertEquals(Status.SUSPENDED, values.decode(suspended).status());
        assertEquals(Status.ACTIVE, values.decode(stored).status());
    }

    @Test
    void anUnreadableValueFailsEveryTimeAndIsNotKept() {
        DecodedValues values = new DecodedValues(10);
        assertThrows(InvalidAuthorizationException.class, () -> values.decode("{\"v\":99}"));
        assertThrows(InvalidAuthorizationException.class, () -> values.decode("{\"v\":99}"));
        assertEquals(0, values.size());
    }

    @Test
    void theMemoryStaysWithinItsLimit() {
        DecodedValues values = new DecodedValues(3);
        for (int i = 0; i < 10; i++) {
            values.decode(AuthorizationCodec.encode(Fixtures.withType(Fixtures.crs(), "certifying-staff", "REF-" + i)));
            assertTrue(values.size() <= 3, "size " + values.size());
        }
    }
}
