package com.maintenanceaccess.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Logs a person in to the maintenance app the way its front end does: authorization code
 * flow with PKCE (S256) through the real login form, then the code exchange. Returns the
 * token response. Plain HTTP ({@link Visitor}); the browser tests cover the pages themselves.
 */
public final class AppLogin {

    public static final String CLIENT_ID = "maintenance-app";
    public static final String REDIRECT_URI = "http://localhost:3000/callback";

    private AppLogin() {
    }

    /** Logs in to the maintenance app of the realm at {@code realmUrl} (…/realms/NAME). */
    public static JsonNode login(String realmUrl, String username, String password, String scope) {
        return login(realmUrl, CLIENT_ID, username, password, scope);
    }

    /** The same for any public client that allows {@link #REDIRECT_URI}. */
    public static JsonNode login(String realmUrl, String clientId, String username, String password, String scope) {
        return login(realmUrl, clientId, REDIRECT_URI, username, password, scope, Map.of());
    }

    /** The same for a public client with its own redirect URI (e.g. Keycloak's {@code account-console}). */
    public static JsonNode login(String realmUrl, String clientId, String redirectUri, String username, String password, String scope) {
        return login(realmUrl, clientId, redirectUri, username, password, scope, Map.of());
    }

    /**
     * The same with extra authorization request parameters, e.g. {@code acr_values=signoff}
     * for the signoff level (its password page is answered like the others).
     */
    public static JsonNode login(String realmUrl, String clientId, String username, String password, String scope,
                                 Map<String, String> extra) {
        return login(realmUrl, clientId, REDIRECT_URI, username, password, scope, extra);
    }

    private static JsonNode login(String realmUrl, String clientId, String redirectUri, String username, String password,
                                  String scope, Map<String, String> extra) {
        Visitor browser = new Visitor();
        String verifier = randomVerifier();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", clientId);
        query.put("response_type", "code");
        query.put("redirect_uri", redirectUri);
        query.put("scope", scope);
        query.put("state", "it-state");
        query.put("code_challenge", challenge(verifier));
        query.put("code_challenge_method", "S256");
        query.putAll(extra);
        HttpResponse<String> page = browser.get(realmUrl + "/protocol/openid-connect/auth?" + Visitor.encode(query));
        assertEquals(200, page.statusCode(), page::body);

        // With organizations on, Keycloak may ask for the username first and the password on a
        // second form, and at the signoff level the password once more: answer each login form until
        // the server redirects back with a code.
        HttpResponse<String> submitted = page;
        for (int step = 0; step < 4 && submitted.statusCode() == 200; step++) {
            submitted = browser.postForm(Visitor.formAction(submitted.body(), "kc-form-login"),
                    Map.of("username", username, "password", password));
        }
        HttpResponse<String> answer = submitted;
        assertEquals(302, answer.statusCode(), () -> "login did not redirect: " + answer.body());
        String location = answer.headers().firstValue("Location").orElseThrow();
        String code = parameter(location, "code");
        assertNotNull(code, () -> "no code in " + location);

        Http.Response tokens = Http.postForm(realmUrl + "/protocol/openid-connect/token", Map.of(
                "grant_type", "authorization_code", "code", code, "redirect_uri", redirectUri,
                "client_id", clientId, "code_verifier", verifier));
        assertEquals(200, tokens.status(), tokens::toString);
        return tokens.json();
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
