package com.maintenanceaccess.it.roletemplate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Realm;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** The importer's two ways in, its plans, its events, and what it refuses. */
// Alone, no other test class beside it: it applies role templates to the whole realm and counts its admin events.
@Isolated
class RoleTemplatesApplyIT {

    private final Realm realm = Realm.maintenance();

    @Test
    void theStartUpImportAppliedTheRealFilesToTheMaintenanceRealm() throws Exception {
        String log = Files.readString(realm.server().log());
        assertTrue(log.contains("mx role templates: applied " + RoleTemplateFiles.dir()) && log.contains("to realm maintenance"),
                "the start-up import ran: see keycloak.log");
        JsonNode planner = realm.adminGet("/roles/planner");
        assertEquals("role-template", planner.get("attributes").get("mx.managed").get(0).asText());
        assertEquals("true", realm.adminGet("/roles/account-administrator").get("attributes").get("mx.privileged").get(0).asText());
        assertEquals("certifying-staff",
                realm.adminGet("/roles/certifying-staff").get("attributes").get("mx.requires-authorization").get(0).asText());
        assertEquals("access-catalog", realm.adminGet("/roles/workorders:release").get("attributes").get("mx.managed").get(0).asText());
        assertTrue(realm.adminGet("").get("attributes").get("mx.access-catalog").asText().contains("\"authorizationType\":\"certifying-staff\""));
        JsonNode defaults = realm.adminGet("/clients/" + realm.clientUuid("maintenance-app") + "/default-client-scopes");
        List<String> names = new ArrayList<>();
        defaults.forEach(s -> names.add(s.get("name").asText()));
        assertTrue(names.containsAll(List.of("maintenance:planning", "maintenance:workshop", "maintenance:stores",
                "maintenance:purchasing", "maintenance:compliance", "maintenance:administration")), names::toString);
        // All events: the start-up event is the oldest, and a full run writes more than a page of them.
        boolean startupEvent = false;
        for (JsonNode event : realm.adminGet("/admin-events?max=100000")) {
            startupEvent |= "MX_ROLE_TEMPLATES".equals(event.path("details").path("mx_kind").asText())
                    && "mx-role-templates-startup".equals(event.path("authDetails").path("clientId").asText());
        }
        assertTrue(startupEvent, "the start-up apply left an admin event");
    }

    @Test
    void reApplyingTheRealFilesOverRestWritesNothingButOneSummaryEvent() {
        String operator = operatorOfMaintenance();
        // Every event of the shared server: more than a page of them by the time this runs. The new one is
        // found by id, not by place: the bundle stamps its events with its clock, so events written while
        // another test moved that clock forward sort before it.
        java.util.Set<String> before = new java.util.HashSet<>();
        realm.adminGet("/admin-events?max=100000").forEach(event -> before.add(event.get("id").asText()));
        Http.Response apply = Http.send("POST", realm.url("/mx/role-templates/apply"), operator, "application/yaml",
                RoleTemplateFiles.stream());
        assertEquals(200, apply.status(), apply::toString);
        assertEquals(0, apply.json().get("changes").size(), apply::toString);
        assertFalse(apply.json().get("dryRun").asBoolean());

        List<JsonNode> added = new ArrayList<>();
        realm.adminGet("/admin-events?max=100000").forEach(event -> {
            if (!before.contains(event.get("id").asText())) {
                added.add(event);
            }
        });
        assertEquals(1, added.size(), "exactly one admin event, the summary: " + added);
        JsonNode summary = added.get(0);
        assertEquals("CUSTOM", summary.get("resourceType").asText());
        assertEquals("MX_ROLE_TEMPLATES", summary.path("details").path("mx_kind").asText(), summary::toString);
        assertEquals("ACTION", summary.get("operationType").asText());
        assertTrue(summary.get("representation").asText().contains("\"total\":0"), summary::toString);
    }

    @Test
    void onlyManageRealmMayPlanOrApply() {
        Http.Response anonymous = Http.send("POST", realm.url("/mx/role-templates/plan"), null, "application/yaml", "x: 1");
        assertEquals(401, anonymous.status(), anonymous::toString);
        String plainUser = realm.userToken(realm.createUser("no-admin", Map.of()));
        Http.Response forbidden = Http.send("POST", realm.url("/mx/role-templates/apply"), plainUser, "application/yaml",
                RoleTemplateFiles.stream());
        assertEquals(403, forbidden.status(), forbidden::toString);
        assertTrue(forbidden.body().contains("manage-realm"), forbidden::toString);
    }

    @Test
    void theDryRunIsWhatTheApplyDoesAndJsonEqualsYaml() throws Exception {
        try (ScratchRealm scratch = new ScratchRealm()) {
            String files = RoleTemplateFiles.stream();
            JsonNode plan = scratch.ok("plan", files);
            assertTrue(plan.get("dryRun").asBoolean());
            assertEquals(0, scratch.adminGet("/roles?search=planner").size(), "a dry run writes nothing");

            JsonNode applied = scratch.ok("apply", files);
            assertEquals(plan.get("changes"), applied.get("changes"));
            assertTrue(applied.get("changes").size() > 100, "first apply creates the catalog: " + applied.get("summary"));
            assertEquals(0, scratch.ok("plan", files).get("changes").size());

            // The same input as one JSON bundle is the same state.
            Http.Response json = scratch.post("apply", "application/json", jsonBundle());
            assertEquals(200, json.status(), json::toString);
            assertEquals(0, json.json().get("changes").size(), json::toString);

            JsonNode events = scratch.adminGet("/admin-events?max=100");
            long summaries = 0;
            for (JsonNode event : events) {
                summaries += "MX_ROLE_TEMPLATES".equals(event.path("details").path("mx_kind").asText()) ? 1 : 0;
            }
            assertEquals(2, summaries, "one event per apply, none for the dry runs");
        }
    }

    /**
     * An edit applied on top of existing roles and then reverted: each apply leaves exactly the
     * state it planned (a second plan finds nothing), and the revert restores the first state.
     * Pins the executor's name-to-role maps, which hold roles read before the apply's writes.
     */
    @Test
    void anEditAndItsRevertEachLeaveExactlyThePlannedState() {
        try (ScratchRealm scratch = new ScratchRealm()) {
            String files = RoleTemplateFiles.stream();
            String edited = files
                    .replace("description: Works active work orders", "description: Works open work orders")
                    .replace("  - invoices:*\n", "  - invoices:*\n  - inventory:view\n")
                    .replace("actions: [view, create, edit, delete, export]}", "actions: [view, create, edit, delete, export, approve]}");
            for (String edit : List.of("Works open work orders", "invoices:*\n  - inventory:view\n", "export, approve]")) {
                assertTrue(edited.contains(edit), "the shipped files still take the edit " + edit);
            }
            scratch.ok("apply", files);
            JsonNode before = state(scratch);

            for (int round = 0; round < 2; round++) {
                JsonNode forward = scratch.ok("apply", edited);
                assertTrue(forward.get("changes").size() >= 5, forward::toString);
                assertEquals(0, scratch.ok("plan", edited).get("changes").size(), "the edit is fully applied");
                assertEquals("approve", scratch.adminGet("/roles/tools:approve").get("name").asText().split(":")[1]);
                assertTrue(names(scratch.adminGet("/roles/purchasing/composites")).contains("inventory:view"));

                JsonNode back = scratch.ok("apply", files);
                assertEquals(forward.get("changes").size(), back.get("changes").size(), back::toString);
                assertEquals(0, scratch.ok("plan", files).get("changes").size(), "the revert is fully applied");
                assertEquals(before, state(scratch), "the revert restores the first state");
            }
        }
    }

    /** Every role of the realm with its description and composites, sorted. */
    private static JsonNode state(ScratchRealm scratch) {
        ObjectMapper json = new ObjectMapper();
        var state = json.createObjectNode();
        for (JsonNode role : scratch.adminGet("/roles?max=1000&briefRepresentation=false")) {
            String name = role.get("name").asText();
            var entry = state.putObject(name);
            entry.put("description", role.path("description").asText());
            entry.putPOJO("composites", names(scratch.adminGet("/roles/" + name + "/composites")).stream().sorted().toList());
        }
        return json.valueToTree(new java.util.TreeMap<>(json.convertValue(state, Map.class)));
    }

    private static List<String> names(JsonNode roles) {
        List<String> names = new ArrayList<>();
        roles.forEach(role -> names.add(role.get("name").asText()));
        return names;
    }

    @Test
    void aHandMadeRoleSurvivesAnApplyThatDeletesManagedRoles() {
        try (ScratchRealm scratch = new ScratchRealm()) {
            scratch.ok("apply", RoleTemplateFiles.stream());
            assertEquals(201, scratch.adminPost("/roles", Map.of("name", "hand-made", "description", "by hand")).status());
            JsonNode invoicesView = scratch.adminGet("/roles/invoices:view");
            assertEquals(204, scratch.adminPost("/roles/hand-made/composites", List.of(invoicesView)).status());

            JsonNode applied = scratch.ok("apply", RoleTemplateFiles.stream("purchasing"));
            List<String> deleted = new ArrayList<>();
            applied.get("changes").forEach(c -> {
                if (c.get("op").asText().equals("delete") && c.get("kind").asText().equals("role")) {
                    deleted.add(c.get("name").asText());
                }
            });
            assertEquals(List.of("purchasing", "purchasing-read-only"), deleted);
            assertEquals("by hand", scratch.adminGet("/roles/hand-made").get("description").asText());
            assertEquals(1, scratch.adminGet("/roles/hand-made/composites").size(), "its composite is untouched");
        }
    }

    @Test
    void everyBadInputIs400WithEveryProblemAndChangesNothing() {
        try (ScratchRealm scratch = new ScratchRealm()) {
            String files = RoleTemplateFiles.stream();
            scratch.ok("apply", files);
            String catalog = RoleTemplateFiles.read(RoleTemplateFiles.dir().resolve("access-catalog.yaml"));
            assertEquals(201, scratch.adminPost("/roles", Map.of("name", "dispatcher")).status());

            refused(scratch, catalog + "---\nkind: RoleTemplate\nname: broken\npermissions: [aircraft:view\n", "malformed YAML");
            refused(scratch, files + template("x", "workorder:view"), "unknown area 'workorder'");
            refused(scratch, files + template("x", "workorders:fly"), "unknown action 'fly'");
            refused(scratch, files + template("x", "aircraft:release"), "unknown permission 'aircraft:release'");
            refused(scratch, files + template("planner", "aircraft:view"), "duplicate template name 'planner'");
            refused(scratch, files + template("loop", "aircraft:view") + "includes: [loop]\n", "template 'loop' includes itself");
            refused(scratch, files + template("dispatcher", "aircraft:view"), "role 'dispatcher' already exists and was not made by the importer");
            refused(scratch, catalog.replace("  - id: workshop\n", "  - id: planning\n"), "duplicate module 'planning'");
            refused(scratch, files + "#" + "x".repeat(2 * 1024 * 1024) + "\n", "larger than the limit of 2097152 bytes");

            Http.Response many = scratch.post("apply", "application/yaml",
                    files + template("a", "workorder:view") + template("b", "workorders:fly") + template("c", "aircraft:release"));
            assertEquals(400, many.status(), many::toString);
            assertEquals(3, many.json().get("problems").size(), "all problems at once: " + many);

            Http.Response malformed = scratch.post("plan", "application/yaml", "kind: AccessCatalog\nmodules: [\n  - id: a\n");
            JsonNode problem = malformed.json().get("problems").get(0);
            assertTrue(problem.get("line").asInt() > 0 && problem.get("column").asInt() > 0, malformed::toString);

            assertEquals(0, scratch.ok("plan", files).get("changes").size(), "the realm is as the good input left it");
            assertEquals("dispatcher", scratch.adminGet("/roles/dispatcher").get("name").asText());
        }
    }

    @Test
    void twoSimultaneousAppliesEndInOneConsistentState() throws Exception {
        try (ScratchRealm scratch = new ScratchRealm()) {
            String full = RoleTemplateFiles.stream();
            String withoutStores = RoleTemplateFiles.stream("stores");
            String token = scratch.operatorToken();

            // The same input twice on an empty realm: one creates, the other finds nothing to do.
            List<Http.Response> same = concurrently(scratch, token, full, full);
            assertEquals(200, same.get(0).status(), same.get(0)::toString);
            assertEquals(200, same.get(1).status(), same.get(1)::toString);
            int first = same.get(0).json().get("changes").size();
            int second = same.get(1).json().get("changes").size();
            assertTrue(Math.min(first, second) == 0 && Math.max(first, second) > 100, first + " / " + second);

            // Different inputs: both succeed, and the realm ends exactly as one of them.
            for (int round = 0; round < 3; round++) {
                List<Http.Response> both = concurrently(scratch, token, full, withoutStores);
                assertEquals(200, both.get(0).status(), both.get(0)::toString);
                assertEquals(200, both.get(1).status(), both.get(1)::toString);
                int fullLeft = scratch.ok("plan", full).get("changes").size();
                int reducedLeft = scratch.ok("plan", withoutStores).get("changes").size();
                assertTrue(fullLeft == 0 ^ reducedLeft == 0, "round " + round + ": " + fullLeft + " / " + reducedLeft);
            }
        }
    }

    private static List<Http.Response> concurrently(ScratchRealm scratch, String token, String a, String b) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<Http.Response>> calls = new ArrayList<>();
            for (String body : List.of(a, b)) {
                calls.add(() -> {
                    start.await();
                    return Http.send("POST", scratch.url("/mx/role-templates/apply"), token, "application/yaml", body);
                });
            }
            List<Future<Http.Response>> futures = new ArrayList<>();
            calls.forEach(call -> futures.add(pool.submit(call)));
            start.countDown();
            List<Http.Response> responses = new ArrayList<>();
            for (Future<Http.Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void refused(ScratchRealm scratch, String body, String expected) {
        for (String action : List.of("plan", "apply")) {
            Http.Response response = scratch.post(action, "application/yaml", body);
            assertEquals(400, response.status(), () -> expected + ": " + response);
            assertEquals("invalid_request", response.json().get("error").asText());
            assertTrue(response.json().get("error_description").asText().endsWith("Nothing was changed."), response::toString);
            assertTrue(response.body().contains(expected), () -> expected + " not in " + response);
        }
    }

    private static String template(String name, String permission) {
        return "---\nkind: RoleTemplate\nname: " + name + "\ndescription: test\npermissions: ['" + permission + "']\n";
    }

    /** The real files as one JSON bundle: {catalog, templates}. */
    private static String jsonBundle() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Map<String, Object> bundle = new java.util.LinkedHashMap<>();
        bundle.put("catalog", yaml.readValue(RoleTemplateFiles.read(RoleTemplateFiles.dir().resolve("access-catalog.yaml")), Map.class));
        List<Object> templates = new ArrayList<>();
        for (var file : RoleTemplateFiles.templates()) {
            templates.add(yaml.readValue(RoleTemplateFiles.read(file), Map.class));
        }
        bundle.put("templates", templates);
        return Http.JSON.writeValueAsString(bundle);
    }

    /** A maintenance-realm user with manage-realm only. */
    private String operatorOfMaintenance() {
        String userId = realm.createUser("rt-operator", Map.of());
        realm.grantRealmManagement(userId, "manage-realm");
        return realm.userToken(userId);
    }
}
