package com.maintenanceaccess.it.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Mail;
import com.maintenanceaccess.it.support.MailParts;
import com.maintenanceaccess.it.support.Realm;
import com.maintenanceaccess.it.support.Visitor;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;

/** What the invitation ITs share: an administrator, invitees, the mails and the link in them. */
public final class InvitationSupport {

    public static final String GOOD_PASSWORD = "Hangar-Door-2026-Blue";

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
        MailParts mail = MailParts.of(Mail.await(address, n, Duration.ofSeconds(30)));
        return new String[] {mail.text(), mail.html(), mail.subject()};
    }

    /** The invitation link of the n-th mail to an address (from the plain-text part). */
    public static String link(String address, int n) throws Exception {
        return MailParts.of(Mail.await(address, n, Duration.ofSeconds(30))).actionLink();
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

    /** The action of the invitation page's accept form. */
    public static String acceptFormAction(String html) {
        return Visitor.formAction(html, "mx-accept-invitation-form");
    }

    /** What people who submitted one invitation link at the same moment got. */
    public record Race(int won, int refused) {
    }

    /**
     * {@code n} people open one link (person i through {@code route.apply(i)}), then all submit
     * the password form at the same moment. Counts who landed in the app with a code and who
     * got the clear "unusable" page.
     */
    public static Race redeemAtOnce(String link, int n, IntFunction<UnaryOperator<String>> route) throws Exception {
        List<Visitor> visitors = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Visitor visitor = new Visitor(route.apply(i));
            HttpResponse<String> page = visitor.get(link);
            assertEquals(200, page.statusCode(), page::body);
            visitors.add(visitor);
            actions.add(acceptFormAction(page.body()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Visitor visitor = visitors.get(i);
                String action = actions.get(i);
                results.add(pool.submit(() -> {
                    start.await();
                    return visitor.postForm(action, Map.of("password-new", GOOD_PASSWORD, "password-confirm", GOOD_PASSWORD));
                }));
            }
            start.countDown();
            int won = 0;
            int refused = 0;
            for (Future<HttpResponse<String>> result : results) {
                HttpResponse<String> response = result.get(2, TimeUnit.MINUTES);
                String location = response.headers().firstValue("Location").orElse("");
                if (response.statusCode() == 302 && location.contains("code=")) {
                    won++;
                } else if (response.statusCode() == 400 && response.body().contains("mx-invitation-unusable")) {
                    refused++;
                }
            }
            return new Race(won, refused);
        } finally {
            pool.shutdown();
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
        return visitor.postForm(acceptFormAction(page.body()),
                Map.of("password-new", password, "password-confirm", password));
    }
}
