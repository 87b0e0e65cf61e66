package com.maintenanceaccess.invitation.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.maintenanceaccess.kernel.Problems;
import jakarta.ws.rs.WebApplicationException;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpiryDaysTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "null, null, 7",
            "null, 14, 14",
            "null, 0, 7",
            "null, 31, 7",
            "null, abc, 7",
            "1, null, 1",
            "30, 3, 30",
    })
    void resolvesWithinOneToThirtyDays(Integer requested, String realmDefault, int expected) {
        assertEquals(expected, ExpiryDays.resolve(requested, realmDefault));
    }

    @ParameterizedTest
    @CsvSource({"0", "31", "-1", "365"})
    void refusesOutOfRange(int requested) {
        WebApplicationException e = assertThrows(WebApplicationException.class, () -> ExpiryDays.resolve(requested, null));
        assertEquals("expiresInDays", Problems.answer(e).problems().get(0).field());
        assertEquals(400, e.getResponse().getStatus());
    }

    @Test
    void formatsTheExpiryInTheReadersLocale() {
        Instant expiry = Instant.parse("2026-12-05T09:30:00Z");
        String en = ExpiryFormat.format(expiry, Locale.ENGLISH);
        String de = ExpiryFormat.format(expiry, Locale.GERMAN);
        assertTrue(en.contains("December 5, 2026") && en.contains("9:30") && en.endsWith("UTC"), en);
        assertTrue(de.contains("5. Dezember 2026") && de.contains("09:30") && de.endsWith("UTC"), de);
    }
}
