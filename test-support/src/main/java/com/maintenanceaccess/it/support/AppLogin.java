package com.maintenanceaccess.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Logs a person in to the maintenance app the way its front end does: authorization code
 * flow with PKCE (S256) through the real login form, then the code exchange. Returns the
 * token response. Plain HTTP with a cookie jar; the browser tests cover the pages themselves.
 */
public final class AppLogin {

    public static final String CLIENT_ID = "maintenance-app";
    public static final String REDIRECT_URI = "http://localhost:3000/callback";
    private static final Pattern FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*>", Pattern.DOTALL);
    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");

    private AppLogin() {
    }

    /** Logs in to the maintenance app of the realm at {@code realmUrl} (…/realms/NAME). */
    public static JsonNode login(String realmUrl, String username, String password, String scope) {
        return login(realmUrl, CLIENT_ID, username, password, scope);
    }

    /** The same for any public client that allows {@link #REDIRECT_URI}. */
    public static JsonNode login(String realmUrl, String clientId, String username, String password, String scope) {
        HttpClient browser = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        // Keycloak marks its cookies Secure; a browser trusts http://localhost with them, the
        // JDK's cookie manager does not, so the flow keeps its own jar.
        Map<String, String> cookies = new LinkedHashMap<>();
        String verifier = randomVerifier();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", clientId);
        query.put("response_type", "code");
        query.put("redirect_uri", REDIRECT_URI);
        query.put("scope", scope);
        query.put("state", "it-state");
        query.put("code_challenge", challenge(verifier));
        query.put("code_challenge_method", "S256");
        HttpResponse<String> page = send(browser, cookies, HttpRequest.newBuilder(
                URI.create(realmUrl + "/protocol/openid-connect/auth?" + form(query))).GET());
        assertEquals(200, page.statusCode(), page::body);

        // With organizations on, Keycloak may ask for the username first and the password on a
        // second form: answer each login form until the server redirects back with a code.
        HttpResponse<String> submitted = page;
        for (int step = 0; step < 3 && submitted.statusCode() == 200; step++) {
            String loginUrl = formAction(submitted.body());
            submitted = send(browser, cookies, HttpRequest.newBuilder(URI.create(loginUrl))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password)))));
        }
        HttpResponse<String> answer = submitted;
        assertEquals(302, answer.statusCode(), () -> "login did not redirect: " + answer.body());
        String location = answer.headers().firstValue("Location").orElseThrow();
        String code = parameter(location, "code");
        assertNotNull(code, () -> "no code in " + location);

        Http.Response tokens = Http.postForm(realmUrl + "/protocol/openid-connect/token", Map.of(
                "grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT_URI,
                "client_id", clientId, "code_verifier", verifier));
        assertEquals(200, tokens.status(), tokens::toString);
        return tokens.json();
    }

    private static String formAction(String page) {
        Matcher formTag = FORM.matcher(page);
        if (!formTag.find()) {
            throw new AssertionError("no login form on the page: " + page);
        }
        Matcher action = ACTION.matcher(formTag.group());
        if (!action.find()) {
            throw new AssertionError("login form without action: " + formTag.group());
        }
        return action.group(1).replace("&amp;", "&");
    }

    /** The access token's payload, decoded (the signature is the server's business here). */
    public static JsonNode claims(String jwt) {
        String payload = jwt.split("\\.")[1];
        try {
            return Http.JSON.readTree(Base64.getUrlDecoder().decode(payload));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static HttpResponse<String> send(HttpClient client, Map<String, String> cookies, HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String header : response.headers().allValues("Set-Cookie")) {
                String pair = header.split(";", 2)[0];
                int eq = pair.indexOf('=');
                cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
            return response;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String parameter(String url, String name) {
        String query = URI.create(url).getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            String[] parts = pair.split("=", 2);
            if (parts[0].equals(name) && parts.length == 2) {
                return URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String randomVerifier() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
