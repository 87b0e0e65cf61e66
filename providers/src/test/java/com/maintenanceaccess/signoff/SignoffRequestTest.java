package com.maintenanceaccess.signoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignoffRequestTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final String RELEASE = "{\"type\":\"release\",\"aircraft\":{\"registration\":\"G-ABCD\",\"type\":\"A320\"},"
            + "\"workOrder\":\"4711\",\"taskCategory\":\"line\",\"declaration\":\"I certify.\"%s}";

    private static JsonNode json(String extra) throws Exception {
        return new ObjectMapper().readTree(String.format(RELEASE, extra));
    }

    private static List<String> problems(String json) {
        SignoffRequest.Invalid e = assertThrows(SignoffRequest.Invalid.class,
                () -> SignoffRequest.parse(new ObjectMapper().readTree(json), NOW));
        return e.problems().stream().map(com.maintenanceaccess.kernel.Problems.Problem::field).toList();
    }

    @Test
    void aReleaseNeedsCertifyingStaff() throws Exception {
        SignoffRequest r = SignoffRequest.parse(json(""), NOW);
        assertEquals(SignoffRequest.Type.RELEASE, r.type());
        assertEquals("certifying-staff", r.authorizationType());
        assertEquals("G-ABCD", r.registration());
    }

    @Test
    void unknownFieldsInsideAircraftAndInspectsAreNamed() {
        assertEquals(List.of("aircraft.colour"), problems("{\"type\":\"release\",\"aircraft\":{\"registration\":\"G-ABCD\","
                + "\"type\":\"A320\",\"colour\":\"red\"},\"workOrder\":\"4711\",\"taskCategory\":\"line\",\"declaration\":\"x\"}"));
        assertEquals(List.of("inspects.self"), problems(String.format(RELEASE,
                ",\"inspects\":{\"performedBy\":\"s1\",\"self\":true}").replace("\"type\":\"release\"", "\"type\":\"inspection\"")));
    }

    @Test
    void aTimeInThePastIsBackdating() throws Exception {
        assertEquals(List.of("time"), problems(String.format(RELEASE, ",\"time\":\"2026-12-01T09:00:00Z\"")));
        assertEquals(List.of("time"), problems(String.format(RELEASE, ",\"time\":\"2026-12-01T11:00:00Z\"")));
        assertEquals(List.of("time"), problems(String.format(RELEASE, ",\"time\":\"yesterday\"")));
        SignoffRequest.parse(json(",\"time\":\"2026-12-01T09:59:50Z\""), NOW);
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        assertEquals(List.of("type", "aircraft", "workOrder", "taskCategory", "declaration"), problems("{}"));
        assertEquals(List.of("type", "aircraft.registration", "workOrder", "taskCategory", "declaration"),
                problems("{\"type\":\"stamp\",\"aircraft\":{\"type\":\"A320\"}}"));
    }

    @Test
    void anInspectionNamesTheSignatureOfTheWork() throws Exception {
        String rii = "{\"type\":\"inspection\",\"aircraft\":{\"registration\":\"G-ABCD\",\"type\":\"A320\"},"
                + "\"workOrder\":\"4711\",\"taskCategory\":\"line\",\"declaration\":\"Inspected.\"";
        assertEquals(List.of("inspects"), problems(rii + "}"));
        SignoffRequest r = SignoffRequest.parse(new ObjectMapper().readTree(rii + ",\"inspects\":{\"performedBy\":\"s1\"}}"), NOW);
        assertEquals("inspection", r.authorizationType());
        assertEquals("s1", r.performedSignature());
        assertTrue(problems(String.format(RELEASE, ",\"inspects\":{\"performedBy\":\"s1\"}")).contains("inspects"));
    }
}
