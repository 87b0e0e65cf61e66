package com.maintenanceaccess.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's browser without the browser: its own cookie jar, following Keycloak's redirects
 * inside Keycloak, posting forms. For flows whose pages the browser tests already cover
 * (logins, invitation links) and that a test or benchmark needs many times or in parallel.
 * Every URL it requests goes through {@code route} first: in the cluster tests the links name
 * the cluster's front-end address, and the route picks the node that serves them.
 */
public final class Visitor {

    private final UnaryOperator<String> route;

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(20))
            .build();
    /** A jar by hand: Keycloak marks its cookies Secure, which the JDK's cookie manager never sends over http. */
    private final Map<String, String> cookies = new ConcurrentHashMap<>();

    public Visitor() {
        this(UnaryOperator.identity());
    }

    public Visitor(UnaryOperator<String> route) {
        this.route = route;
    }

    /** GET, following redirects while they stay inside Keycloak (the app itself is not running). */
    public HttpResponse<String> get(String url) {
        URI target = URI.create(route.apply(url));
        HttpResponse<String> response = send(HttpRequest.newBuilder(target).GET());
        for (int hops = 0; response.statusCode() == 302 && hops < 5; hops++) {
            String location = response.headers().firstValue("Location").orElseThrow();
            if (!location.contains("/realms/")) {
                return response;
            }
            target = URI.create(route.apply(target.resolve(location).toString()));
            response = send(HttpRequest.newBuilder(target).GET());
        }
        return response;
    }

    /** POST of a form; the answer is returned as it is (redirects are not followed). */
    public HttpResponse<String> postForm(String url, Map<String, String> form) {
        return send(HttpRequest.newBuilder(URI.create(route.apply(url)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    /** The unescaped action of the form with the given id on a page. */
    public static String formAction(String html, String formId) {
        Matcher form = Pattern.compile("<form[^>]*id=\"" + Pattern.quote(formId) + "\"[^>]*>", Pattern.DOTALL).matcher(html);
        if (!form.find()) {
            throw new AssertionError("no form " + formId + " on the page: " + html);
        }
        Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(form.group());
        if (!action.find()) {
            throw new AssertionError("form " + formId + " without action: " + form.group());
        }
        return action.group(1).replace("&amp;", "&");
    }

    /** application/x-www-form-urlencoded, in the map's order. */
    public static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                String name = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                if (value.isEmpty() || header.toLowerCase().contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
        }
        return response;
    }
}
