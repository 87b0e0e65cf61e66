package com.maintenanceaccess.it.roletemplate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.support.Http;
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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Logs a user in to the maintenance app the way the app does it: authorization code with
 * PKCE through the real login page (plain HTTP with a cookie jar), then exchanges the code.
 */
final class AppLogin {

    static final String CLIENT = "maintenance-app";
    static final String REDIRECT = "http://localhost:3000/callback";
    private static final Pattern FORM_ACTION = Pattern.compile("action=\"([^\"]*login-actions/authenticate[^\"]*)\"");

    private AppLogin() {
    }

    /** The token response of a code + PKCE login of {@code username}. */
    static JsonNode login(String realmUrl, String username, String password) throws Exception {
        // Cookies by hand: Keycloak marks them Secure, which the JDK's cookie jar never sends over http.
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));

        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(realmUrl
                + "/protocol/openid-connect/auth?client_id=" + CLIENT + "&response_type=code&scope=openid"
                + "&redirect_uri=" + enc(REDIRECT) + "&code_challenge=" + challenge + "&code_challenge_method=S256"
                + "&state=it")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), page::body);
        String cookies = page.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                .collect(Collectors.joining("; "));
        Matcher action = FORM_ACTION.matcher(page.body());
        assertTrue(action.find(), "no login form: " + page.body());

        HttpResponse<String> submitted = client.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookies)
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password,
                        "credentialId", "")))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, submitted.statusCode(), submitted::body);
        String location = submitted.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(REDIRECT), location);
        String code = query(location).get("code");

        Http.Response token = Http.postForm(realmUrl + "/protocol/openid-connect/token", Map.of(
                "grant_type", "authorization_code", "client_id", CLIENT, "code", code,
                "redirect_uri", REDIRECT, "code_verifier", verifier));
        assertEquals(200, token.status(), token::toString);
        return token.json();
    }

    /** The decoded payload of a JWT. */
    static JsonNode claims(String jwt) throws IOException {
        return Http.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static Map<String, String> query(String url) {
        String query = URI.create(url).getRawQuery();
        return java.util.Arrays.stream(query.split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : ""));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
