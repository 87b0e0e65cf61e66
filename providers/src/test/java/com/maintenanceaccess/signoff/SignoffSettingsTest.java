package com.maintenanceaccess.signoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The retention setting can be raised, never set below the three years Part-145.A.35(j) asks for. */
class SignoffSettingsTest {

    private static SignoffSettings withRetention(int years) {
        return new SignoffSettings("signoff", Duration.ofSeconds(120), "maintenance-app", years);
    }

    @Test
    void retentionDefaultsToThreeYearsAndCanBeLonger() {
        assertEquals(3, SignoffSettings.defaults().retentionYears());
        assertEquals(10, withRetention(10).retentionYears());
    }

    @Test
    void retentionBelowThreeYearsFailsTheStart() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> withRetention(2));
        assertTrue(refused.getMessage().contains("at least 3 years"), refused.getMessage());
    }
}
