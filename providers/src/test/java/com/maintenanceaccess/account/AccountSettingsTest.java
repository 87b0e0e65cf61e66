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
        assertTrue(result.problems().stream().anyMatch(problem -> problem.toString().startsWith(expected)), result.problems()::toString);
    }

    @Test
    void noticesAndReviewAreSavedAsAttributesAndReadBack() throws Exception {
        AccountSettingsUpdate.Result result = AccountSettingsUpdate.apply(AccountSettings.fromAttributes(Map.of()),
                JSON.readTree("{\"notices\":{\"leadDays\":[14,90],\"officers\":false},"
                        + "\"review\":{\"everyMonths\":6,\"undecided\":\"remove\"}}"), KNOWN, NOW);
        assertTrue(result.valid(), result.problems()::toString);
        Map<String, List<String>> attributes = result.settings().applyTo(Map.of());
        assertEquals(List.of("90,14"), attributes.get("mx.notices.lead-days"));
        assertEquals(List.of("off"), attributes.get("mx.notices.officers"));
        assertNull(attributes.get("mx.notices.invitation-days"), "a default is the attribute's absence");
        assertNull(attributes.get("mx.notices.administrators"));
        assertEquals(List.of("6"), attributes.get("mx.review.every-months"));
        assertEquals(List.of("remove"), attributes.get("mx.review.undecided"));
        AccountSettings back = AccountSettings.fromAttributes(attributes);
        assertEquals(result.settings(), back);
        assertEquals(List.of(90, 14), back.notices().leadDays());
        assertEquals(List.of(7, 3), back.notices().invitationDays());
        assertFalse(back.notices().toOfficers());
        assertEquals(new AccountSettings.Review(6, "remove"), back.review());
        AccountSettings.NoticesView view = (AccountSettings.NoticesView) back.toRepresentation(NOW).get("notices");
        assertEquals(List.of(90, 14), view.leadDays());
        assertEquals(List.of(90, 14), back.answer("id", "alias", "name", NOW).notices().leadDays());
    }

    @Test
    void absentOrUnreadableNoticeAndReviewAttributesMeanTheDefaults() {
        AccountSettings settings = AccountSettings.fromAttributes(Map.of("mx.review.every-months", List.of("99"),
                "mx.notices.lead-days", List.of("soon")));
        assertEquals(AccountSettings.Review.DEFAULT, settings.review());
        assertEquals(List.of(60, 30, 7), settings.notices().leadDays());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"notices\":42}|notices",
            "{\"notices\":null}|notices",
            "{\"notices\":{\"leadDays\":[]}}|notices.leadDays",
            "{\"notices\":{\"leadDays\":[0]}}|notices.leadDays",
            "{\"notices\":{\"leadDays\":[366]}}|notices.leadDays",
            "{\"notices\":{\"leadDays\":\"60,30\"}}|notices.leadDays",
            "{\"notices\":{\"leadDays\":[1,2,3,4,5,6,7,8,9,10,11]}}|notices.leadDays",
            "{\"notices\":{\"invitationDays\":[\"3\"]}}|notices.invitationDays",
            "{\"notices\":{\"officers\":\"off\"}}|notices.officers",
            "{\"notices\":{\"administrators\":null}}|notices.administrators",
            "{\"notices\":{\"toPerson\":false}}|notices.toPerson",
            "{\"review\":[]}|review",
            "{\"review\":{\"everyMonths\":25}}|review.everyMonths",
            "{\"review\":{\"everyMonths\":-1}}|review.everyMonths",
            "{\"review\":{\"everyMonths\":1.5}}|review.everyMonths",
            "{\"review\":{\"undecided\":\"delete\"}}|review.undecided",
            "{\"review\":{\"often\":true}}|review.often"})
    void badNoticeAndReviewSettingsNameTheField(String body, String field) throws Exception {
        AccountSettings current = AccountSettings.fromAttributes(Map.of());
        AccountSettingsUpdate.Result result = AccountSettingsUpdate.apply(current, JSON.readTree(body), KNOWN, NOW);
        assertFalse(result.valid());
        assertTrue(result.problems().stream().anyMatch(p -> p.field().equals(field)), result.problems()::toString);
    }
}
