package com.maintenanceaccess.roletemplate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.maintenanceaccess.kernel.Problems.Problem;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DesiredStateBuilderTest {

    @Test
    void patternsExpandAndExceptRemoves() {
        RealmState state = Inputs.desired(Inputs.template("planner", "permissions: ['aircraft:*', 'workorders:*']\nexcept: ['workorders:release']"));
        assertEquals(Set.of("aircraft:view", "aircraft:create", "aircraft:edit", "aircraft:export",
                "workorders:view", "workorders:create"), state.roles().get("planner").composites());
    }

    @Test
    void starActionPatternsCoverEveryArea() {
        RealmState state = Inputs.desired(Inputs.template("viewer", "permissions: ['*:view']"));
        assertEquals(Set.of("aircraft:view", "workorders:view", "tasks:view"), state.roles().get("viewer").composites());
    }

    @Test
    void theReadOnlyVariantKeepsViewAndExportAndIncludesReadOnlyVariants() {
        RealmState state = Inputs.desired(
                Inputs.template("technician", "permissions: ['tasks:*', 'workorders:view']"),
                Inputs.template("certifying", "includes: [technician]\npermissions: ['workorders:release']\nrequiresAuthorization: certifying-staff"));
        assertEquals(Set.of("tasks:view", "workorders:view"), state.roles().get("technician-read-only").composites());
        assertEquals(Set.of("workorders:release", "technician"), state.roles().get("certifying").composites());
        assertEquals(Set.of("technician-read-only"), state.roles().get("certifying-read-only").composites());
        assertEquals("certifying-staff", state.roles().get("certifying").attributes().get(RealmState.REQUIRES_AUTHORIZATION));
        assertFalse(state.roles().get("certifying-read-only").attributes().containsKey(RealmState.REQUIRES_AUTHORIZATION));
        assertEquals("true", state.roles().get("certifying-read-only").attributes().get(RealmState.READ_ONLY));
    }

    @Test
    void permissionsBecomeRolesAndModulesBecomeScopes() {
        RealmState state = Inputs.desired(Inputs.template("viewer", "permissions: ['*:view']"));
        assertEquals("View: Aircraft", state.roles().get("aircraft:view").description());
        assertEquals("planning", state.roles().get("aircraft:view").attributes().get(RealmState.MODULE));
        assertEquals(Set.of("tasks:view", "tasks:edit"), state.scopes().get("maintenance:workshop").roleMappings());
        assertEquals(Set.of("maintenance:planning", "maintenance:workshop"), state.defaultScopes());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "permissions: ['aircrafts:view']                 | unknown area 'aircrafts'",
            "permissions: ['aircraft:fly']                   | unknown action 'fly'",
            "permissions: ['aircraft:release']               | unknown permission 'aircraft:release'",
            "permissions: ['aircraft']                       | is not <area>:<action>",
            "includes: [me]\\npermissions: ['aircraft:view']  | template 'me' includes itself",
            "includes: [ghost]\\npermissions: ['aircraft:view'] | unknown template 'ghost'",
            "privileged: false                               | grants no permission",
            "requiresAuthorization: pilot\\npermissions: ['aircraft:view'] | unknown personnel authorization type 'pilot'",
    })
    void badTemplatesAreRefused(String body, String expected) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Inputs.desired(Inputs.template("me", body.replace("\\n", "\n"))));
        assertTrue(e.problems().stream().anyMatch(p -> p.message().contains(expected)), e.problems()::toString);
    }

    @Test
    void cyclesAndDuplicatesAreRefusedTogether() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Inputs.desired(
                Inputs.template("a", "includes: [b]"),
                Inputs.template("b", "includes: [a]"),
                Inputs.template("a-read-only", "permissions: ['aircraft:view']")));
        List<String> messages = e.problems().stream().map(Problem::message).toList();
        assertTrue(messages.stream().anyMatch(m -> m.contains("makes a cycle")), messages::toString);
        assertTrue(messages.stream().anyMatch(m -> m.contains("duplicate template name 'a-read-only'")), messages::toString);
    }
}
