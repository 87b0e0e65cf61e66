package com.maintenanceaccess.it.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.maintenanceaccess.it.authorization.Authz;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Realm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The typed contract (docs/architecture.md): the server serves the description of /mx its build generated,
 * the one docs/ keeps, and real answers fit the records it describes, with the rule the console's types
 * rest on (generate-types.mjs): a field not marked nullable is always there, and no field is undescribed.
 */
class OpenApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theServerServesTheDescriptionDocsKeepsWithoutAToken() throws Exception {
        Realm realm = Realm.maintenance();
        Http.Response served = Http.get(realm.url("/mx/openapi.json"), null);
        assertEquals(200, served.status(), served::toString);
        // Operation ids aside: the generator numbers them in reading order (OpenApiDescriptionTest).
        assertEquals(withoutOperationIds(JSON.readTree(Path.of("..", "docs", "openapi.json").toFile())),
                withoutOperationIds(served.json()), "the served description is the one in docs/openapi.json");
    }

    @Test
    void answersFitTheRecordsTheDescriptionNames() throws Exception {
        Realm realm = Realm.maintenance();
        JsonNode description = Http.get(realm.url("/mx/openapi.json"), null).json();
        String account = realm.createAccount("contract", true, Map.of());
        String administrator = realm.accountPerson(account, "contract-admin", "account-administrator");
        String member = realm.accountPerson(account, "contract-member");
        String token = realm.userToken(administrator);

        Http.Response me = Http.get(realm.url("/mx/me"), token);
        assertEquals(200, me.status(), me::toString);
        assertEquals(1, me.json().path("accounts").size(), me::toString);
        assertFits(description, "/me", me.json());

        Http.Response review = Http.get(realm.url("/mx/users/" + member + "/review"), token);
        assertEquals(200, review.status(), review::toString);
        // The one record-typed field that may be absent: the generator cannot mark a $ref nullable
        // (OpenAPI 3.0), so types.ts declares it optional by hand (docs/architecture.md).
        assertFits(description, "/users/{userId}/review", review.json(), "/deactivation");

        Http.Response templates = Http.get(realm.url("/mx/accounts/" + account + "/grantable-templates"), token);
        assertEquals(200, templates.status(), templates::toString);
        assertTrue(templates.json().size() > 0, templates::toString);
        assertFits(description, "/accounts/{account}/grantable-templates", templates.json());

        Http.Response settings = Http.get(realm.url("/mx/accounts/" + account), token);
        assertEquals(200, settings.status(), settings::toString);
        assertFits(description, "/accounts/{id}", settings.json());

        Http.Response catalog = Http.get(realm.url("/mx/authorizations/catalog"), token);
        assertEquals(200, catalog.status(), catalog::toString);
        assertFits(description, "/authorizations/catalog", catalog.json());

        Authz authz = new Authz(realm);
        authz.grant(realm.userToken(authz.officer()), member, Authz.with(Authz.crs("OPENAPI-1"), "account", account));
        Http.Response mine = Http.get(realm.url("/mx/me/authorizations"), realm.userToken(member));
        assertEquals(200, mine.status(), mine::toString);
        assertEquals(1, mine.json().path("accounts").path(0).path("authorizations").size(), mine::toString);
        assertFits(description, "/me/authorizations", mine.json());

        Http.Response invitations = Http.get(realm.url("/mx/invitations?account=" + account), token);
        assertEquals(200, invitations.status(), invitations::toString);
        assertFits(description, "/invitations", invitations.json(), "/pendingApproval");

        Http.Response people = Http.get(realm.url("/mx/accounts/" + account + "/people"), token);
        assertEquals(200, people.status(), people::toString);
        assertFits(description, "/accounts/{account}/people", people.json());
        Http.Response person = Http.get(realm.url("/mx/accounts/" + account + "/people/" + member), token);
        assertEquals(200, person.status(), person::toString);
        assertFits(description, "/accounts/{account}/people/{userId}", person.json());

        assertFits(description, "post", "/accounts/{account}/scim-tokens", 201,
                Http.postJson(realm.url("/mx/accounts/" + account + "/scim-tokens"), token, Map.of("name", "Entra ID")));
        assertFits(description, "get", "/accounts/{account}/scim-tokens", 200,
                Http.get(realm.url("/mx/accounts/" + account + "/scim-tokens"), token));
        assertFits(description, "get", "/accounts/{account}/provisioning-settings", 200,
                Http.get(realm.url("/mx/accounts/" + account + "/provisioning-settings"), token));

        Http.Response approvals = Http.get(realm.url("/mx/accounts/" + account + "/approvals"), token);
        assertEquals(200, approvals.status(), approvals::toString);
        assertFits(description, "/accounts/{account}/approvals", approvals.json(), "/decidedBy");
    }

    /**
     * The answers of the personnel authorizations, the compliance views, the signoff check, the trail, the
     * access review and a person's history and deactivation (issue 28, item 3) fit their records too.
     */
    @Test
    void recordsAnswersFitTheirRecords() throws Exception {
        Realm realm = Realm.maintenance();
        JsonNode description = Http.get(realm.url("/mx/openapi.json"), null).json();
        Authz authz = new Authz(realm);
        String officer = realm.userToken(authz.officer());
        String person = authz.person("contract-holder");
        String licence = "/licence";

        Http.Response granted = Http.postJson(realm.url("/mx/users/" + person + "/authorizations"), officer,
                Authz.crs("CONTRACT-" + Long.toString(System.nanoTime(), 36).toUpperCase()));
        assertFits(description, "post", "/users/{userId}/authorizations", 201, granted, licence);
        String record = granted.json().get("id").asText();
        Http.Response list = Http.get(realm.url("/mx/users/" + person + "/authorizations"), officer);
        assertFits(description, "get", "/users/{userId}/authorizations", 200, list, "/0" + licence);
        assertFits(description, "get", "/users/{userId}/authorizations/{authorizationId}", 200,
                Http.get(realm.url("/mx/users/" + person + "/authorizations/" + record), officer), licence);
        assertFits(description, "post", "/users/{userId}/authorizations/{authorizationId}/suspend", 200,
                Http.postJson(realm.url("/mx/users/" + person + "/authorizations/" + record + "/suspend"), officer,
                        Map.of("reason", "contract")), licence);

        assertFits(description, "get", "/authorizations/expiring", 200,
                Http.get(realm.url("/mx/authorizations/expiring?days=3660&max=20"), officer), "/\\d+/authorization" + licence);
        assertFits(description, "get", "/authorizations/roster", 200,
                Http.get(realm.url("/mx/authorizations/roster"), officer));
        assertFits(description, "post", "/signoff-check", 200, Http.postJson(realm.url("/mx/signoff-check"),
                authz.backendToken(), Map.of("signer", person, "authorizationType", "certifying-staff",
                        "aircraftType", "A320", "taskCategory", "line", "account", authz.account())));
        assertFits(description, "get", "/trail/verify", 200, Http.get(realm.url("/mx/trail/verify"),
                realm.userToken(auditor(realm, authz))));
        assertFits(description, "get", "/signoffs", 200, Http.get(realm.url("/mx/signoffs"), realm.userToken(auditor(realm, authz))));
        assertFits(description, "get", "/access/report", 200, Http.get(realm.url("/mx/access/report?max=5"), officer));
        assertFits(description, "post", "/users/{userId}/deactivate", 200,
                Http.postJson(realm.url("/mx/users/" + person + "/deactivate"), officer, Map.of("reason", "contract ended")));
        assertFits(description, "post", "/users/{userId}/reactivate", 200,
                Http.postJson(realm.url("/mx/users/" + person + "/reactivate"), officer, Map.of("reason", "back")));
        assertFits(description, "get", "/users/{userId}/history", 200,
                Http.get(realm.url("/mx/users/" + person + "/history"), officer));
        assertFits(description, "get", "/my-access", 200, Http.get(realm.url("/mx/my-access"), realm.userToken(person)));

        String account = realm.createAccount("contract-review", true, Map.of());
        String administrator = realm.accountPerson(account, "contract-reviewer", "account-administrator");
        realm.accountPerson(account, "contract-reviewed", "account-administrator");
        String token = realm.userToken(administrator);
        Http.Response started = Http.postJson(realm.url("/mx/accounts/" + account + "/reviews"), token, Map.of());
        assertFits(description, "post", "/accounts/{account}/reviews", 201, started);
        assertFits(description, "get", "/accounts/{account}/reviews", 200,
                Http.get(realm.url("/mx/accounts/" + account + "/reviews"), token));
        assertFits(description, "get", "/accounts/{account}/reviews/{review}", 200,
                Http.get(realm.url("/mx/accounts/" + account + "/reviews/" + started.json().get("id").asText()), token));
    }

    /** A realm-wide auditor: view-users and the realm-wide view role (docs/security-model.md). */
    private static String auditor(Realm realm, Authz authz) {
        String id = realm.createUser("contract-auditor", Map.of());
        authz.grantRealmRoles(id, "personnel-authorizations:view");
        realm.grantRealmManagement(id, "view-users");
        return id;
    }

    @Test
    void theCheckerFindsAnAnswerThatDoesNotFit() throws Exception {
        JsonNode description = Http.get(Realm.maintenance().url("/mx/openapi.json"), null).json();
        JsonNode schema = responseSchema(description, "/me");
        List<String> problems = new ArrayList<>();
        fits(JSON.readTree("{\"user\":{\"id\":\"x\"},\"operator\":\"yes\",\"extra\":1}"), schema, description, "", problems);
        assertEquals(List.of("/accounts is missing", "/extra is not described", "/operator is not a boolean",
                "/pages is missing", "/user/username is missing", "/workspacePages is missing"),
                problems.stream().sorted().toList());
    }

    private static JsonNode withoutOperationIds(JsonNode description) {
        JsonNode copy = description.deepCopy();
        copy.path("paths").forEach(path -> path.forEach(operation -> {
            if (operation.isObject()) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) operation).remove("operationId");
            }
        }));
        return copy;
    }

    private static void assertFits(JsonNode description, String path, JsonNode answer, String... mayBeAbsent) {
        assertFits(description, "get", path, 200, answer, mayBeAbsent);
    }

    /**
     * The answer of {@code method path} with {@code status} fits the record the description names for it
     * (the status's own response, else the default one). {@code mayBeAbsent}: record-typed fields that
     * may be absent or null, which the generator cannot mark nullable (an OpenAPI 3.0 $ref takes none).
     */
    private static void assertFits(JsonNode description, String method, String path, int status, Http.Response answer,
                                   String... mayBeAbsent) {
        assertEquals(status, answer.status(), answer::toString);
        assertFits(description, method, path, status, answer.json(), mayBeAbsent);
    }

    private static void assertFits(JsonNode description, String method, String path, int status, JsonNode answer,
                                   String... mayBeAbsent) {
        List<String> problems = new ArrayList<>();
        fits(answer, responseSchema(description, method, path, status), description, "", problems);
        // A record-typed field that may be absent, wherever it is (e.g. in every item of a list).
        problems.removeIf(problem -> java.util.Arrays.stream(mayBeAbsent).anyMatch(field ->
                problem.matches(".*" + field + " is (missing|null)")));
        assertTrue(problems.isEmpty(), method.toUpperCase() + " " + path + " does not fit its description: " + problems
                + " in " + answer);
    }

    private static JsonNode responseSchema(JsonNode description, String path) {
        return responseSchema(description, "get", path, 200);
    }

    private static JsonNode responseSchema(JsonNode description, String method, String path, int status) {
        JsonNode responses = description.path("paths").path(path).path(method).path("responses");
        JsonNode response = responses.has(String.valueOf(status)) ? responses.get(String.valueOf(status)) : responses.path("default");
        JsonNode schema = response.path("content").path("application/json").path("schema");
        assertTrue(schema.has("$ref") || schema.path("items").has("$ref"),
                method.toUpperCase() + " " + path + " answers records: " + schema);
        return schema;
    }

    /** The few parts of OpenAPI the generator writes for records: $ref, object, array and the scalars. */
    private static void fits(JsonNode value, JsonNode schema, JsonNode description, String at, List<String> problems) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
            fits(value, description.path("components").path("schemas").path(name), description, at, problems);
            return;
        }
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean()) {
                problems.add(at + " is null");
            }
            return;
        }
        switch (schema.path("type").asText()) {
            case "object" -> {
                if (!value.isObject()) {
                    problems.add(at + " is not an object");
                    return;
                }
                JsonNode properties = schema.path("properties");
                value.fieldNames().forEachRemaining(field -> {
                    // An object without properties is any object (a stored record passed on as it is).
                    if (!properties.has(field) && !schema.has("additionalProperties") && schema.has("properties")) {
                        problems.add(at + "/" + field + " is not described");
                    }
                });
                properties.fieldNames().forEachRemaining(field -> {
                    if (value.has(field)) {
                        fits(value.get(field), properties.get(field), description, at + "/" + field, problems);
                    } else if (!properties.get(field).path("nullable").asBoolean()) {
                        // Keycloak omits null fields: only a nullable one may be absent (or null).
                        problems.add(at + "/" + field + " is missing");
                    }
                });
            }
            case "array" -> {
                if (!value.isArray()) {
                    problems.add(at + " is not an array");
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    fits(value.get(i), schema.path("items"), description, at + "/" + i, problems);
                }
            }
            case "string" -> {
                if (!value.isTextual()) {
                    problems.add(at + " is not a string");
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    problems.add(at + " is not a boolean");
                }
            }
            case "integer", "number" -> {
                if (!value.isNumber()) {
                    problems.add(at + " is not a number");
                }
            }
            default -> problems.add(at + " has a schema this check does not know: " + schema);
        }
    }
}
