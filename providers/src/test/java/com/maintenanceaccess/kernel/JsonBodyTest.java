package com.maintenanceaccess.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonBodyTest {

    @Test
    void hostileBodiesAreRefusedNamingTheBody() {
        for (String body : List.of("{\"n\": " + "9".repeat(5000) + "}", "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
                "{\"reason\": \"" + "x".repeat(70 * 1024) + "\"}", "{\"reason\": ", "[]", "42", "null", "",
                "{\"s\": \"" + "y".repeat(17 * 1024) + "\"}")) {
            JsonBody.Invalid refusal = assertThrows(JsonBody.Invalid.class, () -> JsonBody.read(body, true),
                    () -> body.length() > 40 ? body.substring(0, 40) : body);
            assertEquals("body", refusal.problem().field());
        }
    }

    @Test
    void aLongNumberAndNestingWithinTheLimitsAreFine() {
        assertEquals(12345678901234567L, JsonBody.read("{\"n\": 12345678901234567}", true).get("n").asLong());
        String nested = "[".repeat(14) + "]".repeat(14);
        assertTrue(JsonBody.read("{\"a\":" + nested + "}", true).get("a").isArray());
        assertTrue(JsonBody.read("", false).isEmpty(), "an optional body may be empty");
    }

    @Test
    void theErrorBodyNamesEachFieldAndSaysNothingChanged() {
        Map<String, Object> body = Wire.of(Problems.badRequestBody(List.of(Problems.problem("features[0]", "unknown feature 'x'"),
                Problems.problem("body", "a sentence without a field"))));
        assertEquals("invalid_request", body.get("error"));
        assertTrue(((String) body.get("error_description")).endsWith("Nothing was changed."));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> problems = (List<Map<String, Object>>) body.get("problems");
        assertEquals("features[0]", problems.get(0).get("field"));
        assertEquals("unknown feature 'x'", problems.get(0).get("message"));
        assertEquals("body", problems.get(1).get("field"));
    }
}
