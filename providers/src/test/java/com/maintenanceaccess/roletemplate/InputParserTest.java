package com.maintenanceaccess.roletemplate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.maintenanceaccess.kernel.Problems.Problem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputParserTest {

    @Test
    void malformedYamlIsReportedWithLineAndColumn() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> InputParser.parse(List.of(
                new InputParser.Source("broken.yaml", "kind: AccessCatalog\nmodules:\n  - id: [unclosed\n", false))));
        assertEquals(1, e.problems().size());
        Problem problem = e.problems().get(0);
        assertEquals("broken.yaml", problem.source());
        assertTrue(problem.line() >= 3, problem.toString());
        assertTrue(problem.column() > 0, problem.toString());
        assertTrue(problem.message().contains(": malformed YAML"), problem.toString());
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsPosition() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> InputParser.parse(Inputs.yaml("""
                kind: AccessCatalog
                actions: [view]
                readOnlyActions: [view]
                colour: blue
                modules:
                  - id: Planning
                    areas:
                      - {id: aircraft, actions: [view, fly]}
                """)));
        List<String> messages = e.problems().stream().map(Problem::message).toList();
        assertEquals(3, e.problems().size(), messages::toString);
        assertTrue(messages.get(0).contains(": unknown field 'colour'"), messages::toString);
        assertTrue(e.problems().stream().anyMatch(p -> p.message().contains("'Planning' is not a valid id") && p.line() != null && p.line() == 6),
                e.problems()::toString);
        Problem fly = e.problems().stream().filter(p -> p.message().contains("unknown action 'fly'")).findFirst().orElseThrow();
        assertEquals(Integer.valueOf(8), fly.line());
        assertEquals("modules[0].areas[0].actions[1]", fly.field());
    }

    /** Words in further languages: a mapping of language to text, for actions only the catalog's actions. */
    @Test
    void descriptionsInOtherLanguagesAreReadAndChecked() {
        com.maintenanceaccess.access.AccessCatalog catalog = InputParser.parse(Inputs.yaml("""
                kind: AccessCatalog
                actions: [view]
                actionDescriptions: {view: {en: view, de: ansehen}}
                readOnlyActions: [view]
                modules:
                  - id: planning
                    description: Planning
                    descriptions: {de: Planung}
                    areas:
                      - {id: aircraft, description: Aircraft, descriptions: {de: Luftfahrzeuge}, actions: [view]}
                pages:
                  - {id: planning.aircraft, description: Aircraft list, descriptions: {de: Luftfahrzeugliste}, permission: "aircraft:view", feature: planning}
                """)).catalog();
        assertEquals("Luftfahrzeuge: ansehen", catalog.permissionWords("aircraft:view", "de"));
        assertEquals("Luftfahrzeugliste", catalog.page("planning.aircraft").orElseThrow().describe("de"));
        assertEquals("Planung", catalog.featureWords("planning", "de"));

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> InputParser.parse(Inputs.yaml("""
                kind: AccessCatalog
                actions: [view]
                actionDescriptions: {fly: {en: fly}, view: {German: ansehen}}
                readOnlyActions: [view]
                modules:
                  - id: planning
                    descriptions: Planung
                    areas:
                      - {id: aircraft, descriptions: {de: [Luftfahrzeuge]}, actions: [view]}
                """)));
        List<String> messages = e.problems().stream().map(Problem::message).toList();
        assertEquals(4, messages.size(), messages::toString);
        assertTrue(messages.stream().anyMatch(m -> m.contains("unknown action 'fly'")), messages::toString);
        assertTrue(messages.stream().anyMatch(m -> m.contains("'German' in 'actionDescriptions.view' is not a language")), messages::toString);
        assertTrue(messages.stream().anyMatch(m -> m.contains("'descriptions' must be a mapping of language")), messages::toString);
        assertTrue(messages.stream().anyMatch(m -> m.contains("'descriptions.de' must be text")), messages::toString);
    }

    @Test
    void duplicateKeysAndUnknownKindsAreProblems() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> InputParser.parse(Inputs.yaml(
                Inputs.CATALOG, "kind: RoleTemplate\nname: a\nname: b\npermissions: [aircraft:view]", "kind: Something")));
        assertEquals(2, e.problems().size(), e.problems()::toString);
        assertTrue(e.problems().get(0).message().contains("duplicate key 'name'"));
        assertTrue(e.problems().get(1).message().contains("unknown document kind 'Something'"));
    }

    @Test
    void aJsonBundleIsAccepted() {
        String json = """
                {"catalog": {"actions": ["view"], "readOnlyActions": ["view"],
                  "modules": [{"id": "planning", "areas": [{"id": "aircraft", "actions": ["view"]}]}]},
                 "templates": [{"name": "viewer", "permissions": ["aircraft:view"]}]}
                """;
        ImportInput input = InputParser.parse(List.of(new InputParser.Source("body", json, true)));
        assertEquals("maintenance-app", input.catalog().client());
        assertEquals("viewer", input.templates().get(0).name());
    }

    @Test
    void theRepositoryFilesAreValid() {
        RealmState desired = RoleTemplatesImporter.desired(DirectorySources.read(Path.of("../realm-config")));
        assertTrue(desired.roles().containsKey("planner"));
        assertTrue(desired.roles().containsKey("compliance-read-only"));
        assertTrue(desired.roles().containsKey("workorders:release"));
        assertEquals("true", desired.roles().get("account-administrator").attributes().get(RealmState.PRIVILEGED));
        assertEquals("certifying-staff",
                desired.roles().get("certifying-staff").attributes().get(RealmState.REQUIRES_AUTHORIZATION));
        assertEquals(6, desired.scopes().size());
        assertTrue(desired.roles().get("planner").composites().contains("workorders:create"));
        assertTrue(!desired.roles().get("planner").composites().contains("workorders:release"));
    }
}
