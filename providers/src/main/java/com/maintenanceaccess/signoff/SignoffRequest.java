package com.maintenanceaccess.signoff;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.kernel.Problems.Problem;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the app asks to sign (body of {@code POST /mx/signoffs}), parsed and checked with every
 * problem named at once. {@code time}, when sent, must be now: a signature is made when the
 * signer is present, never for an earlier instant (no backdating).
 */
public record SignoffRequest(Type type, String authorizationType, String signer, String registration,
                             String aircraftType, String workOrder, String task, String taskCategory, String base,
                             String declaration, String performedSignature, String certifiedSignature) {

    /** Clock difference tolerated between the app and the server for a {@code time} sent. */
    public static final Duration SKEW = Duration.ofSeconds(30);
    static final int MAX_TEXT = 200;
    static final int MAX_DECLARATION = 2000;

    public enum Type {
        RELEASE("certifying-staff"), INSPECTION("inspection"), TASK("support-staff");

        /** The authorization type a signer of this kind needs unless the request names one. */
        final String defaultAuthorization;

        Type(String defaultAuthorization) {
            this.defaultAuthorization = defaultAuthorization;
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The request's problems, each a field and what is wrong with it (the kernel's one problem type). */
    public static final class Invalid extends RuntimeException {
        private final List<Problem> problems;

        Invalid(List<Problem> problems) {
            super(problems.toString());
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    /** The fields of a signoff body; any other is 400 naming it (SignoffsResource reads it with JsonBody). */
    public static final Set<String> FIELDS = Set.of("type", "authorizationType", "signer", "aircraft", "workOrder", "task",
            "taskCategory", "base", "declaration", "inspects", "time");

    public static SignoffRequest parse(JsonNode body, Instant now) {
        List<Problem> problems = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw new Invalid(List.of(new Problem("body", "must be a JSON object")));
        }
        Type type = null;
        String typeText = text(body, "type", true, MAX_TEXT, problems);
        if (typeText != null) {
            try {
                type = Type.valueOf(typeText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("type", "must be one of release, inspection, task"));
            }
        }
        String authorizationType = text(body, "authorizationType", false, MAX_TEXT, problems);
        String signer = text(body, "signer", false, MAX_TEXT, problems);
        JsonNode aircraft = body.get("aircraft");
        String registration = null;
        String aircraftType = null;
        if (aircraft == null || !aircraft.isObject()) {
            problems.add(new Problem("aircraft", "is required: {\"registration\": \"G-ABCD\", \"type\": \"A320\"}"));
        } else {
            unknown(aircraft, "aircraft", Set.of("registration", "type"), problems);
            registration = text(aircraft, "registration", true, MAX_TEXT, problems, "aircraft.registration");
            aircraftType = text(aircraft, "type", true, MAX_TEXT, problems, "aircraft.type");
        }
        String workOrder = text(body, "workOrder", true, MAX_TEXT, problems);
        String task = text(body, "task", false, MAX_TEXT, problems);
        String taskCategory = text(body, "taskCategory", true, MAX_TEXT, problems);
        String base = text(body, "base", false, MAX_TEXT, problems);
        String declaration = text(body, "declaration", true, MAX_DECLARATION, problems);
        String performed = null;
        String certified = null;
        JsonNode inspects = body.get("inspects");
        if (type == Type.INSPECTION) {
            if (inspects == null || !inspects.isObject()) {
                problems.add(new Problem("inspects", "an inspection names the signatures of the work it inspects:"
                        + " {\"performedBy\": \"<signature id>\", \"certifiedBy\": \"<signature id>\"}"));
            } else {
                unknown(inspects, "inspects", Set.of("performedBy", "certifiedBy"), problems);
                performed = text(inspects, "performedBy", true, MAX_TEXT, problems, "inspects.performedBy");
                certified = text(inspects, "certifiedBy", false, MAX_TEXT, problems, "inspects.certifiedBy");
            }
        } else if (inspects != null && !inspects.isNull()) {
            problems.add(new Problem("inspects", "only an inspection inspects other signatures"));
        }
        JsonNode time = body.get("time");
        if (time != null && !time.isNull()) {
            try {
                Instant t = Instant.parse(time.asText());
                if (t.isBefore(now.minus(SKEW))) {
                    problems.add(new Problem("time", "is in the past: a signature is made now, never backdated"));
                } else if (t.isAfter(now.plus(SKEW))) {
                    problems.add(new Problem("time", "is in the future: a signature is made now"));
                }
            } catch (DateTimeParseException e) {
                problems.add(new Problem("time", "is not an instant such as 2026-12-01T10:00:00Z"));
            }
        }
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
        return new SignoffRequest(type, authorizationType != null ? authorizationType : type.defaultAuthorization,
                signer, registration, aircraftType, workOrder, task, taskCategory, base, declaration, performed, certified);
    }

    private static void unknown(JsonNode object, String parent, Set<String> allowed, List<Problem> problems) {
        object.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                problems.add(new Problem(parent + "." + name, "unknown field; allowed: " + allowed));
            }
        });
    }

    private static String text(JsonNode body, String field, boolean required, int max, List<Problem> problems) {
        return text(body, field, required, max, problems, field);
    }

    private static String text(JsonNode body, String field, boolean required, int max, List<Problem> problems,
                               String name) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                problems.add(new Problem(name, "is required"));
            }
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            problems.add(new Problem(name, "must be a non-empty string"));
            return null;
        }
        if (node.asText().length() > max) {
            problems.add(new Problem(name, "must be at most " + max + " characters"));
            return null;
        }
        return node.asText();
    }
}
