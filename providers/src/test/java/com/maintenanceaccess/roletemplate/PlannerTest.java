package com.maintenanceaccess.roletemplate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.maintenanceaccess.roletemplate.Plan.Op;
import com.maintenanceaccess.roletemplate.RealmState.RoleState;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlannerTest {

    private static final String PLANNER = Inputs.template("planner", "permissions: ['aircraft:*']");

    private static RealmState empty(Set<String> unmanagedRoles) {
        return new RealmState("maintenance-app", true, Map.of(), Map.of(), Set.of(), Set.of(), null, unmanagedRoles, Set.of());
    }

    /** The current state after applying {@code desired} exactly, plus extra unmanaged roles. */
    private static RealmState appliedFrom(RealmState desired, Map<String, RoleState> extraManaged) {
        Map<String, RoleState> roles = new HashMap<>(desired.roles());
        roles.putAll(extraManaged);
        return new RealmState(desired.client(), true, roles, desired.scopes(), desired.defaultScopes(), Set.of(),
                desired.catalogJson(), Set.of("hand-made", "offline_access"), Set.of("profile"));
    }

    @Test
    void anEmptyRealmGetsEverythingCreatedInOrder() {
        RealmState desired = Inputs.desired(PLANNER);
        Plan plan = Planner.plan(desired, empty(Set.of()));
        assertEquals("role", plan.changes().get(0).kind());
        assertEquals("catalog", plan.changes().get(plan.changes().size() - 1).kind());
        assertEquals(desired.roles().size(), plan.counts().get("role.create"));
        assertEquals(2, plan.counts().get("client-scope.create"));
        assertEquals(2, plan.counts().get("default-scope.create"));
        assertEquals(6, plan.counts().get("composite.create"), "4 planner + 2 read-only (view, export of aircraft): "
                + plan.changes());
    }

    @Test
    void applyingTheSameStateAgainChangesNothing() {
        RealmState desired = Inputs.desired(PLANNER);
        assertTrue(Planner.plan(desired, appliedFrom(desired, Map.of())).isEmpty());
    }

    @Test
    void onlyManagedRolesAreDeleted() {
        RealmState desired = Inputs.desired(PLANNER);
        RoleState old = new RoleState("old-template", "old", Map.of(RealmState.MANAGED, RealmState.MANAGED_BY_TEMPLATE), Set.of());
        Plan plan = Planner.plan(desired, appliedFrom(desired, Map.of("old-template", old)));
        assertEquals(1, plan.changes().size(), plan.changes()::toString);
        assertEquals(new Plan.Change(Op.DELETE, "role", "old-template", null, null), plan.changes().get(0));
    }

    @Test
    void aChangedDescriptionIsAnUpdateAndAMissingLinkIsAdded() {
        RealmState desired = Inputs.desired(PLANNER);
        Map<String, RoleState> roles = new HashMap<>(desired.roles());
        RoleState planner = roles.get("planner");
        roles.put("planner", new RoleState("planner", "stale", planner.attributes(), Set.of("aircraft:view")));
        RealmState current = new RealmState(desired.client(), true, roles, desired.scopes(), desired.defaultScopes(),
                Set.of(), desired.catalogJson(), Set.of(), Set.of());
        Plan plan = Planner.plan(desired, current);
        assertEquals(Map.of("update", 1, "create", 3, "role.update", 1, "composite.create", 3, "total", 4), plan.counts());
    }

    @Test
    void aNameHeldByAnUnmanagedRoleIsRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Planner.plan(Inputs.desired(PLANNER), empty(Set.of("planner"))));
        assertTrue(e.problems().get(0).message().contains("role 'planner' already exists and was not made by the importer"));
    }

    @Test
    void aMissingClientIsRefused() {
        RealmState current = new RealmState("maintenance-app", false, Map.of(), Map.of(), Set.of(), Set.of(), null, Set.of(), Set.of());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Planner.plan(Inputs.desired(PLANNER), current));
        assertTrue(e.problems().get(0).message().contains("client 'maintenance-app' does not exist"));
    }
}
