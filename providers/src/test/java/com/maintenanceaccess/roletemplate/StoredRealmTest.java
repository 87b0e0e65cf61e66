package com.maintenanceaccess.roletemplate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.maintenanceaccess.roletemplate.RealmState.RoleState;
import com.maintenanceaccess.roletemplate.RealmState.ScopeState;
import com.maintenanceaccess.roletemplate.StoredRealm.Link;
import com.maintenanceaccess.roletemplate.StoredRealm.Row;
import com.maintenanceaccess.roletemplate.StoredRealm.Value;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StoredRealmTest {

    private static final List<Row> ROLES = List.of(
            new Row("r1", "planner", "Plans work"),
            new Row("r2", "aircraft:view", null),
            new Row("r3", "offline_access", "Keycloak's own"));

    @Test
    void onlyRolesCarryingTheManagedAttributeAreManagedAndTheOthersAreNamed() {
        StoredRealm.Sorted sorted = new StoredRealm(ROLES, List.of(
                new Value("r1", RealmState.MANAGED, RealmState.MANAGED_BY_TEMPLATE),
                new Value("r2", RealmState.MANAGED, RealmState.MANAGED_BY_CATALOG),
                new Value("r3", "hand-made", "yes")), List.of(), List.of(), List.of(), List.of()).sorted();

        assertEquals(Set.of("planner", "aircraft:view"), sorted.roles().keySet());
        assertEquals(Set.of("offline_access"), sorted.unmanagedRoles());
        assertNull(sorted.roles().get("aircraft:view").description());
    }

    @Test
    void aManagedRoleKeepsOnlyTheImportersAttributesAndItsRealmComposites() {
        StoredRealm.Sorted sorted = new StoredRealm(ROLES, List.of(
                new Value("r1", RealmState.MANAGED, RealmState.MANAGED_BY_TEMPLATE),
                new Value("r1", RealmState.PRIVILEGED, "false"),
                new Value("r1", "set-by-hand", "kept out of the plan")),
                List.of(new Link("r1", "aircraft:view"), new Link("r1", "technician")),
                List.of(), List.of(), List.of()).sorted();

        assertEquals(new RoleState("planner", "Plans work",
                        Map.of(RealmState.MANAGED, RealmState.MANAGED_BY_TEMPLATE, RealmState.PRIVILEGED, "false"),
                        Set.of("aircraft:view", "technician")),
                sorted.roles().get("planner"));
        assertEquals(Set.of("aircraft:view", "offline_access"), sorted.unmanagedRoles());
    }

    @Test
    void scopesAreSortedTheSameWayWithTheirRoleMappings() {
        StoredRealm.Sorted sorted = new StoredRealm(List.of(), List.of(), List.of(),
                List.of(new Row("s1", "maintenance:planning", "Planning"), new Row("s2", "profile", null)),
                List.of(new Value("s1", RealmState.MANAGED, RealmState.MANAGED_BY_CATALOG),
                        new Value("s1", "include.in.token.scope", "true"),
                        new Value("s1", "gui.order", "set by hand"),
                        new Value("s2", "include.in.token.scope", "true")),
                List.of(new Link("s1", "aircraft:view"), new Link("s2", "unrelated"))).sorted();

        assertEquals(Map.of("maintenance:planning", new ScopeState("maintenance:planning", "Planning",
                        Map.of(RealmState.MANAGED, RealmState.MANAGED_BY_CATALOG, "include.in.token.scope", "true"),
                        Set.of("aircraft:view"))), sorted.scopes());
        assertEquals(Set.of("profile"), sorted.unmanagedScopes());
    }

    @Test
    void anAttributeWithoutValueDoesNotMakeARoleManaged() {
        StoredRealm.Sorted sorted = new StoredRealm(ROLES, List.of(new Value("r1", RealmState.MANAGED, null)),
                List.of(), List.of(), List.of(), List.of()).sorted();
        assertEquals(Set.of("planner", "aircraft:view", "offline_access"), sorted.unmanagedRoles());
    }
}
