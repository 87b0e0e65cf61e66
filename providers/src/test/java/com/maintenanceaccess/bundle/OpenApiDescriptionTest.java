package com.maintenanceaccess.bundle;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The typed contract (docs/architecture.md): the description of /mx that the build generates from the
 * JAX-RS resources (swagger-maven-plugin-jakarta, providers/pom.xml, into the jar) is the one kept in
 * docs/openapi.json, from which the account console generates its TypeScript types. A resource, record or
 * parameter changed without refreshing the copy fails here, naming what differs.
 */
class OpenApiDescriptionTest {

    static final String REFRESH = "Refresh it: mvn -B -q process-classes -pl providers -am"
            + " && cp providers/target/classes/META-INF/mx-openapi.json docs/openapi.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void docsCopyIsWhatTheCodeGenerates() throws IOException {
        JsonNode generated = generated();
        Path copy = Path.of("..", "docs", "openapi.json");
        assertTrue(Files.exists(copy), "docs/openapi.json is missing. " + REFRESH);
        JsonNode kept = withoutOperationIds(JSON.readTree(copy.toFile()));
        generated = withoutOperationIds(generated);
        if (!generated.equals(kept)) {
            List<String> differences = new ArrayList<>();
            differ("", generated, kept, differences);
            fail("docs/openapi.json is not the description the code generates; it differs at "
                    + String.join(", ", differences.subList(0, Math.min(10, differences.size())))
                    + (differences.size() > 10 ? " and " + (differences.size() - 10) + " more places" : "")
                    + ". " + REFRESH);
        }
    }

    /** The generator really read the resources: the locators' sub-resources and the records are in it. */
    @Test
    void describesTheSubResourcesAndTheirTypes() throws IOException {
        JsonNode generated = generated();
        assertTrue(generated.path("paths").has("/accounts/{account}/people/{userId}"), "a sub-resource locator's path");
        assertTrue(generated.path("paths").path("/me").has("get"), "GET /me");
        assertTrue(generated.path("components").path("schemas").has("Me"), "the record GET /me answers");
    }

    private static JsonNode generated() throws IOException {
        try (InputStream in = OpenApiDescriptionTest.class.getResourceAsStream("/META-INF/mx-openapi.json")) {
            assertNotNull(in, "the build did not generate META-INF/mx-openapi.json (providers/pom.xml, swagger-maven-plugin-jakarta)");
            return JSON.readTree(in);
        }
    }

    /**
     * The description without its operation ids: the generator numbers methods of one name (get_4)
     * in the order it reads the resources, which changes when a resource moves, and nothing uses them.
     */
    static JsonNode withoutOperationIds(JsonNode description) {
        JsonNode copy = description.deepCopy();
        copy.path("paths").forEach(path -> path.forEach(operation -> {
            if (operation.isObject()) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) operation).remove("operationId");
            }
        }));
        return copy;
    }

    /** JSON pointers where the two trees differ, the shallowest first. */
    private static void differ(String at, JsonNode generated, JsonNode kept, List<String> out) {
        if (generated.equals(kept)) {
            return;
        }
        if (generated.isObject() && kept.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            generated.fieldNames().forEachRemaining(names::add);
            kept.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String here = at + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!generated.has(name)) {
                    out.add(here + " (only in docs/openapi.json)");
                } else if (!kept.has(name)) {
                    out.add(here + " (not in docs/openapi.json)");
                } else {
                    differ(here, generated.get(name), kept.get(name), out);
                }
            }
            return;
        }
        out.add(at.isEmpty() ? "/" : at);
    }
}
