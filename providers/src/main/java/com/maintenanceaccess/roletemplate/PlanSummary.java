package com.maintenanceaccess.roletemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of a plan: the REST answer and the (bounded) admin event representation. */
public final class PlanSummary {

    /** The event carries at most this many changes; the counts are always complete. */
    public static final int EVENT_CHANGES = 50;

    private PlanSummary() {
    }

    public static Map<String, Object> response(String realm, boolean dryRun, Plan plan) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("realm", realm);
        body.put("dryRun", dryRun);
        body.put("summary", plan.counts());
        body.put("changes", plan.changes().stream().map(PlanSummary::change).toList());
        return body;
    }

    public static Map<String, Object> event(String origin, Plan plan) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("origin", origin);
        body.put("summary", plan.counts());
        List<Map<String, Object>> changes = plan.changes().stream().limit(EVENT_CHANGES).map(PlanSummary::change).toList();
        body.put("changes", changes);
        body.put("changesOmitted", Math.max(0, plan.changes().size() - EVENT_CHANGES));
        return body;
    }

    public static Map<String, Object> change(Plan.Change change) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("op", change.op().name().toLowerCase());
        map.put("kind", change.kind());
        map.put("name", change.name());
        if (change.target() != null) {
            map.put("target", change.target());
        }
        if (change.detail() != null) {
            map.put("detail", change.detail());
        }
        return map;
    }
}
