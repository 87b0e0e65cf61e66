package com.maintenanceaccess.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccountSettingsTest {

    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    static final Set<String> KNOWN = Set.of("planning", "workshop", "stores");
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsAttributesAsTheConsoleWritesThem() {
        AccountSettings settings = AccountSettings.fromAttributes(Map.of(
                AccountSettings.FEATURES, List.of("workshop, planning", "stores"),
                AccountSettings.SETUP_MODE, List.of("on"),
                AccountSettings.SETUP_MODE_UNTIL, List.of("2026-12-01T00:00:00Z")));
        assertEquals(Set.of("planning", "workshop", "stores"), settings.features());
        assertTrue(settings.inSetupModeAt(NOW));
        assertFalse(settings.setupModeExpiredAt(NOW));
    }

    @Test
    void absentAttributesMeanNothingSwitchedOn() {
        AccountSettings settings = AccountSettings.fromAttributes(Map.of());
        assertEquals(Set.of(), settings.features());
        assertFalse(settings.inSetupModeAt(NOW));
    }

    @ParameterizedTest
    @CsvSource({
            "on,  2026-11-28T09:59:59Z, false, true",
            "on,  2026-11-28T10:00:00Z, false, true",
            "on,  2026-11-28T10:00:01Z, true,  false",
            "on,  ,                     true,  false",
            "off, 2026-12-01T00:00:00Z, false, false",
            "on,  not-a-date,           true,  false"})
    void setupModeEndsByItselfAtItsEndDate(String mode, String until, boolean activeNow, boolean dueToEnd) {
        AccountSettings settings = AccountSettings.fromAttributes(until == null
                ? Map.of(AccountSettings.SETUP_MODE, List.of(mode))
                : Map.of(AccountSettings.SETUP_MODE, List.of(mode), AccountSettings.SETUP_MODE_UNTIL, List.of(until)));
        assertEquals(activeNow, settings.inSetupModeAt(NOW));
        assertEquals(dueToEnd, settings.setupModeExpiredAt(NOW));
    }

    @Test
    void applyKeepsOtherAttributesAndDropsTheEndDateWhenOff() {
        Map<String, List<String>> attributes = new AccountSettings(Set.of("workshop"), false, null)
                .applyTo(Map.of("other", List.of("x"), AccountSettings.SETUP_MODE_UNTIL, List.of("2026-12-01T00:00:00Z")));
        assertEquals(List.of("x"), attributes.get("other"));
        assertEquals(List.of("off"), attributes.get(AccountSettings.SETUP_MODE));
        assertNull(attributes.get(AccountSettings.SETUP_MODE_UNTIL));
    }

    @Test
    void updateSetsFeaturesAndSetupMode() throws Exception {
        AccountSettingsUpdate.Result result = AccountSettingsUpdate.apply(new AccountSettings(Set.of(), false, null),
                JSON.readTree("{\"features\":[\"planning\",\"workshop\"],\"setupMode\":{\"enabled\":true,\"until\":\"2027-01-31\"}}"),
                KNOWN, NOW);
        assertTrue(result.valid(), result.problems()::toString);
        assertEquals(Set.of("planning", "workshop"), result.settings().features());
        assertEquals(Instant.parse("2027-01-31T00:00:00Z"), result.settings().setupModeUntil());
    }

    @Test
    void leftOutFieldsKeepTheirValue() throws Exception {
        AccountSettings current = new AccountSettings(Set.of("stores"), true, null);
        AccountSettingsUpdate.Result result = AccountSettingsUpdate.apply(current,
                JSON.readTree("{\"setupMode\":{\"enabled\":false}}"), KNOWN, NOW);
        assertTrue(result.valid());
        assertEquals(Set.of("stores"), result.settings().features());
        assertFalse(result.settings().setupMode());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"features\":[\"teleportation\"]}                        | features: unknown feature 'teleportation'",
            "{\"features\":\"workshop\"}                               | features: must be an array",
            "{\"features\":[42]}                                       | features: 42 is not a feature name",
            "{\"setupMode\":{\"enabled\":\"yes\"}}                     | setupMode.enabled: must be true or false",
            "{\"setupMode\":{\"enabled\":true,\"until\":\"31/01/2027\"}} | setupMode.until: '31/01/2027' is not an ISO-8601",
            "{\"setupMode\":{\"enabled\":true,\"until\":\"2020-01-01\"}} | setupMode.until: must lie in the future",
            "{\"setupMode\":true}                                      | setupMode: must be an object",
            "{\"colour\":\"red\"}                                      | colour: unknown field",
            "[1,2]                                                     | body: must be a JSON object"})
    void badInputNamesTheFieldAndTheProblem(String body, String expected) throws Exception {
        AccountSettingsUpdate.Result result = AccountSettingsUpdate.apply(new AccountSettings(Set.of(), false, null),
                JSON.readTree(body), KNOWN, NOW);
        assertFalse(result.valid());
        assertTrue(result.problems().stream().anyMatch(problem -> problem.startsWith(expected)), result.problems()::toString);
    }
}
