package com.maintenanceaccess.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
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
 * A real browser-less login: authorization code flow with PKCE S256 through the login form
 * (identity-first aware), then the code exchange; the same as the ITs' AppLogin, for any
 * public client.
 */
final class Login {

    static final String REDIRECT_URI = "http://localhost:3000/callback";
    private static final Pattern FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*>", Pattern.DOTALL);
    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");

    private Login() {
    }

    static JsonNode login(String realmUrl, String clientId, String username, String password, String scope) {
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        Map<String, String> cookies = new LinkedHashMap<>();
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", clientId);
        query.put("response_type", "code");
        query.put("redirect_uri", REDIRECT_URI);
        query.put("scope", scope);
        query.put("state", "bench");
        query.put("code_challenge", challenge(verifier));
        query.put("code_challenge_method", "S256");
        HttpResponse<String> page = send(browser, cookies, HttpRequest.newBuilder(
                URI.create(realmUrl + "/protocol/openid-connect/auth?" + Web.form(query))).GET());
        for (int step = 0; step < 3 && page.statusCode() == 200; step++) {
            page = send(browser, cookies, HttpRequest.newBuilder(URI.create(formAction(page.body())))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(Web.form(Map.of("username", username, "password", password)))));
        }
        if (page.statusCode() != 302) {
            throw new IllegalStateException("login did not redirect: " + page.statusCode() + " " + page.body());
        }
        String location = page.headers().firstValue("Location").orElseThrow();
        String code = parameter(location, "code");
        if (code == null) {
            throw new IllegalStateException("no code in " + location);
        }
        return Web.postForm(realmUrl + "/protocol/openid-connect/token", Map.of(
                "grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT_URI,
                "client_id", clientId, "code_verifier", verifier)).expect(200, "code exchange").json();
    }

    static JsonNode claims(String jwt) {
        try {
            return Web.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String formAction(String page) {
        Matcher formTag = FORM.matcher(page);
        if (!formTag.find()) {
            throw new IllegalStateException("no login form on the page: " + page);
        }
        Matcher action = ACTION.matcher(formTag.group());
        if (!action.find()) {
            throw new IllegalStateException("login form without action");
        }
        return action.group(1).replace("&amp;", "&");
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
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
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

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
