package com.maintenanceaccess.it.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Mail;
import com.maintenanceaccess.it.support.Realm;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the invitation ITs share: an administrator, invitees, the mails and the link in them. */
public final class InvitationSupport {

    public static final String GOOD_PASSWORD = "Hangar-Door-2026-Blue";
    private static final Pattern LINK = Pattern.compile("(https?://\\S+/login-actions/action-token\\?\\S+)");

    final Realm realm;
    private String adminId;

    /** On the shared test server. */
    public InvitationSupport() {
        this(Realm.maintenance());
    }

    /** On any server, e.g. one node of the cluster tests. */
    public InvitationSupport(Realm realm) {
        this.realm = realm;
    }

    /** A realm user holding manage-users (and view-users): the administrator who invites. */
    public synchronized String adminToken() {
        if (adminId == null) {
            adminId = realm.createUser("inv-admin", Map.of("firstName", "Ada", "lastName", "Admin"));
            realm.grantRealmManagement(adminId, "manage-users", "view-users");
        }
        return realm.userToken(adminId);
    }

    public String adminId() {
        adminToken();
        return adminId;
    }

    public String api(String path) {
        return realm.url("/mx/invitations" + path);
    }

    /** An enabled user without a password (as an administrator creates an invitee). */
    public String invitee(String prefix, Map<String, Object> extra) {
        Map<String, Object> user = new HashMap<>(Map.of("credentials", List.of(), "emailVerified", false));
        user.putAll(extra);
        return realm.createUser(prefix, user);
    }

    public String email(String userId) {
        return realm.adminGet("/users/" + userId).get("email").asText();
    }

    public Http.Response invite(String userId, Object expiresInDays, String account) {
        Map<String, Object> body = new HashMap<>();
        body.put("userId", userId);
        if (expiresInDays != null) {
            body.put("expiresInDays", expiresInDays);
        }
        if (account != null) {
            body.put("account", account);
        }
        return Http.postJson(api(""), adminToken(), body);
    }

    public JsonNode invitation(String userId) {
        Http.Response response = Http.get(api("/" + userId), adminToken());
        assertEquals(200, response.status(), response::toString);
        return response.json();
    }

    /** The n-th mail to an address, as {text, html}. */
    public static String[] mail(String address, int n) throws Exception {
        MimeMessage message = Mail.await(address, n, Duration.ofSeconds(30));
        String text = null;
        String html = null;
        Object content = message.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    text = part.getContent().toString();
                } else if (part.isMimeType("text/html")) {
                    html = part.getContent().toString();
                } else if (part.getContent() instanceof Multipart nested) {
                    for (int j = 0; j < nested.getCount(); j++) {
                        BodyPart inner = nested.getBodyPart(j);
                        if (inner.isMimeType("text/plain")) {
                            text = inner.getContent().toString();
                        } else if (inner.isMimeType("text/html")) {
                            html = inner.getContent().toString();
                        }
                    }
                }
            }
        } else {
            text = content.toString();
        }
        return new String[] {text, html, message.getSubject()};
    }

    /** The invitation link of the n-th mail to an address (from the plain-text part). */
    public static String link(String address, int n) throws Exception {
        String text = mail(address, n)[0];
        Matcher matcher = LINK.matcher(text);
        assertTrue(matcher.find(), "a link in: " + text);
        return matcher.group(1);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates an account (organization); returns its alias. */
    String account(String name) {
        String alias = unique("acct");
        Http.Response response = Http.postJson(realm.adminUrl("/organizations"), realm.adminToken(), Map.of(
                "name", name + " " + alias, "alias", alias, "enabled", true,
                "domains", List.of(Map.of("name", alias + ".example"))));
        assertEquals(201, response.status(), response::toString);
        return alias;
    }

    /**
     * A browser-less invitee: its own cookie jar, following Keycloak's redirects like a browser.
     * Every URL it requests goes through {@code route} first: in the cluster tests the links
     * name the cluster's front-end address, and the route picks the node that serves them.
     */
    public static final class Visitor {
        private final UnaryOperator<String> route;
        private final HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(20))
                .build();
        /** A cookie jar by hand: Keycloak marks its cookies Secure, which the JDK's jar never sends over http. */
        private final Map<String, String> cookies = new java.util.concurrent.ConcurrentHashMap<>();

        public Visitor() {
            this(UnaryOperator.identity());
        }

        public Visitor(UnaryOperator<String> route) {
            this.route = route;
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(java.util.stream.Collectors.joining("; ")));
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String header : response.headers().allValues("Set-Cookie")) {
                String pair = header.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    String value = pair.substring(eq + 1);
                    if (value.isEmpty() || header.toLowerCase().contains("max-age=0")) {
                        cookies.remove(pair.substring(0, eq).trim());
                    } else {
                        cookies.put(pair.substring(0, eq).trim(), value);
                    }
                }
            }
            return response;
        }

        public HttpResponse<String> get(String url) throws IOException, InterruptedException {
            URI target = URI.create(route.apply(url));
            HttpResponse<String> response = send(HttpRequest.newBuilder(target).GET());
            // Follow redirects inside Keycloak only (not to the app, which is not running).
            int hops = 0;
            while (response.statusCode() == 302 && hops++ < 5) {
                String location = response.headers().firstValue("Location").orElseThrow();
                if (!location.contains("/realms/")) {
                    return response;
                }
                target = URI.create(route.apply(target.resolve(location).toString()));
                response = send(HttpRequest.newBuilder(target).GET());
            }
            return response;
        }

        public HttpResponse<String> postForm(String url, Map<String, String> form) throws IOException, InterruptedException {
            StringBuilder body = new StringBuilder();
            form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&")
                    .append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return send(HttpRequest.newBuilder(URI.create(route.apply(url)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        }

        /** The action of the accept form on a page. */
        public static String formAction(String html) {
            Matcher matcher = Pattern.compile("id=\"mx-accept-invitation-form\"[^>]*action=\"([^\"]+)\"").matcher(html);
            assertTrue(matcher.find(), "the accept form in: " + html);
            return matcher.group(1).replace("&amp;", "&");
        }
    }

    /** Accepts an invitation without a browser; returns the final response of the form post. */
    public static HttpResponse<String> accept(String link, String password) throws Exception {
        return accept(link, password, UnaryOperator.identity());
    }

    /** The same, with every request sent where {@code route} says (see {@link Visitor}). */
    public static HttpResponse<String> accept(String link, String password, UnaryOperator<String> route) throws Exception {
        Visitor visitor = new Visitor(route);
        HttpResponse<String> page = visitor.get(link);
        assertEquals(200, page.statusCode(), page::body);
        return visitor.postForm(Visitor.formAction(page.body()),
                Map.of("password-new", password, "password-confirm", password));
    }
}
