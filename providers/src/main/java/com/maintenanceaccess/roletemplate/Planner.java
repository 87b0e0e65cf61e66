package com.maintenanceaccess.roletemplate;

import com.maintenanceaccess.kernel.Problems.Problem;
import com.maintenanceaccess.roletemplate.Plan.Change;
import com.maintenanceaccess.roletemplate.Plan.Op;
import com.maintenanceaccess.roletemplate.RealmState.RoleState;
import com.maintenanceaccess.roletemplate.RealmState.ScopeState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The diff of desired against current state. Only managed roles and scopes are ever
 * updated or deleted; a desired name held by an unmanaged role or scope is a problem.
 * Changes come out in execution order: creates, then links, then deletes, then the catalog.
 */
public final class Planner {

    private Planner() {
    }

    public static Plan plan(RealmState desired, RealmState current) {
        List<Problem> problems = new ArrayList<>();
        if (!current.clientExists()) {
            problems.add(Problem.located("realm", 0, 0, "catalog.client",
                    "client '" + desired.client() + "' does not exist in this realm"));
        }
        for (String name : desired.roles().keySet()) {
            if (current.unmanagedRoles().contains(name)) {
                problems.add(Problem.located("realm", 0, 0, "role " + name, "role '" + name
                        + "' already exists and was not made by the importer (no mx.managed attribute); rename it or the template"));
            }
        }
        for (String name : desired.scopes().keySet()) {
            if (current.unmanagedScopes().contains(name)) {
                problems.add(Problem.located("realm", 0, 0, "client-scope " + name, "client scope '" + name
                        + "' already exists and was not made by the importer (no mx.managed attribute)"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }

        List<Change> roleCreates = new ArrayList<>();
        List<Change> roleUpdates = new ArrayList<>();
        List<Change> scopeCreates = new ArrayList<>();
        List<Change> scopeUpdates = new ArrayList<>();
        List<Change> links = new ArrayList<>();
        List<Change> unlinks = new ArrayList<>();
        List<Change> deletes = new ArrayList<>();

        for (RoleState role : desired.roles().values()) {
            RoleState now = current.roles().get(role.name());
            if (now == null) {
                roleCreates.add(new Change(Op.CREATE, "role", role.name(), null, role.description()));
            } else if (!Objects.equals(now.description(), role.description()) || !now.attributes().equals(role.attributes())) {
                roleUpdates.add(new Change(Op.UPDATE, "role", role.name(), null, differences(now, role)));
            }
            Set<String> have = now == null ? Set.of() : now.composites();
            diff(role.composites(), have, "composite", role.name(), links, unlinks);
        }
        for (ScopeState scope : desired.scopes().values()) {
            ScopeState now = current.scopes().get(scope.name());
            if (now == null) {
                scopeCreates.add(new Change(Op.CREATE, "client-scope", scope.name(), null, scope.description()));
            } else if (!Objects.equals(now.description(), scope.description()) || !now.attributes().equals(scope.attributes())) {
                scopeUpdates.add(new Change(Op.UPDATE, "client-scope", scope.name(), null, "description or attributes"));
            }
            Set<String> have = now == null ? Set.of() : now.roleMappings();
            diff(scope.roleMappings(), have, "scope-mapping", scope.name(), links, unlinks);
        }
        for (String scope : desired.defaultScopes()) {
            if (!current.defaultScopes().contains(scope)) {
                links.add(new Change(Op.CREATE, "default-scope", desired.client(), scope,
                        current.optionalScopes().contains(scope) ? "was an optional scope" : null));
            }
        }
        Set<String> assigned = new TreeSet<>(current.defaultScopes());
        assigned.addAll(current.optionalScopes());
        for (String scope : assigned) {
            if (!desired.defaultScopes().contains(scope) && desired.scopes().containsKey(scope)) {
                unlinks.add(new Change(Op.DELETE, "default-scope", desired.client(), scope, null));
            }
        }
        for (String scope : current.scopes().keySet()) {
            if (!desired.scopes().containsKey(scope)) {
                deletes.add(new Change(Op.DELETE, "client-scope", scope, null, null));
            }
        }
        for (String role : current.roles().keySet()) {
            if (!desired.roles().containsKey(role)) {
                deletes.add(new Change(Op.DELETE, "role", role, null, null));
            }
        }

        List<Change> changes = new ArrayList<>();
        changes.addAll(roleCreates);
        changes.addAll(roleUpdates);
        changes.addAll(scopeCreates);
        changes.addAll(scopeUpdates);
        changes.addAll(links);
        changes.addAll(unlinks);
        changes.addAll(deletes);
        if (!Objects.equals(desired.catalogJson(), current.catalogJson())) {
            changes.add(new Change(current.catalogJson() == null ? Op.CREATE : Op.UPDATE, "catalog",
                    desired.client(), null, "realm attribute mx.access-catalog"));
        }
        return new Plan(changes, desired);
    }

    private static void diff(Set<String> want, Set<String> have, String kind, String parent,
                             List<Change> links, List<Change> unlinks) {
        for (String child : want) {
            if (!have.contains(child)) {
                links.add(new Change(Op.CREATE, kind, parent, child, null));
            }
        }
        for (String child : have) {
            if (!want.contains(child)) {
                unlinks.add(new Change(Op.DELETE, kind, parent, child, null));
            }
        }
    }

    private static String differences(RoleState now, RoleState wanted) {
        List<String> what = new ArrayList<>();
        if (!Objects.equals(now.description(), wanted.description())) {
            what.add("description");
        }
        for (Map.Entry<String, String> attribute : wanted.attributes().entrySet()) {
            if (!attribute.getValue().equals(now.attributes().get(attribute.getKey()))) {
                what.add(attribute.getKey() + "=" + attribute.getValue());
            }
        }
        now.attributes().keySet().stream().filter(k -> !wanted.attributes().containsKey(k))
                .forEach(k -> what.add("-" + k));
        return String.join(", ", what);
    }
}
