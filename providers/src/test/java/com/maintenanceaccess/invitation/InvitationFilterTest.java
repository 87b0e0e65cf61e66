package com.maintenanceaccess.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.maintenanceaccess.invitation.model.Invitation.Actor;
import com.maintenanceaccess.invitation.model.Invitation;
import com.maintenanceaccess.kernel.Problems;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvitationFilterTest {

    private static final Instant SENT = Instant.parse("2026-11-01T08:00:00Z");
    private static final Invitation PENDING = Invitation.send(null, "Pat.Smith@MRO.example", 30, null,
            new Actor("a", "A"), SENT, "n1");

    @Test
    void filtersByEffectiveStatusAgeAndAddress() {
        Instant now = SENT.plus(Duration.ofDays(10));
        assertTrue(InvitationFilter.parse("pending", null, null, null, null, null).matches(PENDING, PENDING.effectiveStatus(now), now));
        assertFalse(InvitationFilter.parse("expired", null, null, null, null, null).matches(PENDING, PENDING.effectiveStatus(now), now));
        assertTrue(InvitationFilter.parse("expired", null, null, null, null, null)
                .matches(PENDING, PENDING.effectiveStatus(SENT.plus(Duration.ofDays(31))), SENT.plus(Duration.ofDays(31))), "past its expiry a pending one lists as expired");
        assertTrue(InvitationFilter.parse(null, "10", "10", null, null, null).matches(PENDING, PENDING.effectiveStatus(now), now));
        assertFalse(InvitationFilter.parse(null, "11", null, null, null, null).matches(PENDING, PENDING.effectiveStatus(now), now));
        assertFalse(InvitationFilter.parse(null, null, "9", null, null, null).matches(PENDING, PENDING.effectiveStatus(now), now));
        assertTrue(InvitationFilter.parse(null, null, null, "pat.smith@mro", null, null).matches(PENDING, PENDING.effectiveStatus(now), now));
        assertFalse(InvitationFilter.parse(null, null, null, "someone", null, null).matches(PENDING, PENDING.effectiveStatus(now), now));
    }

    @Test
    void pagingDefaults() {
        InvitationFilter filter = InvitationFilter.parse(null, null, null, null, null, null);
        assertEquals(0, filter.first());
        assertEquals(InvitationFilter.DEFAULT_MAX, filter.max());
    }

    @ParameterizedTest
    @CsvSource({
            "status, bogus, , , , ",
            "minAgeDays, , x, , , ",
            "minAgeDays, , -1, , , ",
            "minAgeDays, , 5, 2, , ",
            "maxAgeDays, , , -3, , ",
            "first, , , , -1, ",
            "max, , , , , 0",
            "max, , , , , 501",
    })
    void refusesBadParametersNamingThem(String field, String status, String min, String max, String first,
            String size) {
        WebApplicationException e = assertThrows(WebApplicationException.class,
                () -> InvitationFilter.parse(status, min, max, null, first, size));
        assertEquals(field, Problems.answer(e).problems().get(0).field());
        assertEquals(400, e.getResponse().getStatus());
    }
}
