package com.maintenanceaccess.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every method of {@code /mx} is pinned: it is a row of {@link HostileInputIT}'s table (no token,
 * no permission, another realm's ids, bad bodies, markup in ids) or of {@link DenyMatrixIT}'s
 * (every caller × target, refused as docs/security-model.md says, nothing changed), or it is named
 * below with the test that pins it and why it is in neither table. A method that names a user or
 * an account (a path parameter, or a query parameter {@code user} or {@code account}) is a row of
 * the deny matrix, or named below saying why it has no target to refuse. The list of methods is
 * the OpenAPI description generated from the resources at build time ({@code docs/openapi.json},
 * held equal to the code by the providers' {@code OpenApiDescriptionTest}), so a new endpoint
 * without a row fails here, and so does a row or an entry below whose endpoint no longer exists,
 * or an entry for a method that has a row. Runs without a server, in the unit phase of this module.
 */
class EndpointCoverageTest {

    private static final Path DESCRIPTION = Path.of("..", "docs", "openapi.json");
    private static final Path RELIABILITY = Path.of("src/test/java/com/maintenanceaccess/it/reliability");
    private static final Path HOSTILE_INPUT = RELIABILITY.resolve("HostileInputIT.java");
    private static final Path DENY_MATRIX = RELIABILITY.resolve("DenyMatrixIT.java");
    /** A row of either table: {@code new Endpoint("POST", "/mx/…", …)}. */
    private static final Pattern ROW = Pattern.compile("new Endpoint\\(\"(GET|PUT|POST|DELETE|PATCH)\", \"(/mx[^\"]*)\"");

    /** Pinned by another test, with the reason it is a row of neither table: none has a target to refuse. */
    static final Map<String, String> ELSEWHERE = Map.ofEntries(
            Map.entry("GET /mx/openapi.json", "OpenApiIT: the public description of the API, no data of anyone"),
            Map.entry("GET /mx/me/authorizations", "WorkspaceReadEndpointsIT: the caller's own records, open to every token of the realm"),
            Map.entry("GET /mx/authorizations/catalog", "WorkspaceReadEndpointsIT: the catalog's types, the same for anybody"
                    + " with an account role or an operator role (403 for the rest); it names nobody"),
            Map.entry("GET /mx/my-access", "AppBrowserIT (the reference app): the caller's own pages, open to every token of the realm;"
                    + " its account is one of the caller's to choose from (another is 404 as unknown), not a target"),
            Map.entry("POST /mx/migration/unassigned/{}/assign", "UpgradeAtStartIT (TemplateMigration, RecordAccountMigration): realm operators"
                    + " only (UnassignedPeopleResource asks for view-users and manage-users before it looks the person up),"
                    + " so every account person is 403 whoever the person is: no account target to answer 404 for"));

    /** Directories, not people, call SCIM, with a provisioning token instead of a realm token. */
    private static final String SCIM = "/mx/accounts/{}/scim/v2/";
    private static final String SCIM_TESTS = "ScimProvisioningIT, ScimDirectoryReplayIT";

    @Test
    void everyDescribedMethodIsPinned() throws IOException {
        Set<String> table = rows();
        List<String> unpinned = described().stream()
                .filter(m -> !table.contains(m) && !ELSEWHERE.containsKey(m) && !m.contains(SCIM))
                .toList();
        assertEquals(List.of(), unpinned, "methods of /mx in neither HostileInputIT's nor DenyMatrixIT's table nor ELSEWHERE"
                + " (a new endpoint belongs in HostileInputIT.ENDPOINTS, and in DenyMatrixIT.ENDPOINTS when it has a target)");
    }

    @Test
    void everyMethodThatNamesAUserOrAnAccountIsInTheDenyMatrix() throws IOException {
        Set<String> matrix = rows(DENY_MATRIX);
        List<String> outside = targeted().stream()
                .filter(m -> !matrix.contains(m) && !ELSEWHERE.containsKey(m) && !m.contains(SCIM))
                .toList();
        assertEquals(List.of(), outside, "methods of /mx that name a user or an account but are no row of DenyMatrixIT");
    }

    @Test
    void everyRowAndEntryNamesAMethodThatExists() throws IOException {
        Set<String> described = described();
        List<String> stale = Stream.concat(rows().stream(), ELSEWHERE.keySet().stream())
                .filter(m -> !described.contains(m)).sorted().toList();
        assertEquals(List.of(), stale, "rows or entries for methods the description does not have");
    }

    @Test
    void noEntryIsARowToo() throws IOException {
        Set<String> table = rows();
        List<String> both = ELSEWHERE.keySet().stream().filter(table::contains).sorted().toList();
        assertEquals(List.of(), both, "ELSEWHERE entries that are rows of a table now: take them out of ELSEWHERE");
    }

    @Test
    void theDescriptionIsReadAsTheServerServesIt() throws IOException {
        Set<String> described = described();
        // A check that the reading works, so that an empty or misread file cannot pass the others.
        assertTrue(described.contains("GET /mx/me"), described::toString);
        assertTrue(described.contains("POST /mx/users/{}/authorizations/{}/correct"), described::toString);
        assertTrue(described.stream().anyMatch(m -> m.contains(SCIM)), "SCIM is described: " + SCIM_TESTS + " pin it");
        assertTrue(described.size() > 60, () -> described.size() + " methods");
        Set<String> targeted = targeted();
        assertTrue(targeted.contains("GET /mx/invitations") && targeted.contains("DELETE /mx/accounts/{}/scim-tokens/{}")
                && !targeted.contains("GET /mx/me") && !targeted.contains("POST /mx/role-templates/plan"), targeted::toString);
    }

    /** The rows of both tables. */
    private static Set<String> rows() throws IOException {
        Set<String> rows = new TreeSet<>(rows(HOSTILE_INPUT));
        rows.addAll(rows(DENY_MATRIX));
        return rows;
    }

    /**
     * A table's rows as "METHOD /mx/path" with every path parameter as {} and no query, read from
     * its source: the classes themselves cannot load without a running server.
     */
    private static Set<String> rows(Path test) throws IOException {
        String source = Files.readString(test);
        Set<String> rows = ROW.matcher(source).results()
                .map(m -> m.group(1) + " " + normalised(m.group(2)))
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(rows.size() > 40, () -> "read " + rows.size() + " rows of " + test);
        return rows;
    }

    private static Set<String> described() throws IOException {
        return methods(false);
    }

    /** The described methods that name a user or an account: a path parameter, or a query parameter user or account. */
    private static Set<String> targeted() throws IOException {
        return methods(true);
    }

    private static Set<String> methods(boolean onlyTargeted) throws IOException {
        assertTrue(Files.exists(DESCRIPTION), DESCRIPTION.toAbsolutePath() + " is missing");
        JsonNode paths = new ObjectMapper().readTree(DESCRIPTION.toFile()).path("paths");
        Set<String> methods = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> verbs = path.getValue().fields(); verbs.hasNext(); ) {
                Map.Entry<String, JsonNode> verb = verbs.next();
                if (List.of("get", "put", "post", "delete", "patch").contains(verb.getKey())
                        && (!onlyTargeted || path.getKey().contains("{") || namesUserOrAccount(verb.getValue()))) {
                    methods.add(verb.getKey().toUpperCase(Locale.ROOT) + " " + normalised("/mx" + path.getKey()));
                }
            }
        }
        return methods;
    }

    private static boolean namesUserOrAccount(JsonNode operation) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("in").asText().equals("query")
                    && List.of("user", "account").contains(parameter.path("name").asText())) {
                return true;
            }
        }
        return false;
    }

    static String normalised(String path) {
        String withoutQuery = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        String trimmed = withoutQuery.endsWith("/") && withoutQuery.length() > 1
                ? withoutQuery.substring(0, withoutQuery.length() - 1) : withoutQuery;
        return trimmed.replaceAll("\\{[^}]*}", "{}");
    }

    @Test
    void normalisingIgnoresParameterNamesAndQueries() {
        assertEquals("/mx/users/{}/authorizations/{}", normalised("/mx/users/{user}/authorizations/{aid}"));
        assertEquals("/mx/users/{}/authorizations/{}", normalised("/mx/users/{userId}/authorizations/{authorizationId}"));
        assertEquals("/mx/access/explain", normalised("/mx/access/explain?page=x&user={user}"));
    }
}
