package com.maintenanceaccess.signoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignoffStatementTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SHOWN = "{\"type\":\"release\",\"aircraft\":{\"registration\":\"G-AAAA\",\"type\":\"A320\"},"
            + "\"workOrder\":\"BB-1\",\"task\":\"7\",\"taskCategory\":\"line\",\"base\":\"LHR\",\"declaration\":\"Certifies.\"}";

    private static SignoffRequest request(String registration, String workOrder) throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree(SHOWN);
        ((ObjectNode) body.get("aircraft")).put("registration", registration);
        body.put("workOrder", workOrder);
        return SignoffRequest.parse(body, Instant.now());
    }

    @Test
    void aBodyThatSaysWhatWasShownMatches() throws Exception {
        SignoffStatement statement = SignoffStatement.parse(SHOWN).orElseThrow();
        assertTrue(statement.matches(request("G-AAAA", "BB-1")));
        // Through the token claim (a map, as Keycloak parses it) the statement is the same.
        SignoffStatement fromToken = SignoffStatement.fromClaim(JSON.convertValue(statement.json(), Map.class)).orElseThrow();
        assertEquals(statement, fromToken);
    }

    @Test
    void anotherAircraftWorkOrderTaskOrDeclarationDoesNotMatch() throws Exception {
        SignoffStatement statement = SignoffStatement.parse(SHOWN).orElseThrow();
        assertFalse(statement.matches(request("G-ZZZZ", "BB-1")));
        assertFalse(statement.matches(request("G-AAAA", "BB-2")));
        ObjectNode body = (ObjectNode) JSON.readTree(SHOWN);
        body.remove("task");
        assertFalse(statement.matches(SignoffRequest.parse(body, Instant.now())), "a task shown must be signed");
        body = (ObjectNode) JSON.readTree(SHOWN);
        body.put("declaration", "Something else.");
        assertFalse(statement.matches(SignoffRequest.parse(body, Instant.now())));
        body = (ObjectNode) JSON.readTree(SHOWN);
        body.put("type", "task");
        assertFalse(statement.matches(SignoffRequest.parse(body, Instant.now())));
    }

    @Test
    void freeTextUnknownFieldsAndIncompleteStatementsAreNoStatement() {
        assertTrue(SignoffStatement.parse("certificate of release to service for G-AAAA").isEmpty());
        assertTrue(SignoffStatement.parse(null).isEmpty());
        assertTrue(SignoffStatement.parse(SHOWN.replace("\"base\"", "\"other\"")).isEmpty());
        assertTrue(SignoffStatement.parse("{\"type\":\"release\",\"aircraft\":{\"registration\":\"G-A\"}}").isEmpty());
        assertTrue(SignoffStatement.parse(SHOWN.replace("release", "lunch")).isEmpty());
        assertTrue(SignoffStatement.parse(SHOWN.replace("\"BB-1\"", "7")).isEmpty());
        assertTrue(SignoffStatement.fromClaim("text").isEmpty());
    }
}
