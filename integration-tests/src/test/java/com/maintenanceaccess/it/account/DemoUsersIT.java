package com.maintenanceaccess.it.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.maintenanceaccess.it.authorization.Authz;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Realm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo data of realm-config/demo, loaded as ./run.sh's seed script does (users file, accounts,
 * memberships of the accounts demo-roles.txt and demo-account-roles.txt name, role templates,
 * account roles; RunCommandDemoIT runs the script itself), and the demo people exercised in
 * their roles with their own tokens from the maintenance realm's admin-cli (password grant):
 * ada.admin manages Demo MRO and nothing of Demo Line Station, and Keycloak's admin API refuses
 * her (no realm-management role); cora.compliance keeps records; abe.auditor reads them.
 */
class DemoUsersIT {

    private static final Realm REALM = Realm.maintenance();
    private static final Path DEMO = Path.of(System.getProperty("mx.realm-config")).resolve("demo");
    private static final Map<String, String> PASSWORDS = new LinkedHashMap<>();
    private static final Map<String, String> IDS = new LinkedHashMap<>();
    private static final Map<String, String> ACCOUNTS = new LinkedHashMap<>();

    @BeforeAll
    static void loadTheDemoData() throws IOException {
        JsonNode users = Http.JSON.readTree(Files.readString(DEMO.resolve("maintenance-users-0.json"))).get("users");
        Http.Response imported = Http.postJson(REALM.adminUrl("/partialImport"), REALM.adminToken(),
                Map.of("ifResourceExists", "SKIP", "users", users));
        assertEquals(200, imported.status(), imported::toString);
        users.forEach(u -> {
            PASSWORDS.put(u.get("username").asText(), u.get("credentials").get(0).get("value").asText());
            IDS.put(u.get("username").asText(), REALM.adminGet("/users?exact=true&username=" + u.get("username").asText())
                    .get(0).get("id").asText());
        });
        try (var files = Files.list(DEMO.resolve("accounts"))) {
            for (Path file : files.sorted().toList()) {
                JsonNode account = Http.JSON.readTree(Files.readString(file));
                String alias = account.get("alias").asText();
                JsonNode existing = REALM.adminGet("/organizations?exact=true&search=" + alias);
                String id;
                if (existing.size() > 0) {
                    id = existing.get(0).get("id").asText();
                } else {
                    Http.Response created = Http.postJson(REALM.adminUrl("/organizations"), REALM.adminToken(), account);
                    assertEquals(201, created.status(), created::toString);
                    id = created.header("Location").substring(created.header("Location").lastIndexOf('/') + 1);
                }
                ACCOUNTS.put(alias, id);
            }
        }
        // Rows: user, account, then the templates (demo-roles.txt) or account roles (demo-account-roles.txt).
        for (String line : lines("demo-roles.txt", "demo-account-roles.txt")) {
            String[] words = line.split("\\s+");
            String account = ACCOUNTS.get(words[1]);
            if (!REALM.adminGet("/organizations/" + account + "/members").toString().contains(IDS.get(words[0]))) {
                REALM.addMember(account, IDS.get(words[0]));
            }
        }
        for (String line : lines("demo-roles.txt")) {
            String[] words = line.split("\\s+");
            for (int i = 2; i < words.length; i++) {
                REALM.grantRealmRole(IDS.get(words[0]), words[i]);
            }
        }
        for (String line : lines("demo-account-roles.txt")) {
            String[] words = line.split("\\s+");
            REALM.grantAccountRole(ACCOUNTS.get(words[1]), IDS.get(words[0]), words[2]);
        }
    }

    private static List<String> lines(String... files) {
        List<String> lines = new ArrayList<>();
        for (String file : files) {
            try {
                Files.readAllLines(DEMO.resolve(file)).stream().filter(l -> !l.isBlank() && !l.startsWith("#"))
                        .map(String::trim).forEach(lines::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return lines;
    }

    /** The person's own token, as the documented login gives it: the maintenance realm's admin-cli, password grant. */
    private static String token(String username) {
        Http.Response response = Http.postForm(REALM.url("/protocol/openid-connect/token"), Map.of("grant_type", "password",
                "client_id", "admin-cli", "username", username, "password", PASSWORDS.get(username)));
        assertEquals(200, response.status(), response::toString);
        return response.json().get("access_token").asText();
    }

    @Test
    void theDemoAccountPeopleHoldNoRealmManagementRole() {
        for (String username : List.of("ada.admin", "cora.compliance", "abe.auditor")) {
            JsonNode clientMappings = REALM.adminGet("/users/" + IDS.get(username) + "/role-mappings").path("clientMappings");
            assertFalse(clientMappings.has("realm-management"), username + ": " + clientMappings);
        }
        JsonNode me = Http.get(REALM.url("/mx/me"), token("ada.admin")).json();
        assertFalse(me.get("operator").asBoolean());
        assertEquals("demo-mro", me.get("accounts").get(0).get("alias").asText(), me::toString);
        assertEquals(1, me.get("accounts").size());
    }

    @Test
    void adaManagesDemoMroAndDemoLineStationDoesNotExistForHer() {
        String ada = token("ada.admin");
        String mro = ACCOUNTS.get("demo-mro");
        String line = ACCOUNTS.get("demo-line");
        JsonNode people = Http.get(REALM.url("/mx/accounts/" + mro + "/people?max=100"), ada).json();
        assertTrue(people.toString().contains("tess.technician"), people::toString);
        assertEquals(200, Http.get(REALM.url("/mx/accounts/demo-mro"), ada).status(), "by alias too");
        Http.Response settings = Http.putJson(REALM.url("/mx/accounts/" + mro), ada, Map.of("setupMode", Map.of("enabled", false)));
        assertEquals(200, settings.status(), settings::toString);
        assertEquals(200, Http.get(REALM.url("/mx/users/" + IDS.get("pat.planner") + "/review"), ada).status());

        String lou = IDS.get("lou.line");
        for (String path : List.of("/mx/accounts/" + line, "/mx/accounts/demo-line", "/mx/accounts/" + line + "/people",
                "/mx/accounts/" + mro + "/people/" + lou, "/mx/users/" + lou + "/review", "/mx/users/" + lou + "/authorizations",
                "/mx/invitations?account=demo-line", "/mx/access/explain?page=administration.account-settings&user=lou.line")) {
            Http.Response refused = Http.get(REALM.url(path), ada);
            assertEquals(404, refused.status(), () -> path + ": " + refused);
        }
        Http.Response deactivate = Http.postJson(REALM.url("/mx/users/" + lou + "/deactivate"), ada, Map.of("reason", "x"));
        assertEquals(404, deactivate.status(), deactivate::toString);
        Http.Response intoLine = Http.postJson(REALM.url("/mx/invitations"), ada, Map.of("userId", IDS.get("ada.admin"),
                "account", "demo-line"));
        assertEquals(403, intoLine.status(), "nobody invites themselves, into any account: " + intoLine);
        Http.Response patIntoLine = Http.postJson(REALM.url("/mx/invitations"), ada, Map.of("userId", IDS.get("pat.planner"),
                "account", "demo-line"));
        assertEquals(404, patIntoLine.status(), "an account she does not administer does not exist for her: " + patIntoLine);
    }

    @Test
    void keycloaksOwnAdminApiRefusesAda() {
        String ada = token("ada.admin");
        // Self-mapping a permission role through the admin API
        JsonNode role = REALM.adminGet("/roles/personnel-authorizations:manage");
        Http.Response selfMapping = Http.postJson(REALM.adminUrl("/users/" + IDS.get("ada.admin") + "/role-mappings/realm"),
                ada, List.of(role));
        assertEquals(403, selfMapping.status(), selfMapping::toString);
        // Resetting the password of a realm operator
        String operator = REALM.createUser("demo-operator", Map.of());
        REALM.grantRealmManagement(operator, "manage-users", "manage-realm");
        Http.Response reset = Http.putJson(REALM.adminUrl("/users/" + operator + "/reset-password"), ada,
                Map.of("type", "password", "value", "Taken-Over-2026!", "temporary", false));
        assertEquals(403, reset.status(), reset::toString);
        assertTrue(REALM.passwordGrant(REALM.username(operator), Realm.TEST_PASSWORD).path("access_token").isTextual(),
                "the operator's password is unchanged");
        // Joining an account-role group of another account
        Http.Response join = Http.send("PUT", REALM.adminUrl("/users/" + IDS.get("ada.admin") + "/groups/"
                + REALM.groupByPath("mx-accounts", "demo-line", "account-administrator")), ada, null, null);
        assertEquals(403, join.status(), join::toString);
        assertTrue(REALM.adminGet("/users/" + IDS.get("ada.admin") + "/role-mappings/realm").toString()
                .contains("account-administrator"), "her template is still there");
        assertFalse(REALM.adminGet("/users/" + IDS.get("ada.admin") + "/role-mappings/realm").toString()
                .contains("personnel-authorizations:manage"));
    }

    @Test
    void coraKeepsDemoMroRecordsAndAbeOnlyReadsThem() {
        String cora = token("cora.compliance");
        String tess = IDS.get("tess.technician");
        Http.Response granted = Http.postJson(REALM.url("/mx/users/" + tess + "/authorizations"), cora,
                Authz.crs("DEMO-CRS-" + System.nanoTime()));
        // Certifying staff by an account officer waits for a second person (issue 23, four eyes).
        JsonNode record = new com.maintenanceaccess.it.authorization.Authz(REALM).approvePending(granted);
        Http.Response own = Http.postJson(REALM.url("/mx/users/" + IDS.get("cora.compliance") + "/authorizations"), cora,
                Authz.crs("DEMO-OWN-" + System.nanoTime()));
        assertEquals(403, own.status(), "nobody grants themselves: " + own);
        assertEquals(404, Http.postJson(REALM.url("/mx/users/" + IDS.get("lou.line") + "/authorizations"), cora,
                Authz.crs("DEMO-LINE-" + System.nanoTime())).status(), "Demo Line Station's people do not exist for her");
        assertEquals(403, Http.postJson(REALM.url("/mx/users/" + tess + "/authorizations"), token("ada.admin"),
                Authz.crs("DEMO-ADA-" + System.nanoTime())).status(), "an account administrator is not compliance");

        String abe = token("abe.auditor");
        assertEquals(200, Http.get(REALM.url("/mx/users/" + tess + "/authorizations"), abe).status());
        assertEquals(200, Http.get(REALM.url("/mx/authorizations/roster"), abe).status(), "one account: no account= needed");
        assertEquals(200, Http.get(REALM.url("/mx/access/report"), abe).status());
        String id = record.get("id").asText();
        Http.Response suspend = Http.postJson(REALM.url("/mx/users/" + tess + "/authorizations/" + id + "/suspend"), abe,
                Map.of("reason", "x"));
        assertEquals(403, suspend.status(), suspend::toString);
        ObjectNode unchanged = (ObjectNode) Http.get(REALM.url("/mx/users/" + tess + "/authorizations/" + id), abe).json();
        assertEquals("active", unchanged.get("status").asText());
    }
}
