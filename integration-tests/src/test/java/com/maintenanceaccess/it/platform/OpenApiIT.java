package com.maintenanceaccess.it.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

        Http.Response mine = Http.get(realm.url("/mx/me/authorizations"), realm.userToken(member));
        assertEquals(200, mine.status(), mine::toString);
        assertFits(description, "/me/authorizations", mine.json());

        Http.Response invitations = Http.get(realm.url("/mx/invitations?account=" + account), token);
        assertEquals(200, invitations.status(), invitations::toString);
        assertFits(description, "/invitations", invitations.json(), "/pendingApproval");

        Http.Response approvals = Http.get(realm.url("/mx/accounts/" + account + "/approvals"), token);
        assertEquals(200, approvals.status(), approvals::toString);
        assertFits(description, "/accounts/{account}/approvals", approvals.json(), "/decidedBy");
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
        List<String> problems = new ArrayList<>();
        fits(answer, responseSchema(description, path), description, "", problems);
        // A record-typed field that may be absent, wherever it is (e.g. in every item of a list).
        problems.removeIf(problem -> java.util.Arrays.stream(mayBeAbsent).anyMatch(field -> problem.endsWith(field + " is missing")));
        assertTrue(problems.isEmpty(), "GET " + path + " does not fit its description: " + problems + " in " + answer);
    }

    private static JsonNode responseSchema(JsonNode description, String path) {
        JsonNode responses = description.path("paths").path(path).path("get").path("responses");
        // A method that answers its record is "default"; one that answers a Response declares its 200.
        JsonNode schema = (responses.has("default") ? responses.path("default") : responses.path("200"))
                .path("content").path("application/json").path("schema");
        assertTrue(schema.has("$ref") || schema.path("items").has("$ref"), "GET " + path + " answers records: " + schema);
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
                    if (!properties.has(field) && !schema.has("additionalProperties")) {
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
