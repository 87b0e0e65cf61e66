package com.maintenanceaccess.authorization.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthorizationVersionTest {

    static PersonnelAuthorization record(String limitations) {
        return new PersonnelAuthorization("a1", "inspection", "RII-1", null,
                new PersonnelAuthorization.Scope(List.of("B737"), List.of("rii"), List.of()), limitations, null,
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"),
                PersonnelAuthorization.Status.ACTIVE, null, null, "QM", null, List.of());
    }

    @Test
    void theVersionFollowsTheContent() {
        assertEquals(AuthorizationVersion.of(record("none")), AuthorizationVersion.of(record("none")));
        assertNotEquals(AuthorizationVersion.of(record("none")), AuthorizationVersion.of(record("no engine runs")));
        assertTrue(AuthorizationVersion.of(record("none")).matches("\"[0-9a-f]{24}\""));
    }

    @Test
    void ifMatchAcceptsTheCurrentVersionOnly() {
        PersonnelAuthorization current = record("none");
        String version = AuthorizationVersion.of(current);
        assertTrue(AuthorizationVersion.matches(null, current), "no precondition");
        assertTrue(AuthorizationVersion.matches("*", current));
        assertTrue(AuthorizationVersion.matches(version, current));
        assertTrue(AuthorizationVersion.matches("\"0000\", W/" + version, current));
        assertFalse(AuthorizationVersion.matches(AuthorizationVersion.of(record("older")), current));
        assertFalse(AuthorizationVersion.matches("garbage", current));
    }
}
