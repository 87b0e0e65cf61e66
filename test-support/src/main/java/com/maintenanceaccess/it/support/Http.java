package com.maintenanceaccess.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** Plain JDK HTTP with JSON bodies: what any client of the server would do. */
public final class Http {

    public static final ObjectMapper JSON = new ObjectMapper();
    // HTTP/1.1: the JDK's h2c upgrade on plain http can lose a request body.
    public static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private Http() {
    }

    /** A response: status, headers and body text, with the body as JSON on demand. */
    public record Response(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** This response, or an error naming what was asked when the status is another. */
        public Response expect(int expected, String what) {
            if (status != expected) {
                throw new IllegalStateException(what + ": expected " + expected + " but got " + status + " " + body);
            }
            return this;
        }

        /** The id at the end of the Location header of a 201. */
        public String createdId() {
            String location = header("Location");
            return location.substring(location.lastIndexOf('/') + 1);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public static Response send(String method, String url, String bearer, String contentType, String body) {
        return send(method, url, bearer, contentType, body, Map.of());
    }

    /** With extra request headers (If-Match …). */
    public static Response send(String method, String url, String bearer, String contentType, String body,
                                Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofMinutes(5))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.header("Accept", "application/json, text/csv;q=0.9, */*;q=0.8");
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Response get(String url, String bearer) {
        return send("GET", url, bearer, null, null);
    }

    public static Response delete(String url, String bearer) {
        return send("DELETE", url, bearer, null, null);
    }

    public static Response postJson(String url, String bearer, Object body) {
        return send("POST", url, bearer, "application/json", toJson(body));
    }

    public static Response putJson(String url, String bearer, Object body) {
        return send("PUT", url, bearer, "application/json", toJson(body));
    }

    public static Response postForm(String url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send("POST", url, null, "application/x-www-form-urlencoded", body);
    }

    public static String toJson(Object body) {
        if (body == null || body instanceof String) {
            return (String) body;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
