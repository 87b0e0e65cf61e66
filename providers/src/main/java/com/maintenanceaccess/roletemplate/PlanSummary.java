package com.maintenanceaccess.roletemplate;

import java.util.LinkedHashMap;
import jakarta.annotation.Nullable;
import java.util.List;
import java.util.Map;

/** The JSON shapes of a plan: the REST answer and the (bounded) admin event representation. */
public final class PlanSummary {

    /** The event carries at most this many changes; the counts are always complete. */
    public static final int EVENT_CHANGES = 50;

    private PlanSummary() {
    }

    public static PlanAnswer response(String realm, boolean dryRun, Plan plan) {
        return new PlanAnswer(realm, dryRun, plan.counts(), plan.changes().stream().map(PlanSummary::change).toList());
    }

    /**
     * POST /mx/role-templates/plan and …/apply: the realm, whether nothing was written ({@code dryRun}),
     * the count of each operation and of each kind's ({@code "role.create"}), and every change.
     */
    public record PlanAnswer(String realm, boolean dryRun, Map<String, Integer> summary, List<PlanChange> changes) {
    }

    /** One change: create, update or delete, of what kind, its name, and where it applies or what changes (when said). */
    public record PlanChange(String op, String kind, String name, @Nullable String target, @Nullable String detail) {
    }

    public static Map<String, Object> event(String origin, Plan plan) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("origin", origin);
        body.put("summary", plan.counts());
        List<PlanChange> changes = plan.changes().stream().limit(EVENT_CHANGES).map(PlanSummary::change).toList();
        body.put("changes", changes);
        body.put("changesOmitted", Math.max(0, plan.changes().size() - EVENT_CHANGES));
        return body;
    }

    public static PlanChange change(Plan.Change change) {
        return new PlanChange(change.op().name().toLowerCase(), change.kind(), change.name(), change.target(),
                change.detail());
    }
}
