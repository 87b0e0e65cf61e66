package com.maintenanceaccess.signoff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.maintenanceaccess.signoff.InspectionRule.Reason;
import com.maintenanceaccess.signoff.InspectionRule.Signed;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InspectionRuleTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final SignoffRequest RII = new SignoffRequest(SignoffRequest.Type.INSPECTION, "inspection", null,
            "G-ABCD", "A320", "WO-1", "t7", "line", null, "Inspected.", "s1", null);

    private static Signed signed(String who, boolean accepted, String workOrder, Instant at) {
        return new Signed(who, accepted, workOrder, "G-ABCD", at);
    }

    @Test
    void theWorkSignedEarlierOnTheSameOrderPasses() {
        Signed performed = signed("p", true, "WO-1", NOW.minusSeconds(60));
        assertEquals(List.of(), InspectionRule.reasons(RII, performed, null, false, NOW));
        assertEquals(Set.of("p"), InspectionRule.signers(performed, null));
    }

    @Test
    void eachRuleIsChecked() {
        assertEquals(List.of(Reason.INSPECTED_SIGNATURE_NOT_FOUND), InspectionRule.reasons(RII, null, null, false, NOW));
        assertEquals(List.of(Reason.INSPECTED_SIGNATURE_REFUSED),
                InspectionRule.reasons(RII, signed("p", false, "WO-1", NOW.minusSeconds(1)), null, false, NOW));
        assertEquals(List.of(Reason.INSPECTED_WORK_MISMATCH),
                InspectionRule.reasons(RII, signed("p", true, "WO-2", NOW.minusSeconds(1)), null, false, NOW));
        assertEquals(List.of(Reason.INSPECTION_NOT_AFTER_WORK),
                InspectionRule.reasons(RII, signed("p", true, "WO-1", NOW), null, false, NOW));
        assertEquals(List.of(Reason.INSPECTED_SIGNATURE_NOT_FOUND),
                InspectionRule.reasons(RII, signed("p", true, "WO-1", NOW.minusSeconds(1)), null, true, NOW));
        assertEquals(Set.of("p", "c"), InspectionRule.signers(signed("p", true, "WO-1", NOW),
                signed("c", true, "WO-1", NOW)));
    }

    @Test
    void theInspectorsOwnSignaturesOfTheWorkAreFoundWhateverTheBodyNames() {
        InspectionRule.Work crs = new InspectionRule.Work("i", true, "release", "WO-1", null, "G-ABCD");
        InspectionRule.Work task = new InspectionRule.Work("i", true, "task", "WO-1", "t7", "G-ABCD");
        assertEquals(List.of(InspectionRule.OwnWork.SIGNER_CERTIFIED_WORK, InspectionRule.OwnWork.SIGNER_PERFORMED_WORK),
                InspectionRule.ownWork(RII, "i", List.of(crs, task)));
        assertEquals(List.of(), InspectionRule.ownWork(RII, "other", List.of(crs, task)), "another inspector");
        assertEquals(List.of(), InspectionRule.ownWork(RII, "i", List.of(
                new InspectionRule.Work("i", false, "task", "WO-1", "t7", "G-ABCD"),
                new InspectionRule.Work("i", true, "inspection", "WO-1", "t7", "G-ABCD"),
                new InspectionRule.Work("i", true, "task", "WO-2", "t7", "G-ABCD"),
                new InspectionRule.Work("i", true, "task", "WO-1", "t8", "G-ABCD"),
                new InspectionRule.Work("i", true, "task", "WO-1", "t7", "G-ZZZZ"))),
                "a refusal, an inspection, another order, another task, another aircraft");
    }
}
