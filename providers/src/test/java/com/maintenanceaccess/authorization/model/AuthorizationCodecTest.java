package com.maintenanceaccess.authorization.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.maintenanceaccess.authorization.model.PersonnelAuthorization.Status;
import com.maintenanceaccess.kernel.Problems.Problem;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuthorizationCodecTest {

    @Test
    void aRecordSurvivesEncodeAndDecode() {
        PersonnelAuthorization crs = Fixtures.crs().withStatus(Status.SUSPENDED, "audit finding 12", Fixtures.NOW);
        assertEquals(crs, AuthorizationCodec.decode(AuthorizationCodec.encode(crs)));
        PersonnelAuthorization rii = Fixtures.inspection();
        assertEquals(rii, AuthorizationCodec.decode(AuthorizationCodec.encode(rii)));
        PersonnelAuthorization issued = Fixtures.crs().withAccount("org-a");
        assertEquals(issued, AuthorizationCodec.decode(AuthorizationCodec.encode(issued)));
    }

    @Test
    void theIssuingAccountIsStoredAndVersionOneIsStillRead() {
        String value = AuthorizationCodec.encode(Fixtures.crs().withAccount("org-a"));
        assertTrue(value.startsWith("{\"v\":2,\"id\":\"crs-1\",\"acc\":\"org-a\","), value);
        // Today's release wrote version 1: read as a record with no issuing account, whatever it holds.
        String old = value.replace("{\"v\":2,", "{\"v\":1,");
        PersonnelAuthorization read = AuthorizationCodec.decode(old);
        assertEquals(null, read.account());
        assertEquals(Fixtures.crs(), read);
        assertEquals(null, AuthorizationCodec.decode(AuthorizationCodec.encode(Fixtures.crs())).account());
    }

    @Test
    void theStoredFormIsCompactAndVersioned() {
        String value = AuthorizationCodec.encode(Fixtures.crs());
        assertTrue(value.startsWith("{\"v\":2,"), value);
        assertTrue(value.contains("\"t\":\"certifying-staff\""), value);
        assertTrue(value.contains("\"lic\":{\"a\":\"UK CAA\",\"n\":\"UK.66.123456\",\"c\":\"B1.1\",\"x\":\"2029-03-31\"}"), value);
        assertTrue(value.contains("\"st\":\"a\""), value);
        assertTrue(value.contains("\"xp\":[\"2025-01-01/2026-10-31\"]"), value);
        assertTrue(value.length() < 512, "fits comfortably in one attribute value: " + value.length());
    }

    @Test
    void anUnknownVersionIsRefusedNotGuessed() {
        InvalidAuthorizationException e = assertThrows(InvalidAuthorizationException.class,
                () -> AuthorizationCodec.decode("{\"v\":3,\"t\":\"certifying-staff\"}"));
        assertEquals("v", e.errors().get(0).field());
        assertThrows(InvalidAuthorizationException.class, () -> AuthorizationCodec.decode("{\"t\":\"x\"}"));
    }

    @Test
    void garbageIsRefusedWithTheFieldNamed() {
        assertEquals("value", assertThrows(InvalidAuthorizationException.class,
                () -> AuthorizationCodec.decode("not json")).errors().get(0).field());
        assertEquals("value", assertThrows(InvalidAuthorizationException.class,
                () -> AuthorizationCodec.decode("[1,2]")).errors().get(0).field());
        InvalidAuthorizationException dates = assertThrows(InvalidAuthorizationException.class,
                () -> AuthorizationCodec.decode("{\"v\":1,\"eff\":\"soon\",\"lic\":{\"x\":\"31/03/2029\"},\"st\":\"q\"}"));
        assertEquals("[effective, licence.expiry, status]",
                dates.errors().stream().map(Problem::field).sorted().toList().toString());
    }

    @Test
    void aPlainDateMeansTheStartOfThatDayUtc() {
        PersonnelAuthorization a = AuthorizationCodec.decode("{\"v\":1,\"eff\":\"2026-01-01\"}");
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), a.effective());
    }
}
