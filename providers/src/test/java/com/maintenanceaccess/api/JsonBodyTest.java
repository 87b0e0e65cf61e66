package com.maintenanceaccess.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonBodyTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> refusal(String body) {
        WebApplicationException e = assertThrows(WebApplicationException.class, () -> JsonBody.object(body));
        assertEquals(400, e.getResponse().getStatus());
        return (Map<String, Object>) e.getResponse().getEntity();
    }

    @SuppressWarnings("unchecked")
    private static String field(Map<String, Object> body) {
        return (String) ((List<Map<String, Object>>) body.get("problems")).get(0).get("field");
    }

    @Test
    void hostileBodiesAre400NamingTheBody() {
        for (String body : List.of("{\"n\": " + "9".repeat(5000) + "}", "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
                "{\"reason\": \"" + "x".repeat(70 * 1024) + "\"}", "{\"reason\": ", "[]", "42", "null", "")) {
            Map<String, Object> refusal = refusal(body);
            assertEquals("invalid_request", refusal.get("error"));
            assertEquals("body", field(refusal), () -> body.length() > 40 ? body.substring(0, 40) : body);
            assertTrue(((String) refusal.get("error_description")).endsWith("Nothing was changed."));
        }
    }

    @Test
    void aNumberOfTwentyDigitsAndNestingOfSixteenLevelsAreFine() {
        assertEquals(12345678901234567L, JsonBody.object("{\"n\": 12345678901234567}").get("n").asLong());
        String nested = "[".repeat(14) + "]".repeat(14);
        assertTrue(JsonBody.object("{\"a\":" + nested + "}").get("a").isArray());
    }

    @Test
    void unknownFieldsAndWrongTypesNameTheField() {
        WebApplicationException unknown = assertThrows(WebApplicationException.class,
                () -> JsonBody.object("{\"userId\":\"u\",\"admin\":true}", true, Set.of("userId")));
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) unknown.getResponse().getEntity();
        assertEquals("admin", field(body));
        WebApplicationException notText = assertThrows(WebApplicationException.class,
                () -> JsonBody.text(JsonBody.object("{\"userId\": 42}"), "userId"));
        @SuppressWarnings("unchecked")
        Map<String, Object> textBody = (Map<String, Object>) notText.getResponse().getEntity();
        assertEquals("userId", field(textBody));
        assertEquals(null, JsonBody.integer(JsonBody.object("{}"), "expiresInDays"));
    }

    @Test
    void problemsFromFieldMessagesKeepTheField() {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) Problems.badRequest(List.of("features[0]: unknown feature 'x'",
                "a sentence without a field")).getEntity();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> problems = (List<Map<String, Object>>) body.get("problems");
        assertEquals("features[0]", problems.get(0).get("field"));
        assertEquals("unknown feature 'x'", problems.get(0).get("message"));
        assertEquals("body", problems.get(1).get("field"));
    }
}
