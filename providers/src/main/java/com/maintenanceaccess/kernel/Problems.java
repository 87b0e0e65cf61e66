package com.maintenanceaccess.kernel;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.annotation.Nullable;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

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
     * One thing wrong with one field of the request, as the body of a 400 lists it: the field, the
     * English sentence, its message key and parameters ({@link ProblemKeys}, absent for a sentence
     * without a key) and, for a problem inside an uploaded document (a role-template file), where it
     * is: {@code source}, {@code line} and {@code column} (1-based, 0 when unknown; absent otherwise).
     * The one problem type of the bundle: rules collect these, the kernel writes them.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Problem(String field, String message, @Nullable String key, @Nullable List<String> params,
                          @Nullable String source, @Nullable Integer line, @Nullable Integer column) {
        public Problem(String field, String message) {
            this(field, message, keyOf(message), paramsOf(message), null, null, null);
        }

        /**
         * A problem at a place in a document: the message names the place first
         * ({@code "source:line:column path: message"}, as an editor's error list does), the field is
         * the path inside the document ({@code body} for the document as a whole).
         */
        public static Problem located(String source, int line, int column, String path, String message) {
            boolean hasPath = path != null && !path.isEmpty();
            String text = source + (line > 0 ? ":" + line + ":" + column : "") + (hasPath ? " " + path : "") + ": " + message;
            return new Problem(hasPath ? path : "body", text, keyOf(text), paramsOf(text), source, line, column);
        }

        @Override
        public String toString() {
            return field + ": " + message;
        }

        private static String keyOf(String sentence) {
            ProblemKeys.Key key = ProblemKeys.of(sentence);
            return key == null ? null : key.key();
        }

        private static List<String> paramsOf(String sentence) {
            ProblemKeys.Key key = ProblemKeys.of(sentence);
            return key == null ? null : key.params();
        }
    }

    /**
     * The error body of every refusal. {@code key} and {@code params} are absent for a sentence
     * without a key, {@code unchanged} unless the description ends with "Nothing was changed.",
     * {@code problems} except in a 400.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProblemAnswer(String error, @JsonProperty("error_description") @Nullable String description,
                                @Nullable String key, @Nullable List<String> params, @Nullable Boolean unchanged,
                                @Nullable List<Problem> problems) {
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

    public static Response badRequestResponse(List<Problem> problems) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON).entity(badRequestBody(problems)).build();
    }

    /** The body of a 400 (plain data, so that it can be checked without a server). */
    static ProblemAnswer badRequestBody(List<Problem> problems) {
        String description = String.join("; ", problems.stream().map(Problem::toString).toList()) + "." + UNCHANGED;
        return new ProblemAnswer("invalid_request", description, INVALID_KEY, List.of(), true, List.copyOf(problems));
    }

    /** 404 for an id that does not exist, or exists outside the caller's accounts: the same body for both. */
    public static WebApplicationException notFound(String what, String id) {
        return new WebApplicationException(notFoundResponse(what, id));
    }

    public static Response notFoundResponse(String what, String id) {
        return status(Response.Status.NOT_FOUND, "not_found", what + " '" + id + "' does not exist in this realm");
    }

    /** 404 in the feature's own words (nothing to refuse, so no "Nothing was changed."). */
    public static WebApplicationException missing(String description) {
        return new WebApplicationException(status(Response.Status.NOT_FOUND, "not_found", description));
    }

    /** 403 naming what is missing. */
    public static WebApplicationException forbidden(String description) {
        return new WebApplicationException(refused(Response.Status.FORBIDDEN.getStatusCode(), "forbidden", description));
    }

    public static WebApplicationException conflict(String description) {
        return new WebApplicationException(refused(Response.Status.CONFLICT.getStatusCode(), "conflict", description));
    }

    /** Any other refused write (e.g. 502 when a mail could not be sent), as an exception to throw. */
    public static WebApplicationException refusal(int status, String error, String description) {
        return new WebApplicationException(refused(status, error, description));
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

    /** The body of a refusal of one of these exceptions, if it is one (for a caller that handles some refusals itself). */
    @Nullable
    public static ProblemAnswer answer(WebApplicationException refusal) {
        return refusal.getResponse() != null && refusal.getResponse().getEntity() instanceof ProblemAnswer answer ? answer : null;
    }

    /** The English sentence of a refusal, without "Nothing was changed." (for a log line or a marker). */
    public static String sentence(WebApplicationException refusal) {
        ProblemAnswer answer = answer(refusal);
        if (answer == null || answer.description() == null) {
            return refusal.getMessage();
        }
        String description = answer.description();
        return description.endsWith(UNCHANGED) ? description.substring(0, description.length() - UNCHANGED.length()) : description;
    }

    static ProblemAnswer body(String error, String description) {
        if (description == null) {
            return new ProblemAnswer(error, null, null, null, null, null);
        }
        boolean unchanged = description.endsWith(UNCHANGED.strip());
        String sentence = unchanged ? description.substring(0, description.length() - UNCHANGED.strip().length()) : description;
        ProblemKeys.Key key = ProblemKeys.of(sentence);
        return new ProblemAnswer(error, description, key == null ? null : key.key(), key == null ? null : key.params(),
                unchanged ? Boolean.TRUE : null, null);
    }
}
