package com.maintenanceaccess.bench;

import com.maintenanceaccess.it.support.AppLogin;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.MailParts;
import com.maintenanceaccess.it.support.Visitor;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * What the bundle costs against stock Keycloak on the same server in the same run. Run by
 * failsafe only in the benchmarks profile (docs/benchmarks.md); writes
 * target/benchmark-results.md. Fails only when the server cannot be set up or a request of
 * the measured paths answers an error: a benchmark that measured failures would lie.
 */
class BundleBenchmark {

    private final int threads = Integer.getInteger("bench.threads", 4);
    private final double roundSeconds = Integer.getInteger("bench.round-seconds", 8);
    private final int rounds = Integer.getInteger("bench.rounds", 5);
    private final int invitations = Integer.getInteger("bench.invitations", 200);
    private final int users = Integer.getInteger("bench.users", 10_000);
    /** Which phases run (comma-separated); the others are skipped, e.g. to profile one of them. */
    private final List<String> phases = List.of(System.getProperty("bench.phases",
            "importer,tokens,invitations,queries").split("\\s*,\\s*"));
    private final StringBuilder out = new StringBuilder();
    private BenchServer server;
    private BenchRealm realm;
    private GreenMail mail;

    @Test
    void run() throws Exception {
        int smtpPort = Integer.getInteger("bench.smtp-port", 3725);
        mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        server = new BenchServer();
        try {
            Instant started = Instant.now();
            server.start(smtpPort);
            line("# Maintenance Access benchmark, " + Instant.now());
            line("");
            line("Database: " + server.db + "; server start (incl. augmentation and realm import): "
                    + Duration.between(started, Instant.now()).toSeconds() + " s; client threads: " + threads
                    + "; rounds: " + rounds + " × " + (int) roundSeconds + " s");
            realm = new BenchRealm(server);
            setUp();
            if (phases.contains("importer")) {
                importer();
            } else {
                // The other phases need the shipped role templates.
                Http.send("POST", realm.url("/mx/role-templates/apply"), adminToken(), "application/yaml",
                        new Catalogs().shipped()).expect(200, "apply shipped catalog");
            }
            if (phases.contains("tokens")) {
                tokens();
            }
            if (phases.contains("invitations")) {
                invitations();
            }
            if (phases.contains("queries")) {
                queries();
            }
            if (phases.contains("people")) {
                people();
            }
            if (phases.contains("signoffs")) {
                signoffs();
            }
            if (phases.contains("team")) {
                team();
            }
            if (phases.contains("scim")) {
                scim();
            }
            if (phases.contains("notices")) {
                notices();
            }
        } finally {
            server.close();
            mail.stop();
            Path results = Path.of(System.getProperty("bench.output", "target"), "benchmark-results.md");
            Files.writeString(results, out);
            System.out.println("\n" + out + "\nresults: " + results + "\nserver log: " + server.log);
        }
    }

    private void line(String text) {
        out.append(text).append('\n');
        System.out.println(text);
    }

    /** bench-admin (realm user) does what the bundle's API needs; bench-cli gives password-grant tokens. */
    private void setUp() {
        realm.createClient(Map.of("clientId", BenchRealm.CLI, "secret", BenchRealm.CLI_SECRET, "publicClient", false,
                "directAccessGrantsEnabled", true, "standardFlowEnabled", false));
        String admin = realm.createUser("bench-admin", Map.of());
        realm.grantRealmManagement(admin, "manage-realm", "view-realm", "manage-users", "view-users");
        realm.grantRealmRoles(admin, "personnel-authorizations:manage", "personnel-authorizations:view");
    }

    private String adminToken() {
        return realm.token("bench-admin");
    }

    // ---------------------------------------------------------------- 2. importer

    /** Importer scales besides the shipped catalog (copies of it), e.g. "10,100". */
    private final List<Integer> scales = java.util.Arrays.stream(System.getProperty("bench.importer-scales", "10,100")
            .split("\\s*,\\s*")).filter(x -> !x.isBlank()).map(Integer::valueOf).toList();

    private void importer() throws Exception {
        line("\n## Importer (POST /mx/role-templates/apply and /plan)\n");
        Catalogs catalogs = new Catalogs();
        String shipped = catalogs.shipped();
        line("Shipped catalog: " + Catalogs.permissions(catalogs.catalog()) + " permissions, "
                + catalogs.templates().size() + " templates. " + (server.countsSql
                ? "**Counting run: the SQL logger is on, so these timings are not the benchmark's.**"
                : "Timed run: no SQL logger (statement counts come from a separate run with -Dbench.count-sql=true).")
                + " Per change: p50 divided by the plan's changes; for the unchanged re-apply and the dry run"
                + " of an applied catalog, per object: divided by the cold apply's changes. Heap: the server JVM's"
                + " peak used heap / peak old generation during the step (MiB, jstat every 250 ms). Load average"
                + " at the start of the phase: " + loadAverage() + ".\n");
        line("| step | runs | p50 ms | max ms | plan total (changes) | ms per change (or object) | heap MiB (used / old) | SQL statements per run (writes) |");
        line("|---|---|---|---|---|---|---|---|");
        List<String> toggles = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            toggles.add(Catalogs.threeChanges(shipped));
            toggles.add(shipped);
        }
        Map<Integer, Map<String, Step>> results = new java.util.LinkedHashMap<>();
        results.put(1, scaleSteps("", realm.url("/mx/role-templates/"), this::adminToken, shipped, toggles, 10));

        // Larger catalogs in realms of their own, so the maintenance realm keeps the shipped state.
        for (int copies : scales) {
            String name = "bench-scale-" + copies;
            createScaleRealm(name);
            String big = catalogs.tenTimes(copies);
            String bigChanged = big.replace("Generated job 3 of copy 4", "Generated job 3 of copy 4, changed")
                    .replaceFirst("(name: \"?job-5-1\"?\\n(?:.*\\n)*?permissions:\\n)", "$1- \"inventory-5:view\"\n")
                    .replace("Generated job 7 of copy 9", "Generated job 7 of copy 9, changed");
            JsonNode bigCatalog = Catalogs.YAML.readTree(big.substring(0, big.indexOf("\n---", 5)));
            long bigTemplates = big.split("kind: \"?RoleTemplate").length - 1;
            line("| **" + copies + "×** (" + Catalogs.permissions(bigCatalog) + " permissions, " + bigTemplates
                    + " templates, " + big.length() / 1024 + " KiB of YAML) | | | | | | | |");
            // From a hundred times on, fewer repetitions: each one takes long, and the ratios are per run anyway.
            boolean huge = copies >= 100;
            results.put(copies, scaleSteps(copies + "×: ", server.baseUrl() + "/realms/" + name + "/mx/role-templates/",
                    () -> operatorToken(name), big, huge ? List.of(bigChanged, big) : List.of(bigChanged, big, bigChanged, big),
                    huge ? 3 : 5));
        }
        importerSummary(results);
        coldRounds(catalogs, shipped);
        line("\nStock comparison: not measured (Keycloak has no catalog importer; a partialImport of the"
                + " same roles would skip the plan, the scopes and the managed-attribute checks).");
    }

    /** One catalog's steps: dry run on the empty realm, cold apply, unchanged re-applies and dry runs, edits and back. */
    private Map<String, Step> scaleSteps(String prefix, String base, java.util.function.Supplier<String> token,
                                         String body, List<String> toggles, int unchangedRuns) {
        Map<String, Step> steps = new java.util.LinkedHashMap<>();
        int dryRuns = Math.min(3, unchangedRuns);
        steps.put("dry", applySeries(prefix + "dry run, empty realm", base + "plan", token.get(), repeat(body, dryRuns), 0));
        Step cold = applySeries(prefix + "cold apply", base + "apply", token.get(), List.of(body), 0);
        steps.put("cold", cold);
        steps.put("unchanged", applySeries(prefix + "re-apply unchanged", base + "apply", token.get(),
                repeat(body, unchangedRuns), cold.changes()));
        steps.put("dry-unchanged", applySeries(prefix + "dry run, applied catalog", base + "plan", token.get(),
                repeat(body, dryRuns), cold.changes()));
        steps.put("edits", applySeries(prefix + "apply with edits, then back (alternating)", base + "apply", token.get(),
                toggles, 0));
        return steps;
    }

    private void importerSummary(Map<Integer, Map<String, Step>> results) {
        Map<String, Step> one = results.get(1);
        line("\nScaling against the shipped catalog (same server, same run): time ratio for the ratio of work."
                + " Targets: 10× cold ≤ 12× the 1× cold, 100× cold ≤ 120×; unchanged re-apply flat per object.\n");
        line("| catalog | changes (cold) | cold ms | cold ms per change | cold time ratio (work ratio) | unchanged ms per object | dry run (empty) ms per change | edits p50 ms |");
        line("|---|---|---|---|---|---|---|---|");
        results.forEach((copies, steps) -> {
            Step cold = steps.get("cold");
            line("| " + copies + "× | " + cold.changes() + " | " + Stats.f(cold.p50Ms()) + " | " + Stats.f(cold.perChange()) + " | "
                    + Stats.f(cold.p50Ms() / one.get("cold").p50Ms()) + " (" + Stats.f(cold.changes() / (double) one.get("cold").changes())
                    + ") | " + Stats.f(steps.get("unchanged").perChange()) + " | " + Stats.f(steps.get("dry").perChange())
                    + " | " + Stats.f(steps.get("edits").p50Ms()) + " |");
        });
    }

    /** Cold applies repeated, each into a fresh realm: how many rounds per scale (the first cold apply above is one more). */
    private final int coldRounds = Integer.getInteger("bench.cold-rounds", 3);

    /**
     * The cold apply again, in rounds that interleave the scales, each into a realm of its own,
     * on the server the steps above have warmed up. The first cold apply of each scale above runs
     * while the server's JIT is still compiling the importer (the shipped one is its first large
     * request), which inflates it and the ratios against it; the reference figures (and
     * keycloak-config-cli's) are medians of interleaved rounds on a running server.
     */
    private void coldRounds(Catalogs catalogs, String shipped) throws java.io.IOException {
        if (coldRounds <= 0) {
            return;
        }
        List<Integer> all = new ArrayList<>();
        all.add(1);
        all.addAll(scales);
        Map<Integer, String> bodies = new java.util.LinkedHashMap<>();
        for (int copies : all) {
            bodies.put(copies, copies == 1 ? shipped : catalogs.tenTimes(copies));
        }
        Map<Integer, Histogram> times = new java.util.LinkedHashMap<>();
        Map<Integer, Integer> changes = new HashMap<>();
        for (int round = 1; round <= coldRounds; round++) {
            for (int copies : all) {
                String name = "bench-cold-" + copies + "-" + round;
                createScaleRealm(name);
                String url = server.baseUrl() + "/realms/" + name + "/mx/role-templates/apply";
                String token = operatorToken(name);
                Http.Response[] answer = new Http.Response[1];
                Load.sample(times.computeIfAbsent(copies, c -> Load.histogram()),
                        () -> answer[0] = postYaml(url, token, bodies.get(copies)));
                answer[0].expect(200, name);
                changes.put(copies, answer[0].json().path("summary").path("total").asInt());
            }
        }
        line("\nCold apply in " + coldRounds + " interleaved rounds (1×, 10×, 100×, then again), each into a fresh"
                + " realm of its own, on the warmed-up server; load average after them: " + loadAverage() + ".\n");
        line("| catalog | changes | cold p50 ms | min ms | max ms | ms per change (p50) | cold p50 ratio to 1× (work ratio) |");
        line("|---|---|---|---|---|---|---|");
        double one = times.get(1).getValueAtPercentile(50) / 1000.0;
        times.forEach((copies, h) -> {
            double p50 = h.getValueAtPercentile(50) / 1000.0;
            line("| " + copies + "× | " + changes.get(copies) + " | " + Stats.f(p50) + " | "
                    + Stats.f(h.getMinValue() / 1000.0) + " | " + Stats.f(h.getMaxValue() / 1000.0) + " | "
                    + Stats.f(p50 / changes.get(copies)) + " | " + Stats.f(p50 / one) + " ("
                    + Stats.f(changes.get(copies) / (double) changes.get(1)) + ") |");
        });
    }

    private void createScaleRealm(String name) {
        Http.postJson(server.baseUrl() + "/admin/realms", realm.master(), Map.of("realm", name, "enabled", true,
                "adminEventsEnabled", true, "adminEventsDetailsEnabled", true,
                "clients", List.of(Map.of("clientId", "maintenance-app", "publicClient", true, "fullScopeAllowed", false,
                                "redirectUris", List.of("http://localhost:3000/*")),
                        Map.of("clientId", BenchRealm.CLI, "secret", BenchRealm.CLI_SECRET, "publicClient", false,
                                "directAccessGrantsEnabled", true, "standardFlowEnabled", false)),
                "users", List.of(Map.of("username", "operator", "enabled", true, "email", "operator@mro.example",
                        "emailVerified", true, "firstName", "Op", "lastName", "Erator",
                        "credentials", List.of(Map.of("type", "password", "value", BenchRealm.PASSWORD, "temporary", false)),
                        "clientRoles", Map.of("realm-management", List.of("manage-realm"))))))
                .expect(201, "scale realm " + name);
    }

    /** A fresh token per step: a slow step must not outlive the realm's five-minute access tokens. */
    private String operatorToken(String realmName) {
        return Http.postForm(server.baseUrl() + "/realms/" + realmName + "/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", BenchRealm.CLI, "client_secret", BenchRealm.CLI_SECRET,
                "username", "operator", "password", BenchRealm.PASSWORD)).expect(200, "operator").json()
                .get("access_token").asText();
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static List<String> repeat(String body, int n) {
        List<String> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(body);
        }
        return list;
    }

    /** A step's p50 and its plan size; {@code perChange} divides by the changes, or by {@code objects} when given. */
    private record Step(double p50Ms, int changes, double perChange) {
    }

    /** @param objects 0: per change of the plan; otherwise per object (the cold apply's changes) */
    private Step applySeries(String step, String url, String token, List<String> bodies, int objects) {
        Histogram h = Load.histogram();
        List<String> totals = new ArrayList<>();
        long mark = server.mark();
        HeapSampler heap = HeapSampler.start(server.jvm());
        for (String body : bodies) {
            Http.Response[] answer = new Http.Response[1];
            Load.sample(h, () -> answer[0] = postYaml(url, token, body));
            answer[0].expect(200, step);
            totals.add(answer[0].json().path("summary").path("total").asText());
        }
        String heapUsed = heap.summary();
        Map<String, Integer> sql = server.sql(mark);
        int runs = bodies.size();
        double p50 = h.getValueAtPercentile(50) / 1000.0;
        int changes = Integer.parseInt(totals.get(0));
        int per = objects > 0 ? objects : changes;
        double perChange = per == 0 ? 0 : p50 / per;
        line("| " + step + " | " + runs + " | " + Stats.ms(h, 50) + " | " + Stats.f(h.getMaxValue() / 1000.0) + " | "
                + String.join(", ", totals.stream().distinct().toList()) + " | "
                + (per == 0 ? "–" : Stats.f(perChange) + (objects > 0 ? " per object" : "")) + " | " + heapUsed + " | "
                + (server.countsSql ? Stats.f(sql.getOrDefault("total", 0) / (double) runs) + " ("
                + Stats.f(sql.getOrDefault("writes", 0) / (double) runs) + ": " + writes(sql) + ")" : "not counted") + " |");
        return new Step(p50, changes, perChange);
    }

    private static final java.net.http.HttpClient LONG_CLIENT = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).build();

    /**
     * Like test-support's {@code Http.send}, but waiting up to 30 minutes: a hundred-times cold
     * apply on a loaded machine can outlast its five.
     */
    private static Http.Response postYaml(String url, String token, String body) {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .timeout(Duration.ofMinutes(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/yaml")
                .header("Accept", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body, java.nio.charset.StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = LONG_CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Http.Response(response.statusCode(), response.body(), response);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String writes(Map<String, Integer> sql) {
        List<String> tables = new ArrayList<>();
        sql.forEach((k, v) -> {
            if (k.startsWith("write:")) {
                tables.add(k.substring(6) + " " + v);
            }
        });
        return tables.isEmpty() ? "none" : String.join(", ", tables);
    }

    // ---------------------------------------------------------------- 1. tokens

    private void tokens() {
        line("\n## Token issuance: refresh-token grant, same user, four clients\n");
        realm.createClient(Map.of("clientId", "bench-plain", "publicClient", true, "standardFlowEnabled", true,
                "fullScopeAllowed", true, "redirectUris", List.of("http://localhost:3000/*")));
        String user = realm.createUser("bench-crs", Map.of("email", "bench-crs@bench-mro.example"));
        // Stock's reference: the same job as a realm role, which bench-plain (full scope) puts in its token.
        realm.grantRealmRoles(user, "certifying-staff");
        // The bundle's: the template and the record held in the person's one account (issue 22), which
        // is what maintenance-app's mx_perms and mx_auth read; realm-level templates count in no account.
        String account = Http.postJson(realm.adminUrl("/organizations"), realm.master(), Map.of("name", "bench-mro",
                "alias", "bench-mro", "enabled", true, "domains", List.of(Map.of("name", "bench-mro.example"))))
                .expect(201, "account").createdId();
        Http.send("POST", realm.adminUrl("/organizations/" + account + "/members"), realm.master(), "application/json",
                "\"" + user + "\"").expect(201, "member");
        Http.putJson(realm.url("/mx/accounts/bench-mro/people/" + user + "/templates"), adminToken(),
                Map.of("templates", List.of("certifying-staff"))).expect(200, "templates in the account");
        Http.postJson(realm.url("/mx/users/" + user + "/authorizations"), adminToken(), crs("BENCH/CRS-1"))
                .expect(201, "authorization");

        // A third client shows what Keycloak itself costs for the least-privilege set-up the bundle uses:
        // full scope off and (unlike maintenance-app) no client role of its own.
        realm.createClient(Map.of("clientId", "bench-scoped", "publicClient", true, "standardFlowEnabled", true,
                "fullScopeAllowed", false, "redirectUris", List.of("http://localhost:3000/*")));
        // A fourth client is the maintenance app without the bundle: the same scopes, full scope off, one
        // client role, but none of the bundle's mappers. maintenance-app against it is what the mappers cost.
        JsonNode app = realm.get("/clients?clientId=maintenance-app").get(0);
        List<String> appScopes = new ArrayList<>();
        realm.get("/clients/" + app.get("id").asText() + "/default-client-scopes").forEach(scope -> appScopes.add(scope.get("name").asText()));
        realm.createClient(Map.of("clientId", "bench-app-stock", "publicClient", true, "standardFlowEnabled", true,
                "fullScopeAllowed", false, "redirectUris", List.of("http://localhost:3000/*"), "defaultClientScopes", appScopes));
        String appStock = realm.get("/clients?clientId=bench-app-stock").get(0).get("id").asText();
        Http.postJson(realm.adminUrl("/clients/" + appStock + "/roles"), realm.master(), Map.of("name", "no-permission"))
                .expect(201, "client role");
        List<String> clients = List.of("bench-plain", "maintenance-app", "bench-scoped", "bench-app-stock");
        Map<String, String[]> refreshTokens = new HashMap<>();
        Map<String, JsonNode> claims = new HashMap<>();
        for (String client : clients) {
            String[] tokens = new String[threads];
            for (int t = 0; t < threads; t++) {
                JsonNode login = AppLogin.login(realm.url(""), client, "bench-crs", BenchRealm.PASSWORD, "openid");
                tokens[t] = login.get("refresh_token").asText();
                claims.put(client, AppLogin.claims(login.get("access_token").asText()));
            }
            refreshTokens.put(client, tokens);
        }
        JsonNode bundleClaims = claims.get("maintenance-app");
        JsonNode stockClaims = claims.get("bench-plain");
        if (bundleClaims.path("mx_perms").size() == 0 || bundleClaims.path("mx_auth").size() == 0
                || bundleClaims.path("mx_account").isMissingNode()) {
            throw new IllegalStateException("maintenance-app token lacks the bundle's claims: " + bundleClaims);
        }
        line("maintenance-app token: " + bundleClaims.path("mx_perms").size() + " mx_perms, "
                + bundleClaims.path("mx_auth").size() + " mx_auth, mx_account present, scope \""
                + bundleClaims.path("scope").asText() + "\". bench-plain (stock defaults, full scope, no bundle mappers): "
                + stockClaims.path("realm_access").path("roles").size() + " realm roles, no mx_* claims: "
                + (!stockClaims.has("mx_perms") && !stockClaims.has("mx_auth")) + ". bench-scoped: stock defaults,"
                + " full scope off, no client roles, no bundle mappers. bench-app-stock: maintenance-app's default scopes, full"
                + " scope off, one client role, no bundle mappers (scope \"" + claims.get("bench-app-stock").path("scope").asText()
                + "\", mx_perms absent: " + !claims.get("bench-app-stock").has("mx_perms") + ").\n");

        Map<String, IntConsumer> ops = new java.util.LinkedHashMap<>();
        clients.forEach(client -> ops.put(client, t -> refresh(client, refreshTokens.get(client)[t])));
        ops.values().forEach(op -> Load.timed(threads, 10, op));
        Map<String, List<Double>> rates = new HashMap<>();
        Map<String, Histogram> latency = new HashMap<>();
        List<Double> ratios = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            Map<String, Double> round = new HashMap<>();
            for (int n = 0; n < clients.size(); n++) {
                String client = clients.get((n + r) % clients.size()); // rotate the order each round
                Load.Round result = Load.timed(threads, roundSeconds, ops.get(client));
                round.put(client, result.perSecond());
                rates.computeIfAbsent(client, k -> new ArrayList<>()).add(result.perSecond());
                latency.computeIfAbsent(client, k -> Load.histogram()).add(result.latency());
            }
            ratios.add(round.get("maintenance-app") / round.get("bench-plain"));
        }
        Map<String, String> labels = Map.of("bench-plain", "stock: bench-plain", "maintenance-app", "bundle: maintenance-app",
                "bench-scoped", "stock, full scope off: bench-scoped",
                "bench-app-stock", "the app's scopes without the bundle's mappers: bench-app-stock");
        line("| client | grants/s median (min–max of " + rounds + " rounds) | p50 / p95 / p99 ms | SQL per grant (select/insert/update/delete) |");
        line("|---|---|---|---|");
        for (String client : clients) {
            Map<String, Integer> sql = sqlPerToken(ops.get(client));
            line("| " + labels.get(client) + " | " + Stats.f(Stats.median(rates.get(client))) + " (" + Stats.range(rates.get(client))
                    + ") | " + Stats.percentiles(latency.get(client)) + " | " + perGrant(sql) + " |");
        }
        line("\nThroughput ratio bundle/stock (maintenance-app/bench-plain): median of rounds " + Stats.f(Stats.median(ratios))
                + " (rounds " + Stats.range(ratios) + "); ratio of medians "
                + Stats.f(Stats.median(rates.get("maintenance-app")) / Stats.median(rates.get("bench-plain")))
                + ". Target ≥ 0.95.");
        line("What the bundle's mappers cost (maintenance-app/bench-app-stock): ratio of medians "
                + Stats.f(Stats.median(rates.get("maintenance-app")) / Stats.median(rates.get("bench-app-stock"))) + ".");
    }

    private static final int SQL_SAMPLE = 200;

    private Map<String, Integer> sqlPerToken(IntConsumer op) {
        long mark = server.mark();
        for (int i = 0; i < SQL_SAMPLE; i++) {
            op.accept(0);
        }
        BenchServer.sleep(1500); // persistent-session updates may be written a moment later
        return server.sql(mark);
    }

    private String perGrant(Map<String, Integer> sql) {
        if (!server.countsSql) {
            return "not counted";
        }
        return Stats.f(sql.getOrDefault("total", 0) / (double) SQL_SAMPLE) + " ("
                + Stats.f(sql.getOrDefault("select", 0) / (double) SQL_SAMPLE) + "/"
                + Stats.f(sql.getOrDefault("insert", 0) / (double) SQL_SAMPLE) + "/"
                + Stats.f(sql.getOrDefault("update", 0) / (double) SQL_SAMPLE) + "/"
                + Stats.f(sql.getOrDefault("delete", 0) / (double) SQL_SAMPLE) + ")";
    }

    private void refresh(String client, String refreshToken) {
        Http.postForm(realm.url("/protocol/openid-connect/token"), Map.of("grant_type", "refresh_token",
                "refresh_token", refreshToken, "client_id", client)).expect(200, "refresh " + client);
    }

    private static Map<String, Object> crs(String reference) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, Object> body = new HashMap<>();
        body.put("type", "certifying-staff");
        body.put("reference", reference);
        body.put("licence", Map.of("authority", "UK CAA", "number", "UK.66.123456", "category", "B1.1",
                "expiry", today.plusYears(3).toString()));
        body.put("scope", Map.of("aircraft", List.of("A320-family"), "tasks", List.of("line", "base", "ATA-32"),
                "bases", List.of("LHR")));
        body.put("firstIssue", "2020-05-01");
        body.put("effective", Instant.now().minus(Duration.ofDays(30)).toString());
        body.put("expiry", Instant.now().plus(Duration.ofDays(700)).toString());
        body.put("continuationTraining", today.minusMonths(3).toString());
        body.put("experience", List.of(Map.of("from", today.minusMonths(20).toString(), "to", today.minusDays(10).toString())));
        return body;
    }

    // ---------------------------------------------------------------- 5. signoffs

    private final int signoffs = Integer.getInteger("bench.signoffs", 400);
    private static final int SIGNOFF_BATCH = 100;

    /**
     * POST /mx/signoffs against POST /mx/signoff-check on the same server: the same signer and
     * question, the signoff with its proof check, jti record, authorization check and trail
     * append. Each signoff needs a token of its own (single use), so tokens are made first, a
     * batch at a time (the bench server accepts a re-authentication for an hour; the person's
     * re-authentication is not what is measured), then each batch is signed in a closed loop.
     */
    private void signoffs() {
        line("\n## Signoffs: POST /mx/signoffs against POST /mx/signoff-check\n");
        // One signer per client thread: Keycloak's default brute-force protector (the blocking
        // one) answers a login "temporarily disabled" while another login of the same user is
        // in progress, so concurrent step-ups of one person fail by design.
        List<String> signers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String signer = realm.createUser("bench-signer-" + t, Map.of("firstName", "Bench", "lastName", "Signer " + t));
            realm.grantRealmRoles(signer, "certifying-staff");
            Http.postJson(realm.url("/mx/users/" + signer + "/authorizations"), adminToken(), crs("BENCH/CRS-SIGN-" + t))
                    .expect(201, "authorization");
            signers.add(signer);
        }
        String backendUuid = realm.get("/clients?clientId=maintenance-backend").get(0).get("id").asText();
        String secret = realm.get("/clients/" + backendUuid + "/client-secret").get("value").asText();
        String backend = Http.postForm(realm.url("/protocol/openid-connect/token"), Map.of("grant_type", "client_credentials",
                "client_id", "maintenance-backend", "client_secret", secret)).expect(200, "backend token").json()
                .get("access_token").asText();
        List<Map<String, Object>> checks = signers.stream().<Map<String, Object>>map(signer -> Map.of("signer", signer,
                "authorizationType", "certifying-staff", "aircraftType", "A320", "taskCategory", "line", "base", "LHR"))
                .toList();
        Map<String, Object> release = Map.of("type", "release", "aircraft", Map.of("registration", "G-BNCH", "type", "A320"),
                "workOrder", "WO-BENCH", "taskCategory", "line", "base", "LHR",
                "declaration", "Certifies that the work specified was carried out in accordance with Part-145.");
        IntConsumer checkOp = i -> Http.postJson(realm.url("/mx/signoff-check"), backend, checks.get(i % threads))
                .expect(200, "signoff check");
        Load.counted(threads, 50, checkOp);
        Histogram signLatency = Load.histogram();
        Histogram checkLatency = Load.histogram();
        double signSeconds = 0;
        double checkSeconds = 0;
        double loginSeconds = 0;
        long made = 0;
        for (int done = 0; done < signoffs; done += SIGNOFF_BATCH) {
            String[] tokens = new String[Math.min(SIGNOFF_BATCH, signoffs - done)];
            // Token i is made by signer i % threads, each signer's logins one after the other on its own thread.
            loginSeconds += Load.eachThread(threads, t -> {
                for (int i = t; i < tokens.length; i += threads) {
                    tokens[i] = AppLogin.login(realm.url(""), "maintenance-app", "bench-signer-" + t, BenchRealm.PASSWORD,
                            "openid", Map.of("acr_values", "signoff")).get("access_token").asText();
                }
            }).seconds();
            made += tokens.length;
            Load.Round signed = Load.counted(threads, tokens.length,
                    i -> Http.postJson(realm.url("/mx/signoffs"), tokens[i], release).expect(201, "signoff"));
            Load.Round checked = Load.counted(threads, tokens.length, checkOp);
            signSeconds += signed.seconds();
            checkSeconds += checked.seconds();
            signLatency.add(signed.latency());
            checkLatency.add(checked.latency());
        }
        JsonNode verify = Http.get(realm.url("/mx/trail/verify"), adminToken()).expect(200, "verify").json();
        double signRate = made / signSeconds;
        double checkRate = made / checkSeconds;
        line("| path | requests | per second | p50 / p95 / p99 ms |");
        line("|---|---|---|---|");
        line("| bundle: POST /mx/signoffs (proof, jti, authorization, trail append) | " + made + " | " + Stats.f(signRate)
                + " | " + Stats.percentiles(signLatency) + " |");
        line("| reference: POST /mx/signoff-check (same signer and question) | " + made + " | " + Stats.f(checkRate)
                + " | " + Stats.percentiles(checkLatency) + " |");
        line("\nThroughput ratio signoffs/signoff-check: " + Stats.f(signRate / checkRate) + ". Target ≥ 0.5. Trail after the run: "
                + verify.get("entries").asLong() + " entries, intact " + verify.get("intact").asBoolean() + ". Signers: "
                + threads + "; making the " + made + " signoff-level tokens (not measured) took " + Math.round(loginSeconds) + " s.");
    }

    // ---------------------------------------------------------------- 3. invitations

    private void invitations() {
        line("\n## Invitations: " + invitations + " users per path\n");
        String run = UUID.randomUUID().toString().substring(0, 6);
        Map<String, IntConsumer> paths = new java.util.LinkedHashMap<>();
        paths.put("stock: create user (admin API)", i -> createInvitee(run + "a" + i));
        paths.put("stock: create user + execute-actions-email", i -> {
            String id = createInvitee(run + "b" + i);
            Http.putJson(realm.adminUrl("/users/" + id + "/execute-actions-email"), adminToken(), List.of("UPDATE_PASSWORD"))
                    .expect(204, "execute-actions-email");
        });
        paths.put("bundle: create user + POST /mx/invitations", i -> {
            String id = createInvitee(run + "c" + i);
            Http.postJson(realm.url("/mx/invitations"), adminToken(), Map.of("userId", id)).expect(201, "invite");
        });
        // Warm-up: 20 of each, not counted.
        int[] offset = {1_000_000};
        paths.forEach((name, op) -> Load.counted(threads, 20, i -> op.accept(offset[0] + i)));
        int mailsBefore = mail.getReceivedMessages().length;
        int parts = 4;
        int per = invitations / parts;
        Map<String, List<Double>> rates = new HashMap<>();
        Map<String, Histogram> latency = new HashMap<>();
        List<String> names = new ArrayList<>(paths.keySet());
        for (int part = 0; part < parts; part++) {
            for (int n = 0; n < names.size(); n++) {
                String name = names.get((n + part) % names.size());
                int base = part * per;
                Load.Round round = Load.counted(threads, per, i -> paths.get(name).accept(base + i));
                rates.computeIfAbsent(name, k -> new ArrayList<>()).add(round.perSecond());
                latency.computeIfAbsent(name, k -> Load.histogram()).add(round.latency());
            }
        }
        int expectedMails = 2 * per * parts;
        Instant deadline = Instant.now().plusSeconds(120);
        while (mail.getReceivedMessages().length - mailsBefore < expectedMails && Instant.now().isBefore(deadline)) {
            BenchServer.sleep(200);
        }
        line("| path | users/s median (min–max of " + parts + " parts of " + per + ") | p50 / p95 / p99 ms | ratio to plain create |");
        line("|---|---|---|---|");
        double plain = Stats.median(rates.get(names.get(0)));
        for (String name : names) {
            double median = Stats.median(rates.get(name));
            line("| " + name + " | " + Stats.f(median) + " (" + Stats.range(rates.get(name)) + ") | "
                    + Stats.percentiles(latency.get(name)) + " | " + Stats.f(median / plain) + " |");
        }
        double stockMail = Stats.median(rates.get(names.get(1)));
        double bundleMail = Stats.median(rates.get(names.get(2)));
        line("\nBundle invitation vs stock e-mail invite (execute-actions-email): " + Stats.f(bundleMail / stockMail)
                + ". Mails received by GreenMail: " + (mail.getReceivedMessages().length - mailsBefore) + " of " + expectedMails
                + " expected.");
        accept(run, per * parts);
    }

    /**
     * Phase {@code team} (issue 24): an account administrator's CSV of {@code bench.team-rows} people (default
     * 200), checked, then invited in one upload, against stock Keycloak doing the same one by one as an
     * admin console user would (create the user, add them to the organization, send the e-mail of
     * execute-actions), on one thread like the upload. Three rounds of each, interleaved, new people each time.
     */
    private void team() {
        int rows = Integer.getInteger("bench.team-rows", 200);
        line("\n## A team from CSV: " + rows + " people in one upload\n");
        String account = Http.postJson(realm.adminUrl("/organizations"), realm.master(), Map.of("name", "bench-team",
                "alias", "bench-team", "enabled", true, "domains", List.of(Map.of("name", "bench-team.example"))))
                .expect(201, "account").createdId();
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<Double> preview = new ArrayList<>();
        List<Double> upload = new ArrayList<>();
        List<Double> stock = new ArrayList<>();
        int mailsBefore = mail.getReceivedMessages().length;
        for (int round = 0; round < 3; round++) {
            StringBuilder csv = new StringBuilder("firstName,lastName,email,templates\n");
            for (int i = 0; i < rows; i++) {
                csv.append("Team,Member ").append(i).append(",t").append(run).append(round).append('-').append(i)
                        .append("@bench-team.example,technician\n");
            }
            long start = System.nanoTime();
            Http.send("POST", realm.url("/mx/accounts/bench-team/team/preview"), adminToken(), "text/csv", csv.toString())
                    .expect(200, "preview");
            preview.add((System.nanoTime() - start) / 1e9);
            start = System.nanoTime();
            com.fasterxml.jackson.databind.JsonNode answer = Http.send("POST", realm.url("/mx/accounts/bench-team/team/invite"),
                    adminToken(), "text/csv", csv.toString()).expect(200, "invite").json();
            upload.add((System.nanoTime() - start) / 1e9);
            if (answer.get("invited").asInt() != rows) {
                throw new IllegalStateException("not every row was invited: " + answer);
            }
            start = System.nanoTime();
            for (int i = 0; i < rows; i++) {
                String id = createInvitee(run + "s" + round + "-" + i);
                Http.send("POST", realm.adminUrl("/organizations/" + account + "/members"), realm.master(),
                        "application/json", "\"" + id + "\"").expect(201, "member");
                Http.putJson(realm.adminUrl("/users/" + id + "/execute-actions-email"), adminToken(), List.of("UPDATE_PASSWORD"))
                        .expect(204, "execute-actions-email");
            }
            stock.add((System.nanoTime() - start) / 1e9);
        }
        int expected = 3 * rows * 2;
        Instant deadline = Instant.now().plusSeconds(120);
        while (mail.getReceivedMessages().length - mailsBefore < expected && Instant.now().isBefore(deadline)) {
            BenchServer.sleep(200);
        }
        line("| path | seconds for " + rows + " people, median (min–max of 3) |");
        line("|---|---|");
        line("| bundle: check the file (POST …/team/preview) | " + Stats.f(Stats.median(preview)) + " (" + Stats.range(preview) + ") |");
        line("| bundle: invite the file (POST …/team/invite) | " + Stats.f(Stats.median(upload)) + " (" + Stats.range(upload) + ") |");
        line("| stock, one by one: create user, add to organization, execute-actions-email | "
                + Stats.f(Stats.median(stock)) + " (" + Stats.range(stock) + ") |");
        line("\nUpload vs stock one by one: " + Stats.f(Stats.median(upload) / Stats.median(stock))
                + " of the time. Mails received by GreenMail: " + (mail.getReceivedMessages().length - mailsBefore)
                + " of " + expected + " expected.");
    }

    /**
     * Phase {@code scim} (issue 26 item 7): a directory's initial sync into one account through the
     * UnboundID SCIM 2 SDK, as Entra ID does it: per user a lookup ({@code userName eq}) and a create;
     * then {@code bench.scim-groups} groups (default 50, each a role template of the account) created
     * with their members ({@code bench.scim-users} / groups each); then the unchanged re-sync, a lookup
     * per user and per group that finds nothing to change. The reference: Keycloak's own admin API
     * creating the same number of users and adding each to the organization, on the same threads.
     * The G templates are made for the phase (realm roles marked as the importer marks templates, no permissions).
     */
    private void scim() throws Exception {
        int n = Integer.getInteger("bench.scim-users", 5000);
        int groups = Integer.getInteger("bench.scim-groups", 50);
        line("\n## SCIM provisioning: initial sync of " + n + " users and " + groups + " groups, then an unchanged re-sync\n");
        String load = loadAverage();
        // G templates without permissions, made as the importer marks them (a SCIM group needs the template, not its roles).
        for (int g = 0; g < groups; g++) {
            Http.postJson(realm.adminUrl("/roles"), realm.master(), Map.of("name", "bench-scim-job-" + g,
                    "description", "Directory group " + g, "attributes", Map.of("mx.managed", List.of("role-template"))))
                    .expect(201, "template " + g);
        }
        String account = Http.postJson(realm.adminUrl("/organizations"), realm.master(), Map.of("name", "bench-scim",
                "alias", "bench-scim", "enabled", true, "domains", List.of(Map.of("name", "bench-scim.example"))))
                .expect(201, "account").createdId();
        List<String> templates = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode template : Http.get(realm.url("/mx/accounts/bench-scim/grantable-templates"),
                adminToken()).expect(200, "templates").json()) {
            if (template.get("name").asText().startsWith("bench-scim-job-") && templates.size() < groups) {
                templates.add(template.get("name").asText());
            }
        }
        if (templates.size() < groups) {
            throw new IllegalStateException("only " + templates.size() + " non-privileged templates for " + groups + " groups");
        }
        String secret = Http.postJson(realm.url("/mx/accounts/bench-scim/scim-tokens"), adminToken(), Map.of("name", "bench directory"))
                .expect(201, "token").json().get("secret").asText();
        jakarta.ws.rs.client.Client client = jakarta.ws.rs.client.ClientBuilder.newClient(new org.glassfish.jersey.client.ClientConfig()
                        .connectorProvider(new org.glassfish.jersey.jnh.connector.JavaNetHttpConnectorProvider()))
                .register((jakarta.ws.rs.client.ClientRequestFilter) request ->
                        request.getHeaders().putSingle("Authorization", "Bearer " + secret));
        try {
            com.unboundid.scim2.client.ScimService sdk = new com.unboundid.scim2.client.ScimService(
                    client.target(realm.url("/mx/accounts/bench-scim/scim/v2")));
            String run = UUID.randomUUID().toString().substring(0, 6);
            String[] ids = new String[n];
            Load.Round users = Load.counted(threads, n, i -> {
                String email = "s" + run + "-" + i + "@bench-scim.example";
                try {
                    if (sdk.searchRequest("Users").filter(com.unboundid.scim2.common.filters.Filter.eq("userName", email))
                            .invoke(com.unboundid.scim2.common.types.UserResource.class).getTotalResults() != 0) {
                        throw new IllegalStateException("exists already: " + email);
                    }
                    com.unboundid.scim2.common.types.UserResource user = new com.unboundid.scim2.common.types.UserResource()
                            .setUserName(email)
                            .setName(new com.unboundid.scim2.common.types.Name().setGivenName("Scim").setFamilyName("Person " + i))
                            .setEmails(List.of(new com.unboundid.scim2.common.types.Email().setValue(email).setType("work")
                                    .setPrimary(true)));
                    user.setExternalId("dir-" + i);
                    ids[i] = sdk.create("Users", user).getId();
                } catch (com.unboundid.scim2.common.exceptions.ScimException e) {
                    throw new IllegalStateException("SCIM user " + i, e);
                }
            });
            String[] groupIds = new String[groups];
            Load.Round groupRound = Load.counted(Math.min(threads, groups), groups, g -> {
                List<com.unboundid.scim2.common.types.Member> members = new ArrayList<>();
                for (int i = g; i < n; i += groups) {
                    members.add(new com.unboundid.scim2.common.types.Member().setValue(ids[i]));
                }
                try {
                    com.unboundid.scim2.common.types.GroupResource group = new com.unboundid.scim2.common.types.GroupResource()
                            .setDisplayName(templates.get(g)).setMembers(members);
                    group.setExternalId("dir-group-" + g);
                    groupIds[g] = sdk.create("Groups", group).getId();
                } catch (com.unboundid.scim2.common.exceptions.ScimException e) {
                    throw new IllegalStateException("SCIM group " + g, e);
                }
            });
            int[] changed = new int[1];
            Load.Round resync = Load.counted(threads, n + groups, i -> {
                try {
                    if (i < n) {
                        var found = sdk.searchRequest("Users").filter(com.unboundid.scim2.common.filters.Filter.eq("userName",
                                "s" + run + "-" + i + "@bench-scim.example")).invoke(com.unboundid.scim2.common.types.UserResource.class);
                        if (found.getTotalResults() != 1 || !found.getResources().get(0).getId().equals(ids[i])) {
                            synchronized (changed) {
                                changed[0]++;
                            }
                        }
                    } else {
                        var found = sdk.searchRequest("Groups").filter(com.unboundid.scim2.common.filters.Filter.eq("displayName",
                                templates.get(i - n))).invoke(com.unboundid.scim2.common.types.GroupResource.class);
                        if (found.getTotalResults() != 1 || !found.getResources().get(0).getId().equals(groupIds[i - n])) {
                            synchronized (changed) {
                                changed[0]++;
                            }
                        }
                    }
                } catch (com.unboundid.scim2.common.exceptions.ScimException e) {
                    throw new IllegalStateException("SCIM re-sync " + i, e);
                }
            });
            if (changed[0] != 0) {
                throw new IllegalStateException(changed[0] + " objects differ after the initial sync");
            }
            long members = Http.get(realm.adminUrl("/organizations/" + account + "/members/count"), realm.master())
                    .expect(200, "member count").json().asLong();
            // The reference: Keycloak's admin API, the same number of users created and made members of an organization.
            String reference = Http.postJson(realm.adminUrl("/organizations"), realm.master(), Map.of("name", "bench-scim-ref",
                    "alias", "bench-scim-ref", "enabled", true, "domains", List.of(Map.of("name", "bench-scim-ref.example"))))
                    .expect(201, "reference account").createdId();
            Load.Round stock = Load.counted(threads, n, i -> {
                String email = "r" + run + "-" + i + "@bench-scim-ref.example";
                String id = Http.postJson(realm.adminUrl("/users"), realm.master(), Map.of("username", email, "email", email,
                        "firstName", "Ref", "lastName", "Person " + i, "enabled", true)).expect(201, "admin API user").createdId();
                Http.send("POST", realm.adminUrl("/organizations/" + reference + "/members"), realm.master(),
                        "application/json", "\"" + id + "\"").expect(201, "member");
            });
            line("Load average at the start of the phase: " + load + "; client threads: " + threads + ". Members of the"
                    + " account after the sync: " + members + " (" + n + " provisioned; the groups hold " + n
                    + " memberships, " + n / groups + " per group).\n");
            line("| step | requests | seconds | objects/s | p50 / p95 / p99 ms per object |");
            line("|---|---|---|---|---|");
            line("| SCIM initial sync, users (lookup + POST /Users each) | " + 2 * n + " | " + Stats.f(users.seconds()) + " | "
                    + Stats.f(users.perSecond()) + " | " + Stats.percentiles(users.latency()) + " |");
            line("| SCIM initial sync, groups (POST /Groups with " + n / groups + " members each) | " + groups + " | "
                    + Stats.f(groupRound.seconds()) + " | " + Stats.f(groupRound.perSecond()) + " | "
                    + Stats.percentiles(groupRound.latency()) + " |");
            line("| SCIM unchanged re-sync (a lookup per user and per group, nothing written) | " + (n + groups) + " | "
                    + Stats.f(resync.seconds()) + " | " + Stats.f(resync.perSecond()) + " | " + Stats.percentiles(resync.latency()) + " |");
            line("| reference: admin API, POST /users + POST /organizations/{id}/members each | " + 2 * n + " | "
                    + Stats.f(stock.seconds()) + " | " + Stats.f(stock.perSecond()) + " | " + Stats.percentiles(stock.latency()) + " |");
            line("\nInitial sync (users and groups) vs the admin API creating the same users: "
                    + Stats.f((users.seconds() + groupRound.seconds()) / stock.seconds()) + " of the time (users alone "
                    + Stats.f(users.seconds() / stock.seconds()) + "). Unchanged re-sync vs initial sync: "
                    + Stats.f(resync.seconds() / (users.seconds() + groupRound.seconds())) + ".");
        } finally {
            client.close();
        }
    }

    /**
     * Every invitee of both e-mail paths follows the link in their mail and sets a password:
     * the bundle's invitation page against Keycloak's execute-actions (update password) pages.
     */
    private void accept(String run, int n) {
        Map<String, String> links = new HashMap<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            try {
                links.put(message.getAllRecipients()[0].toString(), MailParts.of(message).actionLink());
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        Map<String, IntConsumer> paths = new java.util.LinkedHashMap<>();
        paths.put("stock: execute-actions link, update password", i -> acceptStock(links.get("inv-" + run + "b" + i + "@mro.example")));
        paths.put("bundle: invitation link, set password", i -> acceptInvitation(links.get("inv-" + run + "c" + i + "@mro.example")));
        int parts = 4;
        int per = n / parts;
        Map<String, List<Double>> rates = new HashMap<>();
        Map<String, Histogram> latency = new HashMap<>();
        List<String> names = new ArrayList<>(paths.keySet());
        for (int part = 0; part < parts; part++) {
            for (int k = 0; k < names.size(); k++) {
                String name = names.get((k + part) % names.size());
                int base = part * per;
                Load.Round round = Load.counted(threads, per, i -> paths.get(name).accept(base + i));
                rates.computeIfAbsent(name, x -> new ArrayList<>()).add(round.perSecond());
                latency.computeIfAbsent(name, x -> Load.histogram()).add(round.latency());
            }
        }
        line("\nAccepting: each of the " + per * parts + " invitees per path opens the link from their mail and sets a"
                + " password (every page of the way, as a browser without JavaScript would).\n");
        line("| path | acceptances/s median (min–max of " + parts + " parts of " + per + ") | p50 / p95 / p99 ms |");
        line("|---|---|---|");
        for (String name : names) {
            line("| " + name + " | " + Stats.f(Stats.median(rates.get(name))) + " (" + Stats.range(rates.get(name)) + ") | "
                    + Stats.percentiles(latency.get(name)) + " |");
        }
        line("\nBundle acceptance vs stock: " + Stats.f(Stats.median(rates.get(names.get(1))) / Stats.median(rates.get(names.get(0))))
                + " (the bundle's path also claims the invitation, records it and logs the person in to the app).");
    }

    private static final String NEW_PASSWORD = "Accepted-Passw0rd!";
    /** The "click here to proceed" link of Keycloak's info page before the update-password form. */
    private static final java.util.regex.Pattern PROCEED = java.util.regex.Pattern.compile("href=\"([^\"]*action-token[^\"]*)\"");

    /** Keycloak's execute-actions link: an info page to proceed, the update-password form, the done page. */
    private static void acceptStock(String link) {
        Visitor visitor = new Visitor();
        HttpResponse<String> page = visitor.get(link);
        java.util.regex.Matcher proceed = PROCEED.matcher(page.body());
        if (page.statusCode() == 200 && !page.body().contains("kc-passwd-update-form") && proceed.find()) {
            page = visitor.get(proceed.group(1).replace("&amp;", "&"));
        }
        expect(page, 200, "update-password page");
        HttpResponse<String> done = visitor.postForm(Visitor.formAction(page.body(), "kc-passwd-update-form"),
                Map.of("password-new", NEW_PASSWORD, "password-confirm", NEW_PASSWORD));
        expect(done, 200, "account updated page");
    }

    /** The bundle's invitation link: the invitation page, then the password form posts and logs in to the app. */
    private static void acceptInvitation(String link) {
        Visitor visitor = new Visitor();
        HttpResponse<String> page = visitor.get(link);
        expect(page, 200, "invitation page");
        HttpResponse<String> done = visitor.postForm(Visitor.formAction(page.body(), "mx-accept-invitation-form"),
                Map.of("password-new", NEW_PASSWORD, "password-confirm", NEW_PASSWORD));
        if (done.statusCode() != 302 || !done.headers().firstValue("Location").orElse("").contains("code=")) {
            throw new IllegalStateException("invitation not accepted: " + done.statusCode() + " " + done.body());
        }
    }

    private static void expect(HttpResponse<String> page, int status, String what) {
        if (page == null || page.statusCode() != status) {
            throw new IllegalStateException(what + ": " + (page == null ? "no link" : page.statusCode() + " " + page.body()));
        }
    }

    private String createInvitee(String suffix) {
        String username = "inv-" + suffix;
        return Http.postJson(realm.adminUrl("/users"), adminToken(), Map.of("username", username,
                "email", username + "@mro.example", "enabled", true, "firstName", "Invited", "lastName", suffix))
                .expect(201, "create " + username).createdId();
    }

    // ---------------------------------------------------------------- 4. queries

    private void queries() {
        line("\n## Queries with " + users + " more users in the realm\n");
        int batch = 500;
        Histogram importLatency = Load.histogram();
        Instant expiring0 = Instant.now();
        for (int start = 0; start < users; start += batch) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (int i = start; i < Math.min(users, start + batch); i++) {
                list.add(queryUser(i, expiring0));
            }
            Map<String, Object> body = Map.of("ifResourceExists", "SKIP", "users", list);
            Load.sample(importLatency, () -> Http.postJson(realm.adminUrl("/partialImport"), realm.master(), body)
                    .expect(200, "partialImport"));
        }
        Histogram reindex = Load.histogram();
        JsonNode[] indexed = new JsonNode[1];
        Load.sample(reindex, () -> indexed[0] = Http.send("POST", realm.url("/mx/authorizations/reindex"), adminToken(), null, null)
                .expect(200, "reindex").json());
        line("partialImport of " + users + " users in batches of " + batch + ": p50 " + Stats.ms(importLatency, 50)
                + " ms per batch, total " + Stats.f(importLatency.getTotalCount() * importLatency.getMean() / 1e6) + " s"
                + ". One in five holds a certifying-staff record (expiry spread over 400 days); reindex "
                + indexed[0] + " took " + Stats.ms(reindex, 50) + " ms.\n");

        String token = adminToken();
        String explainUser = "q-00042";
        String explainId = Http.get(realm.adminUrl("/users?exact=true&username=" + explainUser), realm.master())
                .expect(200, "lookup").json().get(0).get("id").asText();
        line("| query | samples | p50 / p95 ms | stock reference | p50 / p95 ms | p50 ratio |");
        line("|---|---|---|---|---|---|");
        compare("expiring authorizations, 30 days, max 100", 50,
                i -> Http.get(realm.url("/mx/authorizations/expiring?days=30&first=0&max=100"), adminToken()).expect(200, "expiring"),
                "admin users list, max 100",
                i -> Http.get(realm.adminUrl("/users?first=0&max=100&briefRepresentation=false"), adminToken()).expect(200, "users"));
        compare("access review report page, max 500 (pages 0–9 of 500)", 20,
                i -> Http.get(realm.url("/mx/access/report?max=500&first=" + (i % 10) * 500), adminToken()).expect(200, "report"),
                "admin users list, max 500, same offsets",
                i -> Http.get(realm.adminUrl("/users?max=500&briefRepresentation=false&first=" + (i % 10) * 500), adminToken())
                        .expect(200, "users"));
        compare("explain (user, workshop.signoffs.release)", 100,
                i -> Http.get(realm.url("/mx/access/explain?user=" + explainUser + "&page=workshop.signoffs.release"), adminToken())
                        .expect(200, "explain"),
                "user's effective realm roles",
                i -> Http.get(realm.adminUrl("/users/" + explainId + "/role-mappings/realm/composite"), adminToken()).expect(200, "roles"));
        if (token == null) {
            throw new IllegalStateException();
        }
        line("\nThe stock references do not do the same work: they show what Keycloak's nearest admin-API read costs on the same realm.");
    }

    // ---------------------------------------------------------------- notices (issue 25, docs/notices.md)

    /**
     * The notice job over {@code bench.notice-people} members of one account, {@code
     * bench.notice-records} of them with a certifying-staff record of that account (lapse spread
     * over 1–400 days, recency lapsing over 1–400 days), two compliance officers. Measured: the
     * job's run (time, notices, mails that arrived), a second run (must send nothing), and the
     * maintenance app's refresh-token grants on {@code bench.threads} threads without the job and
     * while it runs.
     */
    private void notices() {
        int people = Integer.getInteger("bench.notice-people", 10_000);
        int records = Integer.getInteger("bench.notice-records", 2_000);
        int every = Math.max(1, people / Math.max(1, records));
        line("\n## Notices: the notice job over " + people + " people with " + records + " records\n");
        String accountId = Http.postJson(realm.adminUrl("/organizations"), realm.master(), Map.of("name", "bench-notices",
                "alias", "bench-notices", "enabled", true, "domains", List.of(Map.of("name", "bench-notices.example"))))
                .expect(201, "account").createdId();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Instant now = Instant.now();
        int batch = 500;
        int withRecord = 0;
        List<String> ids = new ArrayList<>();
        Histogram importLatency = Load.histogram();
        for (int start = 0; start < people; start += batch) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (int i = start; i < Math.min(people, start + batch); i++) {
                String username = String.format("n-%05d", i);
                Map<String, Object> user = new HashMap<>(Map.of("username", username, "email", username + "@bench-notices.example",
                        "emailVerified", true, "enabled", true, "firstName", "Notice", "lastName", username));
                if (i % every == 0 && withRecord < records) {
                    int k = withRecord++;
                    // Lapse in 1..400 days; recency (202+ days of experience at the window's start) lapsing in 1..400 days.
                    LocalDate from = today.minusMonths(24);
                    Map<String, Object> record = new HashMap<>(Map.of("v", 2, "id", UUID.randomUUID().toString(),
                            "acc", accountId, "t", "certifying-staff", "ref", "BENCH/N-" + i,
                            "lic", Map.of("a", "UK CAA", "n", "UK.66." + i, "c", "B1.1", "x", "2031-01-01"),
                            "ac", List.of("A320-family"), "task", List.of("line"), "eff", "2025-01-01T00:00:00Z"));
                    record.put("exp", now.plus(Duration.ofDays(1 + (k * 7L) % 400))
                            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
                    record.put("st", "a");
                    record.put("ct", today.minusMonths(3).toString());
                    record.put("xp", List.of(from + "/" + from.plusDays(182 + 1 + (k * 13L) % 400)));
                    user.put("attributes", Map.of("mx_authorizations", List.of(Http.toJson(record))));
                }
                list.add(user);
            }
            importBatch(list, importLatency, ids);
        }
        Load.Round joined = addMembers(accountId, ids);
        String officers = groupByPath("mx-accounts", "bench-notices", "compliance-officer");
        for (int i = 0; i < 2; i++) {
            String officer = realm.createUser("bench-notice-officer-" + i, Map.of());
            Http.send("POST", realm.adminUrl("/organizations/" + accountId + "/members"), realm.master(), "application/json",
                    "\"" + officer + "\"").expect(201, "officer member");
            Http.send("PUT", realm.adminUrl("/users/" + officer + "/groups/" + officers), realm.master(), null, null)
                    .expect(204, "officer role");
        }
        Http.send("POST", realm.url("/mx/authorizations/reindex"), adminToken(), null, null).expect(200, "reindex");
        line("partialImport of " + people + " users (" + withRecord + " with a record) in batches of " + batch + ": total "
                + Stats.f(importLatency.getTotalCount() * importLatency.getMean() / 1e6) + " s; members added on " + threads
                + " threads in " + Stats.f(joined.seconds()) + " s. Load average before measuring: " + loadAverage() + ".\n");

        // The sign-in path meanwhile: maintenance-app's refresh-token grants of one person, one session per thread.
        realm.createUser("bench-notice-signin", Map.of());
        String[] refreshTokens = new String[threads];
        for (int t = 0; t < threads; t++) {
            refreshTokens[t] = AppLogin.login(realm.url(""), "maintenance-app", "bench-notice-signin", BenchRealm.PASSWORD,
                    "openid").get("refresh_token").asText();
        }
        IntConsumer grant = t -> refresh("maintenance-app", refreshTokens[t]);
        Load.timed(threads, 10, grant);
        Load.Round quiet = Load.timed(threads, 20, grant);

        int mailsBefore = mail.getReceivedMessages().length;
        String run = realm.url("/mx/notifications/run");
        String token = adminToken();
        long t0 = System.nanoTime();
        java.util.concurrent.CompletableFuture<JsonNode> job = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> postLong(run, token).expect(200, "notice run").json());
        Histogram during = Load.histogram();
        long grantsDuring = 0;
        double secondsDuring = 0;
        while (!job.isDone()) {
            Load.Round part = Load.timed(threads, 2, grant);
            during.add(part.latency());
            grantsDuring += part.operations();
            secondsDuring += part.seconds();
        }
        JsonNode first = job.join();
        double jobSeconds = (System.nanoTime() - t0) / 1e9;
        int sent = first.get("sent").asInt();
        long deadline = System.currentTimeMillis() + 120_000;
        while (mail.getReceivedMessages().length < mailsBefore + sent && System.currentTimeMillis() < deadline) {
            BenchServer.sleep(500);
        }
        int arrived = mail.getReceivedMessages().length - mailsBefore;
        long t1 = System.nanoTime();
        JsonNode second = postLong(run, adminToken()).expect(200, "second notice run").json();
        double secondSeconds = (System.nanoTime() - t1) / 1e9;
        if (second.get("sent").asInt() != 0 || first.get("failed").asInt() != 0 || arrived != sent) {
            throw new IllegalStateException("notices not exactly once: first " + first + ", second " + second + ", mails "
                    + arrived);
        }
        line("| run | time s | due | sent | failed | mails arrived |");
        line("|---|---|---|---|---|---|");
        line("| first | " + Stats.f(jobSeconds) + " | " + first.get("due").asInt() + " | " + sent + " | "
                + first.get("failed").asInt() + " | " + arrived + " |");
        line("| second (nothing new) | " + Stats.f(secondSeconds) + " | " + second.get("due").asInt() + " | "
                + second.get("sent").asInt() + " | " + second.get("failed").asInt() + " | 0 |");
        line("");
        line("| maintenance-app refresh grants, " + threads + " threads | grants/s | p50 / p95 / p99 ms |");
        line("|---|---|---|");
        line("| without the job (20 s) | " + Stats.f(quiet.perSecond()) + " | " + Stats.percentiles(quiet.latency()) + " |");
        line("| while the first run ran (" + Stats.f(secondsDuring) + " s) | " + Stats.f(grantsDuring / Math.max(0.001, secondsDuring))
                + " | " + Stats.percentiles(during) + " |");
    }

    /** The admin API's group by path, creating what is missing (as the integration tests' Realm does). */
    private String groupByPath(String... names) {
        String parent = null;
        StringBuilder path = new StringBuilder();
        for (String name : names) {
            path.append('/').append(name);
            Http.Response found = Http.get(realm.adminUrl("/group-by-path" + path), realm.master());
            if (found.status() == 200) {
                parent = found.json().get("id").asText();
                continue;
            }
            parent = Http.postJson(realm.adminUrl(parent == null ? "/groups" : "/groups/" + parent + "/children"),
                    realm.master(), Map.of("name", name)).expect(201, "group " + path).createdId();
        }
        return parent;
    }

    /** POST {} waiting up to 30 minutes (the notice job over many people on a loaded machine). */
    private static Http.Response postLong(String url, String token) {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .timeout(Duration.ofMinutes(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                .build();
        try {
            HttpResponse<String> response = LONG_CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Http.Response(response.statusCode(), response.body(), response);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- people (the workspace's People page)

    /** One batch of users through the admin API's partialImport (timed into {@code latency}); their ids into {@code ids}. */
    private void importBatch(List<Map<String, Object>> users, Histogram latency, List<String> ids) {
        Map<String, Object> body = Map.of("ifResourceExists", "SKIP", "users", users);
        JsonNode[] answer = new JsonNode[1];
        Load.sample(latency, () -> answer[0] = Http.postJson(realm.adminUrl("/partialImport"), realm.master(), body)
                .expect(200, "partialImport").json());
        answer[0].get("results").forEach(result -> ids.add(result.get("id").asText()));
    }

    /** Makes every user of {@code ids} a member of the account, through Keycloak's organization members API. */
    private Load.Round addMembers(String accountId, List<String> ids) {
        return Load.counted(threads, ids.size(), i -> Http.send("POST",
                realm.adminUrl("/organizations/" + accountId + "/members"), realm.master(), "application/json",
                "\"" + ids.get(i) + "\"").expect(201, "member"));
    }

    /**
     * One account with {@code bench.members} members (users by partialImport, then Keycloak's
     * organization members API, spread over the client threads), then the People endpoint's first
     * page and a search against Keycloak's own admin users list with the same paging, interleaved.
     */
    private void people() {
        int members = Integer.getInteger("bench.members", 10_000);
        line("\n## People: one account with " + members + " members\n");
        String accountId = Http.postJson(realm.adminUrl("/organizations"), realm.master(), Map.of("name", "bench-people",
                "alias", "bench-people", "enabled", true, "domains", List.of(Map.of("name", "bench-people.example"))))
                .expect(201, "account").createdId();
        int batch = 500;
        List<String> ids = new ArrayList<>();
        Histogram importLatency = Load.histogram();
        for (int start = 0; start < members; start += batch) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (int i = start; i < Math.min(members, start + batch); i++) {
                String username = String.format("p-%05d", i);
                list.add(Map.of("username", username, "email", username + "@bench-people.example", "emailVerified", true,
                        "enabled", true, "firstName", "Person", "lastName", username, "realmRoles", List.of("technician")));
            }
            importBatch(list, importLatency, ids);
        }
        Load.Round joined = addMembers(accountId, ids);
        line("partialImport of " + members + " users in batches of " + batch + ": total "
                + Stats.f(importLatency.getTotalCount() * importLatency.getMean() / 1e6) + " s; " + ids.size()
                + " members added through POST /organizations/{id}/members on " + threads + " threads in "
                + Stats.f(joined.seconds()) + " s. Load average before measuring: " + loadAverage() + ".\n");
        String people = realm.url("/mx/accounts/bench-people/people");
        line("| query | samples | p50 / p95 ms | stock reference | p50 / p95 ms | p50 ratio |");
        line("|---|---|---|---|---|---|");
        compare("People, first page (max 20, with total)", 100,
                i -> Http.get(people + "?first=0&max=20", adminToken()).expect(200, "people"),
                "admin users list, first=0&max=20",
                i -> Http.get(realm.adminUrl("/users?first=0&max=20"), adminToken()).expect(200, "users"));
        compare("People, page 250 (first=5000, max 20)", 100,
                i -> Http.get(people + "?first=5000&max=20", adminToken()).expect(200, "people"),
                "admin users list, first=5000&max=20",
                i -> Http.get(realm.adminUrl("/users?first=5000&max=20"), adminToken()).expect(200, "users"));
        compare("People, search 'p-0424' (10 hits)", 100,
                i -> Http.get(people + "?search=p-0424&first=0&max=20", adminToken()).expect(200, "people search"),
                "admin users list, search=p-0424",
                i -> Http.get(realm.adminUrl("/users?search=p-0424&first=0&max=20"), adminToken()).expect(200, "users search"));
        line("\nBoth sides are called by the same realm operator (bench-admin) on the same realm; times are the client's"
                + " round trip on loopback (HTTP/1.1 keep-alive), the People side includes each person's invitation state,"
                + " role templates, account roles and last login. Target: People p95 < 300 ms.");
    }

    private void compare(String name, int samples, IntConsumer bundle, String stockName, IntConsumer stock) {
        for (int i = 0; i < 5; i++) {
            bundle.accept(i);
            stock.accept(i);
        }
        Histogram b = Load.histogram();
        Histogram s = Load.histogram();
        for (int i = 0; i < samples; i++) {
            int n = i;
            Load.sample(s, () -> stock.accept(n));
            Load.sample(b, () -> bundle.accept(n));
        }
        line("| " + name + " | " + samples + " | " + Stats.p50p95(b) + " | " + stockName + " | " + Stats.p50p95(s) + " | "
                + Stats.f(b.getValueAtPercentile(50) / (double) s.getValueAtPercentile(50)) + " |");
    }

    private static Map<String, Object> queryUser(int i, Instant now) {
        String username = String.format("q-%05d", i);
        Map<String, Object> user = new HashMap<>(Map.of("username", username, "email", username + "@mro.example",
                "emailVerified", true, "enabled", true, "firstName", "Query", "lastName", username));
        List<String> roles = new ArrayList<>();
        if (i % 3 == 0) {
            roles.add("technician");
        }
        if (i % 5 == 0) {
            roles.add("certifying-staff");
            Instant expiry = now.plus(Duration.ofDays(1 + (i / 5) % 400));
            String record = Http.toJson(Map.of("v", 1, "id", UUID.randomUUID().toString(), "t", "certifying-staff",
                    "ref", "BENCH/" + i, "lic", Map.of("a", "UK CAA", "n", "UK.66." + i, "c", "B1.1", "x", "2031-01-01"),
                    "ac", List.of("A320-family"), "task", List.of("line"),
                    "eff", "2025-01-01T00:00:00Z", "exp", expiry.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(),
                    "st", "a"));
            user.put("attributes", Map.of("mx_authorizations", List.of(record)));
        }
        if (i % 50 == 0) {
            roles.add("account-administrator");
        }
        user.put("realmRoles", roles);
        return user;
    }
}
