package com.maintenanceaccess.kernel;

import jakarta.annotation.Nullable;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one error body of every {@code /mx} endpoint:
 * {@code {"error": "...", "error_description": "...", "key": "...", "params": [...], "unchanged": true,
 * "problems": [{"field", "message", "key", "params"}]}}.
 * {@code problems} is present for 400s; {@code field} is the request's JSON field (or query
 * parameter) at fault. A refused write's description ends with "Nothing was changed."
 * {@code key} and {@code params} name the sentence in the themes' messages (English and German,
 * {@link ProblemKeys}) so that a client shows it in the person's language; they are left out for a
 * sentence that has no key yet (the English text stands). {@code unchanged} says the description
 * ends with "Nothing was changed." (a client shows its own translation of that).
 */
public final class Problems {

    static final String UNCHANGED = " Nothing was changed.";
    /** The refusal of a 400: the fields' own keys say what is wrong. */
    static final String INVALID_KEY = "mxError.invalid";

    /**
     * One thing wrong with one field of the request; {@code at} (may be null) adds where in a
     * document it is, e.g. source, line and column of a role-template file.
     */
    public record Problem(String field, String message, @Nullable Map<String, Object> at) {
        public Problem(String field, String message) {
            this(field, message, null);
        }

        @Override
        public String toString() {
            return field + ": " + message;
        }
    }

    private Problems() {
    }

    public static Problem problem(String field, String message) {
        return new Problem(field, message);
    }

    /** 400 for one field. */
    public static WebApplicationException invalid(String field, String message) {
        return invalid(List.of(new Problem(field, message)));
    }

    /** 400 listing every problem found at once. */
    public static WebApplicationException invalid(List<Problem> problems) {
        return new WebApplicationException(badRequestResponse(problems));
    }

    /** 400 from messages of the form {@code "field: message"} (the field is the text before the first colon). */
    public static Response badRequest(String problem) {
        return badRequest(List.of(problem));
    }

    public static Response badRequest(List<String> problems) {
        return badRequestResponse(parse(problems));
    }

    static List<Problem> parse(List<String> problems) {
        return problems.stream().map(Problems::parse).toList();
    }

    public static Response badRequestResponse(List<Problem> problems) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON).entity(badRequestBody(problems)).build();
    }

    /** The body of a 400 (plain data, so that it can be checked without a server). */
    static Map<String, Object> badRequestBody(List<Problem> problems) {
        Map<String, Object> body = body("invalid_request", String.join("; ",
                problems.stream().map(Problem::toString).toList()) + "." + UNCHANGED);
        body.put("key", INVALID_KEY);
        body.put("params", List.of());
        body.put("problems", problems.stream().map(p -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("field", p.field());
            item.put("message", p.message());
            putKey(item, p.message());
            if (p.at() != null) {
                item.putAll(p.at());
            }
            return item;
        }).toList());
        return body;
    }

    /** 404 for an id that does not exist, or exists outside the caller's accounts: the same body for both. */
    public static WebApplicationException notFound(String what, String id) {
        return new WebApplicationException(notFoundResponse(what, id));
    }

    public static Response notFoundResponse(String what, String id) {
        return status(Response.Status.NOT_FOUND, "not_found", what + " '" + id + "' does not exist in this realm");
    }

    /** 403 naming what is missing. */
    public static WebApplicationException forbidden(String description) {
        return new WebApplicationException(refused(Response.Status.FORBIDDEN.getStatusCode(), "forbidden", description));
    }

    public static WebApplicationException conflict(String description) {
        return new WebApplicationException(refused(Response.Status.CONFLICT.getStatusCode(), "conflict", description));
    }

    /**
     * A refused write with the common body: the one place that ends a description with "Nothing was
     * changed." (once, also when the description already says it).
     */
    public static Response refused(int status, String error, String description) {
        return status(status, error, unchanged(description));
    }

    static String unchanged(String description) {
        return description.endsWith(UNCHANGED.strip()) ? description : description + UNCHANGED;
    }

    /** Any other status with the common body. */
    public static Response status(Response.Status status, String error, String description) {
        return status(status.getStatusCode(), error, description);
    }

    public static Response status(int status, String error, String description) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body(error, description)).build();
    }

    static Map<String, Object> body(String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        if (description != null) {
            boolean unchanged = description.endsWith(UNCHANGED.strip());
            String sentence = unchanged ? description.substring(0, description.length() - UNCHANGED.strip().length()) : description;
            putKey(body, sentence);
            if (unchanged) {
                body.put("unchanged", true);
            }
        }
        return body;
    }

    private static void putKey(Map<String, Object> body, String sentence) {
        ProblemKeys.Key key = ProblemKeys.of(sentence);
        if (key != null) {
            body.put("key", key.key());
            body.put("params", key.params());
        }
    }

    private static Problem parse(String text) {
        int colon = text.indexOf(": ");
        return colon > 0 && colon < 60 && text.substring(0, colon).matches("[A-Za-z0-9_.\\[\\]-]+")
                ? new Problem(text.substring(0, colon), text.substring(colon + 2))
                : new Problem("body", text);
    }
}
