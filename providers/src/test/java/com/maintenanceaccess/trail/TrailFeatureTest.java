package com.maintenanceaccess.trail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The retention setting can be raised, never set below the three years Part-145.A.35(j) asks for. */
class TrailFeatureTest {

    @Test
    void retentionDefaultsToThreeYearsAndCanBeLonger() {
        assertEquals(3, new TrailFeature().retentionYears());
        assertEquals(10, TrailFeature.checkedRetention(10));
    }

    @Test
    void retentionBelowThreeYearsFailsTheStart() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> TrailFeature.checkedRetention(2));
        assertEquals("trail retention must be at least 3 years after the person left (EASA Part-145.A.35)", refused.getMessage());
    }
}
