package com.maintenanceaccess.roletemplate;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The writes that turn the current state into the desired one, in the order they run.
 * A dry run returns it; an apply executes exactly these changes and returns the same plan.
 */
public record Plan(List<Change> changes, RealmState desired) {

    public enum Op { CREATE, UPDATE, DELETE }

    /**
     * One write. {@code kind} is role, composite, client-scope, scope-mapping, default-scope
     * or catalog; for links (composite, scope-mapping, default-scope) {@code name} is the
     * parent and {@code target} the child.
     */
    public record Change(Op op, String kind, String name, String target, String detail) {
    }

    public Plan {
        changes = List.copyOf(changes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** Counts per operation and per kind, for events and logs. */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Change change : changes) {
            counts.merge(change.op().name().toLowerCase(), 1, Integer::sum);
            counts.merge(change.kind() + "." + change.op().name().toLowerCase(), 1, Integer::sum);
        }
        counts.put("total", changes.size());
        return counts;
    }
}
