package com.maintenanceaccess.it.signoff;

import java.util.HashMap;
import java.util.Map;

/** The body of {@code POST /mx/signoffs} for a certificate of release to service, for tests to vary. */
public final class Releases {

    private Releases() {
    }

    /** A release of an A320 at LHR (line maintenance), task 1 of the work order; a map the caller may change. */
    public static Map<String, Object> release(String registration, String workOrder) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", "release");
        body.put("aircraft", Map.of("registration", registration, "type", "A320"));
        body.put("workOrder", workOrder);
        body.put("task", "task-1");
        body.put("taskCategory", "line");
        body.put("base", "LHR");
        body.put("declaration", "Certifies that the work specified was carried out in accordance with Part-145"
                + " and the aircraft is considered ready for release to service.");
        return body;
    }
}
