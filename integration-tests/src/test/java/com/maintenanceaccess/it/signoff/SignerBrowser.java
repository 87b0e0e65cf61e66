package com.maintenanceaccess.it.signoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.support.AppLogin;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Visitor;
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
 * One signer's browser at the maintenance app, as the app's front end drives it: a normal
 * PKCE login, then, for each signoff, a step-up login with {@code acr_values=signoff} and the
 * statement in {@code mx_signing}. Keeps the SSO cookie between the two, so the step-up is
 * the re-authentication of a person already logged in. Returns token responses.
 */
public final class SignerBrowser {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private final Visitor browser = new Visitor();
    private final String realmUrl;
    private final String username;
    private final String password;
    /** The scope of every login: {@code openid}, or {@code openid organization:<alias>} for a person in several accounts. */
    private final String scope;
    /** The last login page shown (the step-up's password page, with what is signed). */
    String lastPage;
    /** Where a form's address is sent: as is, or to one node of a cluster whose public address nothing serves. */
    private java.util.function.UnaryOperator<String> route = java.util.function.UnaryOperator.identity();

    public SignerBrowser(String realmUrl, String username, String password) {
        this(realmUrl, username, password, "openid");
    }

    public SignerBrowser(String realmUrl, String username, String password, String scope) {
        this.realmUrl = realmUrl;
        this.username = username;
        this.password = password;
        this.scope = scope;
    }

    /** Sends every login form to {@code route}'s address (ClusterIT plays the load balancer). */
    public SignerBrowser routedBy(java.util.function.UnaryOperator<String> route) {
        this.route = route;
        return this;
    }

    public JsonNode login() {
        return authorize(Map.of());
    }

    /**
     * The step-up for signing {@code body}: the app's statement of what is signed (the body's
     * what-fields, as JSON in {@code mx_signing}, as app/ sends it), then the password again on
     * the signoff level's page, which shows that statement.
     */
    public JsonNode stepUp(Map<String, Object> body) {
        return stepUpWith(Map.of("mx_signing", statement(body)));
    }

    /** The step-up with these request parameters besides {@code acr_values} (a raw statement, {@code ui_locales}). */
    public JsonNode stepUpWith(Map<String, String> parameters) {
        Map<String, String> extra = new LinkedHashMap<>(parameters);
        extra.put("acr_values", "signoff");
        return authorize(extra);
    }

    /** The statement an app passes for {@code body}: its what-fields, as JSON. */
    public static String statement(Map<String, Object> body) {
        Map<String, Object> statement = new LinkedHashMap<>();
        for (String field : new String[] {"type", "aircraft", "workOrder", "task", "taskCategory", "base", "declaration"}) {
            if (body.get(field) != null) {
                statement.put(field, body.get(field));
            }
        }
        try {
            return JSON.writeValueAsString(statement);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode authorize(Map<String, String> extra) {
        String verifier = random();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", AppLogin.CLIENT_ID);
        query.put("response_type", "code");
        query.put("redirect_uri", AppLogin.REDIRECT_URI);
        query.put("scope", scope);
        query.put("state", "it-state");
        query.put("code_challenge", challenge(verifier));
        query.put("code_challenge_method", "S256");
        query.putAll(extra);
        HttpResponse<String> answer = browser.get(realmUrl + "/protocol/openid-connect/auth?" + Visitor.encode(query));
        for (int step = 0; step < 3 && answer.statusCode() == 200; step++) {
            lastPage = answer.body();
            answer = browser.postForm(route.apply(Visitor.formAction(answer.body(), "kc-form-login")),
                    Map.of("username", username, "password", password));
        }
        HttpResponse<String> done = answer;
        assertEquals(302, done.statusCode(), () -> "login did not redirect: " + done.body());
        String location = done.headers().firstValue("Location").orElseThrow();
        String code = parameter(location, "code");
        assertNotNull(code, () -> "no code in " + location);
        Http.Response tokens = Http.postForm(realmUrl + "/protocol/openid-connect/token", Map.of(
                "grant_type", "authorization_code", "code", code, "redirect_uri", AppLogin.REDIRECT_URI,
                "client_id", AppLogin.CLIENT_ID, "code_verifier", verifier));
        assertEquals(200, tokens.status(), tokens::toString);
        return tokens.json();
    }

    private static String parameter(String url, String name) {
        String query = URI.create(url).getRawQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            String[] parts = pair.split("=", 2);
            if (parts[0].equals(name) && parts.length == 2) {
                return URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
