package com.maintenanceaccess.scim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.maintenanceaccess.kernel.JsonBody;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** An account's provisioning settings (docs/scim.md "Provisioning settings"): defaults, the mapping, bad input. */
class ScimSettingsTest {

    private static final Function<String, Optional<ScimSettings.Template>> TEMPLATES = name -> switch (name) {
        case "planner", "stores" -> Optional.of(new ScimSettings.Template(name, false));
        case "account-administrator" -> Optional.of(new ScimSettings.Template(name, true));
        default -> Optional.empty();
    };

    @Test
    void withoutASettingNoMailIsSentAndAnUnknownValueCountsAsNone() {
        assertEquals("identity-provider", ScimSettings.onboarding(Map.of()));
        assertEquals("identity-provider", ScimSettings.onboarding(Map.of(ScimSettings.ONBOARDING, List.of("mail-everybody"))));
        assertEquals("invitation", ScimSettings.onboarding(Map.of(ScimSettings.ONBOARDING, List.of("invitation"))));
    }

    @Test
    void theMappingIsStoredAsGroupEqualsTemplateAndLookedUpIgnoringCase() {
        Map<String, List<String>> after = applied(Map.of("other", List.of("kept")), JsonBody.object(
                "{\"onboarding\":\"invitation\",\"groupMapping\":[{\"group\":\" MRO Planners \",\"template\":\"planner\"},"
                        + "{\"group\":\"a=b\",\"template\":\"stores\"}]}"), TEMPLATES);
        assertEquals(List.of("MRO Planners=planner", "a=b=stores"), after.get(ScimSettings.MAPPING));
        assertEquals(List.of("invitation"), after.get(ScimSettings.ONBOARDING));
        assertEquals(List.of("kept"), after.get("other"));
        assertEquals(Optional.of("planner"), ScimSettings.mappedTemplate(after, "mro planners"));
        assertEquals(Optional.of("stores"), ScimSettings.mappedTemplate(after, "a=b"));
        assertEquals(Optional.empty(), ScimSettings.mappedTemplate(after, "planner"));
        assertFalse(applied(after, JsonBody.object("{\"groupMapping\":[]}"), TEMPLATES).containsKey(ScimSettings.MAPPING));
    }

    @Test
    void aPrivilegedTemplateOnlyWhereTheAccountAllowsIt() {
        String body = "{\"groupMapping\":[{\"group\":\"Admins\",\"template\":\"account-administrator\"}]}";
        assertTrue(problem(Map.of(), body).contains("groupMapping[0].template"));
        assertEquals(List.of("Admins=account-administrator"), applied(
                Map.of(ScimSettings.PRIVILEGED, List.of("allow")), JsonBody.object(body), TEMPLATES).get(ScimSettings.MAPPING));
    }

    @Test
    void badInputNamesTheField() {
        assertTrue(problem(Map.of(), "{\"onboarding\":\"mail\"}").contains("onboarding"));
        assertTrue(problem(Map.of(), "{\"onboarding\":true}").contains("onboarding"));
        assertTrue(problem(Map.of(), "{}").contains("onboarding"));
        assertTrue(problem(Map.of(), "{\"groupMapping\":{}}").contains("groupMapping"));
        assertTrue(problem(Map.of(), "{\"groupMapping\":[{\"group\":\"\",\"template\":\"planner\"}]}").contains("groupMapping[0].group"));
        assertTrue(problem(Map.of(), "{\"groupMapping\":[{\"group\":\"X\",\"template\":\"nope\"}]}").contains("groupMapping[0].template"));
        assertTrue(problem(Map.of(), "{\"groupMapping\":[{\"group\":\"X\",\"template\":\"planner\"},{\"group\":\"x\",\"template\":\"stores\"}]}")
                .contains("groupMapping[1].group"));
        assertTrue(problem(Map.of(), "{\"groupMapping\":[{\"group\":\"X\",\"template\":\"planner\",\"id\":1}]}").contains("groupMapping[0].id"));
        assertTrue(problem(Map.of(), "{\"groupMapping\":[\"X=planner\"]}").contains("groupMapping[0]"));
    }

    private static Map<String, List<String>> applied(Map<String, List<String>> attributes, com.fasterxml.jackson.databind.JsonNode body,
                                                     Function<String, Optional<ScimSettings.Template>> templates) {
        ScimSettings.Change change = ScimSettings.change(attributes, body, templates);
        assertEquals(List.of(), change.problems());
        return change.after();
    }

    private static String problem(Map<String, List<String>> attributes, String body) {
        ScimSettings.Change change = ScimSettings.change(attributes, JsonBody.object(body), TEMPLATES);
        assertFalse(change.problems().isEmpty(), body);
        assertEquals(null, change.after());
        return change.problems().toString();
    }
}
