package com.maintenanceaccess.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.maintenanceaccess.approval.ApprovalRules.Refusal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApprovalRulesTest {

    private static final Instant ASKED = Instant.parse("2026-12-01T10:00:00Z");
    private static final Approval PENDING = new Approval("a1", "acct", Approval.Kind.AUTHORIZATION, "named", "requester",
            ASKED, ASKED.plus(Duration.ofDays(7)), "{}", Approval.State.PENDING, null, null, null);

    @ParameterizedTest(name = "{0} {1} at +{2}h: {3}")
    @CsvSource({
            "requester, true,  1,   OWN_REQUEST",
            "requester, false, 1,   OWN_REQUEST",
            "named,     true,  1,   NAMED_PERSON",
            "named,     false, 1,   NAMED_PERSON",
            "second,    true,  1,   ",
            "second,    false, 1,   ",
            // the lifetime ends at exactly 7 days: approving is refused from then on, rejecting is not
            "second,    true,  167, ",
            "second,    true,  168, EXPIRED",
            "second,    false, 168, ",
    })
    void whoMayDecideWhen(String decider, boolean approve, long hoursLater, Refusal expected) {
        Optional<Refusal> refusal = ApprovalRules.refusal(PENDING, decider, approve, ASKED.plus(Duration.ofHours(hoursLater)));
        assertEquals(Optional.ofNullable(expected), refusal);
    }

    @Test
    void aDecidedRequestIsNeverDecidedAgain() {
        Approval approved = PENDING.decided(Approval.State.APPROVED, "second", ASKED.plusSeconds(60), null);
        assertEquals(Optional.of(Refusal.ALREADY_DECIDED), ApprovalRules.refusal(approved, "third", true, ASKED.plusSeconds(90)));
        assertEquals(Optional.of(Refusal.ALREADY_DECIDED), ApprovalRules.refusal(approved, "third", false, ASKED.plusSeconds(90)));
        // separation of duties is answered first: the requester learns no more than "not yours to decide"
        assertEquals(Optional.of(Refusal.OWN_REQUEST), ApprovalRules.refusal(approved, "requester", true, ASKED));
    }

    @Test
    void refusalsAreForbiddenOrConflict() {
        assertEquals(403, Refusal.OWN_REQUEST.status());
        assertEquals(403, Refusal.NAMED_PERSON.status());
        assertEquals(409, Refusal.ALREADY_DECIDED.status());
        assertEquals(409, Refusal.EXPIRED.status());
        assertTrue(Refusal.EXPIRED.description().contains("expired"));
    }
}
