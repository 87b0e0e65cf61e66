package com.maintenanceaccess.authorization.console;

import com.maintenanceaccess.authorization.model.AuthorizationStore;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.maintenanceaccess.invitation.model.Invitation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who may be deleted: nobody whose records or invitation history must be kept. */
class RecordKeepingTest {

    private static Optional<String> why(Map<String, List<String>> attributes) {
        return RecordKeeping.whyKept(key -> attributes.getOrDefault(key, List.of()));
    }

    @Test
    void aPersonWithoutRecordsOrHistoryMayBeDeleted() {
        assertEquals(Optional.empty(), why(Map.of("department", List.of("hangar"))));
    }

    @Test
    void recordsOrAnInvitationHistoryKeepThePerson() {
        assertTrue(why(Map.of(AuthorizationStore.ATTRIBUTE, List.of("x"))).orElseThrow().contains("authorization records"));
        assertTrue(why(Map.of(Invitation.STATUS, List.of("revoked"))).orElseThrow().contains("invitation history"));
        assertTrue(why(Map.of(Invitation.HISTORY, List.of("2026-01-01T00:00:00Z sent by=a"))).isPresent());
    }
}
