package com.maintenanceaccess.it.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.support.AppLogin;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.KeycloakServer;
import com.maintenanceaccess.it.support.Realm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The run command's demo, as a newcomer gets it: the server module's layout (the one ./run.sh
 * starts, demo users in its data/import) started with run.sh's options, then the real
 * realm-config/demo/seed-demo.sh (curl against the admin API and the bundle's people API), as
 * run.sh runs it, twice (run.sh seeds at every start). Then what realm-config/demo/README.md
 * promises: every user of its table logs in with its password, belongs to its demo accounts (and
 * so has {@code mx_account}; the contractor, in two, has the one chosen at login), holds its
 * job's role templates in each account as the people API reports them, and can use the account
 * console. Tag {@code run-command}: a failsafe execution of its own
 * (integration-tests/pom.xml), since this is a second server beside the shared one.
 */
@Tag("run-command")
class RunCommandDemoIT {

    private static final Path REALM_CONFIG = Path.of(System.getProperty("mx.realm-config", "../realm-config"));
    private static final Path OUTPUT = Path.of(System.getProperty("mx.it.output", "target"));
    /** What the README says, per demo user: the demo accounts (none: the realm operator). */
    private static final Map<String, Set<String>> ACCOUNTS = Map.of(
            "pat.planner", Set.of("demo-mro"), "tess.technician", Set.of("demo-mro"), "sam.stores", Set.of("demo-mro"),
            "ada.admin", Set.of("demo-mro"), "cora.compliance", Set.of("demo-mro"), "abe.auditor", Set.of("demo-mro"),
            "lou.line", Set.of("demo-line"), "cole.contractor", Set.of("demo-line", "demo-mro"),
            "olga.operator", Set.of());
    /** The role template of the job, per demo user and account ("user@account"). */
    private static final Map<String, String> TEMPLATE = Map.of(
            "pat.planner@demo-mro", "planner", "tess.technician@demo-mro", "certifying-staff",
            "sam.stores@demo-mro", "stores", "ada.admin@demo-mro", "account-administrator",
            "cora.compliance@demo-mro", "compliance", "lou.line@demo-line", "technician",
            "cole.contractor@demo-line", "technician", "cole.contractor@demo-mro", "certifying-staff");
    /** The realm operator the seeding acts as on the people API (realm-management view-users, manage-users). */
    private static final String OPERATOR = "olga.operator";
    /** The account roles of the README (docs/security-model.md): groups /mx-accounts/<account>/<role>. */
    private static final Map<String, String> ACCOUNT_ROLE = Map.of(
            "ada.admin", "/mx-accounts/demo-mro/account-administrator",
            "cora.compliance", "/mx-accounts/demo-mro/compliance-officer",
            "abe.auditor", "/mx-accounts/demo-mro/auditor");

    private static KeycloakServer server;
    private static Realm realm;

    @BeforeAll
    static void startAsTheRunCommandDoesAndSeedTheDemo() throws Exception {
        Path home = Path.of(System.getProperty("mx.run-command.home"));
        server = new KeycloakServer(home, OUTPUT.resolve("run-command.log"), "localhost", Integer.getInteger("mx.it.http-port", 8180));
        // run.sh's options, with an in-memory database instead of its .run/h2 file.
        server.start(List.of("start-dev",
                "--http-port=" + Integer.getInteger("mx.it.http-port", 8180),
                "--http-management-port=" + Integer.getInteger("mx.it.management-port", 9180),
                "--health-enabled=true",
                "--db=dev-mem",
                "--import-realm",
                "--spi-mx-role-templates--mx-role-templates--dir=" + REALM_CONFIG.toAbsolutePath()),
                // Generous: its first start also builds the server (start-dev), slow on a shared machine.
                KeycloakServer.smtpEnvironment(), Duration.ofMinutes(10));
        realm = new Realm(server);

        seed("run-command-seed.log");
        // run.sh seeds at every start: a second run finds everything there and changes nothing.
        int events = realm.adminGet("/admin-events?max=10000").size();
        seed("run-command-seed-again.log");
        assertEquals(events, realm.adminGet("/admin-events?max=10000").size(), "admin events of the second seeding");
    }

    /** seed-demo.sh as run.sh runs it: server URL and the master administrator. */
    private static void seed(String log) throws Exception {
        Path seedLog = OUTPUT.resolve(log);
        Process seed = new ProcessBuilder(REALM_CONFIG.resolve("demo/seed-demo.sh").toAbsolutePath().toString(),
                server.baseUrl(), KeycloakServer.ADMIN_USER, KeycloakServer.ADMIN_PASSWORD)
                .redirectErrorStream(true)
                .redirectOutput(seedLog.toFile())
                .start();
        // A few dozen curl calls: seconds; generous for a shared machine (and the start-up import it may wait for).
        if (!seed.waitFor(5, TimeUnit.MINUTES)) {
            seed.destroyForcibly();
            throw new AssertionError("seed-demo.sh still running after 5 minutes: " + read(seedLog));
        }
        assertEquals(0, seed.exitValue(), () -> "seed-demo.sh failed: " + read(seedLog));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** The administrator run.sh names works in the master realm's console: records read as words there too. */
    @Test
    void theMasterRealmsAdminConsoleUsesTheMaintenanceAdminTheme() {
        JsonNode master = Http.get(server.baseUrl() + "/admin/realms/master", realm.adminToken()).json();
        assertEquals("maintenance", master.path("adminTheme").asText(), master::toString);
    }

    @Test
    void theReadmeTableNamesExactlyTheDemoUsers() throws IOException {
        assertEquals(ACCOUNTS.keySet(), readmeTable().keySet());
    }

    @Test
    void eachDemoAccountHasExactlyItsDemoUsersAsMembers() {
        for (String alias : List.of("demo-mro", "demo-line")) {
            Set<String> expected = new TreeSet<>();
            ACCOUNTS.forEach((user, accounts) -> {
                if (accounts.contains(alias)) {
                    expected.add(user);
                }
            });
            Set<String> members = new TreeSet<>();
            for (JsonNode member : realm.adminGet("/organizations/" + organizationId(alias) + "/members?max=100")) {
                members.add(member.get("username").asText());
            }
            assertEquals(expected, members, alias);
        }
    }

    @Test
    void eachDemoUserHoldsTheRoleTemplateOfTheirJobInEachAccountAndTheRealmsDefaultRoles() throws IOException {
        // As the people API reports them (the bundle decides how templates are stored), per account.
        String operator = operatorToken();
        TEMPLATE.forEach((key, template) -> {
            String username = key.substring(0, key.indexOf('@'));
            String account = key.substring(key.indexOf('@') + 1);
            Http.Response person = Http.get(realm.url("/mx/accounts/" + account + "/people/" + userId(username)), operator);
            assertEquals(200, person.status(), () -> key + ": " + person);
            Set<String> templates = new TreeSet<>();
            person.json().get("templates").forEach(t -> templates.add(t.asText()));
            assertTrue(templates.contains(template), key + " holds " + template + ": " + templates);
        });
        // Every demo user, with a template or not: without them the account console answers 401.
        for (String username : ACCOUNTS.keySet()) {
            Set<String> roles = new TreeSet<>();
            for (JsonNode role : realm.adminGet("/users/" + userId(username) + "/role-mappings/realm")) {
                roles.add(role.get("name").asText());
            }
            assertTrue(roles.contains("default-roles-maintenance"), username + " has the realm's default roles: " + roles);
        }
    }

    @Test
    void theAccountPeopleHoldTheirAccountRoleAndNoKeycloakAdminRole() {
        ACCOUNT_ROLE.forEach((username, group) -> {
            Set<String> groups = new TreeSet<>();
            for (JsonNode g : realm.adminGet("/users/" + userId(username) + "/groups")) {
                groups.add(g.get("path").asText());
            }
            assertTrue(groups.contains(group), username + " is in " + group + ": " + groups);
            JsonNode management = realm.adminGet("/users/" + userId(username) + "/role-mappings").path("clientMappings")
                    .path("realm-management");
            assertTrue(management.isMissingNode(), username + " holds no realm-management role: " + management);
        });
    }

    @Test
    void eachDemoUserLogsInWithTheReadmePasswordAndTheTokenNamesTheirAccount() throws IOException {
        for (Map.Entry<String, String> row : readmeTable().entrySet()) {
            Set<String> accounts = ACCOUNTS.get(row.getKey());
            JsonNode account = accountClaim(row.getKey(), row.getValue(), "openid");
            if (accounts.size() == 1) {
                assertEquals(accounts.iterator().next(), account.path("alias").asText(), row.getKey());
            } else {
                // No account (the operator) or several chosen at login (the contractor): none in the token.
                assertTrue(account.isMissingNode(), row.getKey() + "'s token has no mx_account: " + account);
            }
            if (accounts.size() > 1) {
                for (String alias : accounts) {
                    assertEquals(alias, accountClaim(row.getKey(), row.getValue(), "openid organization:" + alias)
                            .path("alias").asText(), row.getKey() + " choosing " + alias);
                }
            }
        }
    }

    private static JsonNode accountClaim(String username, String password, String scope) {
        JsonNode tokens = AppLogin.login(realm.url(""), username, password, scope);
        return AppLogin.claims(tokens.get("access_token").asText()).path("mx_account");
    }

    /**
     * The demo's realm operator with the README's password, through admin-cli as seed-demo.sh logs
     * in (the maintenance app's tokens carry no realm-management roles: there she is nobody's operator).
     */
    private static String operatorToken() throws IOException {
        Http.Response response = Http.postForm(realm.url("/protocol/openid-connect/token"), Map.of("grant_type", "password",
                "client_id", "admin-cli", "username", OPERATOR, "password", readmeTable().get(OPERATOR)));
        assertEquals(200, response.status(), response::toString);
        return response.json().get("access_token").asText();
    }

    @Test
    void aDemoUserCanUseTheAccountConsole() throws IOException {
        String username = "pat.planner";
        JsonNode tokens = AppLogin.login(realm.url(""), "account-console", realm.url("/account/"),
                username, readmeTable().get(username), "openid");
        Http.Response me = Http.get(realm.url("/account/?userProfileMetadata=true"), tokens.get("access_token").asText());
        assertEquals(200, me.status(), me::toString);
        assertEquals(username, me.json().get("username").asText());
    }

    /** The README's table: user → password, from rows like {@code | `pat.planner` | `Demo-Planner-2026` | planner |}. */
    private static Map<String, String> readmeTable() throws IOException {
        Matcher row = Pattern.compile("(?m)^\\| `([^`]+)` \\| `([^`]+)` \\|").matcher(Files.readString(REALM_CONFIG.resolve("demo/README.md")));
        Map<String, String> table = new LinkedHashMap<>();
        while (row.find()) {
            table.put(row.group(1), row.group(2));
        }
        return table;
    }

    private static String organizationId(String alias) {
        // The organizations search matches names ("Demo Line Station"), not aliases: list them all.
        for (JsonNode organization : realm.adminGet("/organizations?max=100")) {
            if (organization.get("alias").asText().equals(alias)) {
                return organization.get("id").asText();
            }
        }
        throw new AssertionError("no demo account " + alias);
    }

    private static String userId(String username) {
        JsonNode users = realm.adminGet("/users?username=" + username + "&exact=true");
        assertEquals(1, users.size(), username);
        return users.get(0).get("id").asText();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
