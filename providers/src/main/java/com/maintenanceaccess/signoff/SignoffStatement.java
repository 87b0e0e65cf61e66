package com.maintenanceaccess.signoff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the person confirmed at the step-up (issue 23, "sign what was shown"): the app passes it
 * as the authorization request parameter {@code mx_signing}, a JSON object with the fields of
 * the signoff body that say what is signed. The step-up page shows it in plain language, the
 * step-up's token carries it (claim {@value #CLAIM}, {@link StatementClaimMapper}) and
 * {@code POST /mx/signoffs} refuses a body that says anything else ({@code statement_mismatch}).
 * Absent optional fields are null; a field the statement does not know makes it no statement.
 */
public record SignoffStatement(String type, String registration, String aircraftType, String workOrder, String task,
                               String taskCategory, String base, String declaration) {

    /** The access token claim that carries the statement shown at the step-up. */
    public static final String CLAIM = "mx_statement";
    /** The access token claim that carries the signoff-level login's random id ({@link SignoffPasswordForm#STEP_NOTE}). */
    public static final String STEP_CLAIM = "mx_signoff_step";
    /** Keycloak keeps an additional request parameter of at most this many characters. */
    static final int MAX_LENGTH = 2000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("type", "aircraft", "workOrder", "task", "taskCategory", "base",
            "declaration");
    private static final Set<String> AIRCRAFT = Set.of("registration", "type");
    private static final Set<String> TYPES = Set.of("release", "inspection", "task");

    /** The statement in a request parameter or a note; empty when it is missing or not a statement. */
    public static Optional<SignoffStatement> parse(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            return of(JSON.readTree(text));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The statement in a token's claim (a JSON object, as Keycloak parsed it); empty when there is none. */
    public static Optional<SignoffStatement> fromClaim(Object claim) {
        if (!(claim instanceof Map<?, ?>)) {
            return Optional.empty();
        }
        return of(JSON.valueToTree(claim));
    }

    private static Optional<SignoffStatement> of(JsonNode json) {
        if (json == null || !json.isObject() || !known(json, FIELDS)) {
            return Optional.empty();
        }
        JsonNode aircraft = json.path("aircraft");
        if (!aircraft.isObject() || !known(aircraft, AIRCRAFT)) {
            return Optional.empty();
        }
        try {
            SignoffStatement s = new SignoffStatement(text(json, "type"), text(aircraft, "registration"),
                    text(aircraft, "type"), text(json, "workOrder"), text(json, "task"), text(json, "taskCategory"),
                    text(json, "base"), text(json, "declaration"));
            boolean complete = TYPES.contains(s.type) && s.registration != null && s.workOrder != null;
            return complete ? Optional.of(s) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean known(JsonNode object, Set<String> allowed) {
        for (var names = object.fieldNames(); names.hasNext(); ) {
            if (!allowed.contains(names.next())) {
                return false;
            }
        }
        return true;
    }

    /** A text field, null when absent or null; anything but a non-blank string is no statement. */
    private static String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw new IllegalArgumentException(field);
        }
        return node.asText();
    }

    /** Whether the body says exactly what was shown: every field equal, an absent one absent in both. */
    public boolean matches(SignoffRequest request) {
        return Objects.equals(type, request.type().id())
                && Objects.equals(registration, request.registration())
                && Objects.equals(aircraftType, request.aircraftType())
                && Objects.equals(workOrder, request.workOrder())
                && Objects.equals(task, request.task())
                && Objects.equals(taskCategory, request.taskCategory())
                && Objects.equals(base, request.base())
                && Objects.equals(declaration, request.declaration());
    }

    /** The statement as JSON, in the body's field names (the token's claim and the signature record). */
    public ObjectNode json() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("type", type);
        ObjectNode aircraft = json.putObject("aircraft");
        aircraft.put("registration", registration);
        if (aircraftType != null) {
            aircraft.put("type", aircraftType);
        }
        putIf(json, "workOrder", workOrder);
        putIf(json, "task", task);
        putIf(json, "taskCategory", taskCategory);
        putIf(json, "base", base);
        putIf(json, "declaration", declaration);
        return json;
    }

    /** The same JSON as a map, for a token claim (Keycloak serialises claims itself). */
    public Map<String, Object> claim() {
        @SuppressWarnings("unchecked")
        Map<String, Object> claim = JSON.convertValue(json(), LinkedHashMap.class);
        return claim;
    }

    /** What the step-up page shows, by field; the template words each in the page's language. */
    public Map<String, String> shown() {
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("type", type);
        shown.put("registration", registration);
        putIf(shown, "aircraftType", aircraftType);
        shown.put("workOrder", workOrder);
        putIf(shown, "task", task);
        putIf(shown, "taskCategory", taskCategory);
        putIf(shown, "base", base);
        putIf(shown, "declaration", declaration);
        return shown;
    }

    private static void putIf(ObjectNode json, String field, String value) {
        if (value != null) {
            json.put(field, value);
        }
    }

    private static void putIf(Map<String, String> map, String field, String value) {
        if (value != null) {
            map.put(field, value);
        }
    }
}
