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
 * no permission, another realm's ids, bad bodies, markup in ids), or it is named below with the
 * test that pins it and why it is not in that table. The list of methods is the OpenAPI
 * description generated from the resources at build time ({@code docs/openapi.json}, held equal
 * to the code by the providers' {@code OpenApiDescriptionTest}), so a new endpoint without a row
 * fails here, and so does a row or an entry below whose endpoint no longer exists. Runs without a
 * server, in the unit phase of this module.
 */
class EndpointCoverageTest {

    private static final Path DESCRIPTION = Path.of("..", "docs", "openapi.json");
    private static final Path HOSTILE_INPUT = Path.of("src/test/java/com/maintenanceaccess/it/reliability/HostileInputIT.java");
    /** A row of its table: {@code new Endpoint("POST", "/mx/…", …)}. */
    private static final Pattern ROW = Pattern.compile("new Endpoint\\(\"(GET|PUT|POST|DELETE|PATCH)\", \"(/mx[^\"]*)\"");

    /** Pinned by another test, with the reason it is not a row of HostileInputIT's table. */
    static final Map<String, String> ELSEWHERE = Map.ofEntries(
            Map.entry("GET /mx/openapi.json", "OpenApiIT: the public description of the API, no data of anyone"),
            Map.entry("GET /mx/me/authorizations", "WorkspaceReadEndpointsIT: the caller's own records, open to every token of the realm"),
            Map.entry("GET /mx/authorizations/catalog", "WorkspaceReadEndpointsIT: the catalog's types, open to every token of the realm"),
            Map.entry("GET /mx/my-access", "AppBrowserIT (the reference app): the caller's own pages, open to every token of the realm"),
            Map.entry("POST /mx/migration/unassigned/{}/assign", "UpgradeAtStartIT (TemplateMigration, RecordAccountMigration): realm operators only"),
            Map.entry("GET /mx/accounts/{}/approvals/{}", "FourEyesIT, ApprovalsPageIT: an approval of the account, nobody decides their own"),
            Map.entry("POST /mx/accounts/{}/approvals/{}/approve", "FourEyesIT, ApprovalsPageIT: nobody approves their own grant"),
            Map.entry("POST /mx/accounts/{}/approvals/{}/reject", "FourEyesIT, ApprovalsPageIT"),
            Map.entry("DELETE /mx/accounts/{}/scim-tokens/{}", "ScimProvisioningIT: revoking a provisioning token"),
            Map.entry("POST /mx/accounts/{}/team/preview", "TeamInviteIT: a CSV body (text/csv), each row's problems"),
            Map.entry("POST /mx/accounts/{}/team/invite", "TeamInviteIT: a CSV body (text/csv), a result per row"));

    /** Directories, not people, call SCIM, with a provisioning token instead of a realm token. */
    private static final String SCIM = "/mx/accounts/{}/scim/v2/";
    private static final String SCIM_TESTS = "ScimProvisioningIT, ScimDirectoryReplayIT";

    @Test
    void everyDescribedMethodIsPinned() throws IOException {
        Set<String> table = rows();
        List<String> unpinned = described().stream()
                .filter(m -> !table.contains(m) && !ELSEWHERE.containsKey(m) && !m.contains(SCIM))
                .toList();
        assertEquals(List.of(), unpinned, "methods of /mx in neither HostileInputIT's table nor ELSEWHERE"
                + " (a new endpoint belongs in HostileInputIT.ENDPOINTS)");
    }

    @Test
    void everyRowAndEntryNamesAMethodThatExists() throws IOException {
        Set<String> described = described();
        List<String> stale = Stream.concat(rows().stream(), ELSEWHERE.keySet().stream())
                .filter(m -> !described.contains(m)).sorted().toList();
        assertEquals(List.of(), stale, "rows or entries for methods the description does not have");
    }

    @Test
    void theDescriptionIsReadAsTheServerServesIt() throws IOException {
        Set<String> described = described();
        // A check that the reading works, so that an empty or misread file cannot pass the others.
        assertTrue(described.contains("GET /mx/me"), described::toString);
        assertTrue(described.contains("POST /mx/users/{}/authorizations/{}/correct"), described::toString);
        assertTrue(described.stream().anyMatch(m -> m.contains(SCIM)), "SCIM is described: " + SCIM_TESTS + " pin it");
        assertTrue(described.size() > 60, () -> described.size() + " methods");
    }

    /**
     * HostileInputIT's rows as "METHOD /mx/path" with every path parameter as {} and no query,
     * read from its source: the class itself cannot load without a running server.
     */
    private static Set<String> rows() throws IOException {
        String source = Files.readString(HOSTILE_INPUT);
        Set<String> rows = ROW.matcher(source).results()
                .map(m -> m.group(1) + " " + normalised(m.group(2)))
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(rows.size() > 40, () -> "read " + rows.size() + " rows of " + HOSTILE_INPUT);
        return rows;
    }

    private static Set<String> described() throws IOException {
        assertTrue(Files.exists(DESCRIPTION), DESCRIPTION.toAbsolutePath() + " is missing");
        JsonNode paths = new ObjectMapper().readTree(DESCRIPTION.toFile()).path("paths");
        Set<String> methods = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<String> verbs = path.getValue().fieldNames(); verbs.hasNext(); ) {
                String verb = verbs.next();
                if (List.of("get", "put", "post", "delete", "patch").contains(verb)) {
                    methods.add(verb.toUpperCase(Locale.ROOT) + " " + normalised("/mx" + path.getKey()));
                }
            }
        }
        return methods;
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
