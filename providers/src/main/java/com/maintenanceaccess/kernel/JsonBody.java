package com.maintenanceaccess.kernel;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The one reader of JSON request bodies of {@code /mx}: limits on size, nesting depth,
 * number and string length are enforced while parsing, so that a hostile body is a 400
 * naming {@code body} (not a 500, not a deep recursion), before anything is read or written.
 */
public final class JsonBody {

    /** Larger than any legitimate body of the API (an authorization record is a few KiB). */
    public static final int MAX_BYTES = 64 * 1024;
    public static final int MAX_DEPTH = 16;
    /** Enough for any long or an ISO instant's epoch; a 5000-digit number is refused. */
    public static final int MAX_NUMBER_LENGTH = 20;
    public static final int MAX_STRING_LENGTH = 16 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .build())
            .build());

    private JsonBody() {
    }

    /** A required JSON object. */
    public static ObjectNode object(String body) {
        return object(body, true);
    }

    /** A JSON object; an empty body is an empty object when not required. 400 naming the field otherwise. */
    public static ObjectNode object(String body, boolean required) {
        try {
            return read(body, required);
        } catch (Invalid e) {
            throw Problems.invalid(List.of(e.problem()));
        }
    }

    /** What is wrong with a body: thrown by {@link #read}, answered as 400 by {@link #object}. */
    static final class Invalid extends RuntimeException {
        private final transient Problems.Problem problem;

        Invalid(String field, String message) {
            super(field + ": " + message, null, false, false);
            this.problem = Problems.problem(field, message);
        }

        Problems.Problem problem() {
            return problem;
        }
    }

    /**
     * The same limits for a protocol with an error body of its own (SCIM, docs/scim.md): the
     * object, or an {@link IllegalArgumentException} whose message names the problem.
     */
    public static ObjectNode parse(String body) {
        try {
            return read(body, true);
        } catch (Invalid e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /** The parser itself, without HTTP: the limits and the object check. */
    static ObjectNode read(String body, boolean required) {
        if (body == null || body.isBlank()) {
            if (required) {
                throw new Invalid("body", "a JSON object is required");
            }
            return JSON.createObjectNode();
        }
        if (body.length() > MAX_BYTES) {
            throw new Invalid("body", "at most " + MAX_BYTES + " bytes");
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (StreamConstraintsException e) {
            throw new Invalid("body", "too deeply nested (at most " + MAX_DEPTH + " levels), a number longer than "
                    + MAX_NUMBER_LENGTH + " digits or a string longer than " + MAX_STRING_LENGTH + " characters");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new Invalid("body", "malformed JSON" + (at == null ? ""
                    : " at line " + at.getLineNr() + ", column " + at.getColumnNr()));
        } catch (RuntimeException | StackOverflowError e) {
            throw new Invalid("body", "is not valid JSON");
        }
        if (json == null || !json.isObject()) {
            throw new Invalid("body", "must be a JSON object");
        }
        return (ObjectNode) json;
    }

    /** A required object with no field outside {@code allowed}. */
    public static ObjectNode object(String body, boolean required, Set<String> allowed) {
        ObjectNode json = object(body, required);
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw Problems.invalid(name, "unknown field; allowed: " + allowed);
            }
        }
        return json;
    }

    /**
     * 400 naming the first of {@code fields} that is present as JSON {@code null}: these fields take a
     * list or an object, and a null there is bad input, never "none" (a {@code "templates": null} that
     * was read as "no templates" wiped a person's access). Leaving the field out is the way to omit it.
     */
    public static void noNull(JsonNode json, String... fields) {
        for (String field : fields) {
            JsonNode value = json.get(field);
            if (value != null && value.isNull()) {
                throw Problems.invalid(field, "must not be null (a list or an object goes here; leave the field out instead)");
            }
        }
    }

    /** A non-blank string field, or null when absent. */
    public static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw Problems.invalid(field, "must be a non-empty string");
        }
        return value.asText();
    }

    /** A whole-number field that fits an int, or null when absent. */
    public static Integer integer(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw Problems.invalid(field, "must be a whole number");
        }
        return value.asInt();
    }

    /** For the few readers that keep a domain parser of their own (e.g. AccountSettingsUpdate). */
    public static ObjectMapper mapper() {
        return JSON;
    }
}
