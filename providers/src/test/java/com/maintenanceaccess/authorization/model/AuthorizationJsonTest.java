package com.maintenanceaccess.authorization.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization.Status;
import com.maintenanceaccess.kernel.Problems.Problem;
import org.junit.jupiter.api.Test;

class AuthorizationJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theReadableFormReadsBackWithoutStatus() {
        PersonnelAuthorization crs = Fixtures.crs().withStatus(Status.SUSPENDED, "x", Fixtures.NOW);
        ObjectNode json = AuthorizationJson.write(crs, Fixtures.NOW);
        assertEquals("suspended", json.get("state").asText());
        assertEquals("B1.1", json.get("licence").get("category").asText());
        PersonnelAuthorization read = AuthorizationJson.read(json);
        assertEquals(Status.ACTIVE, read.status());
        assertEquals(crs.withIdentity(null, crs.issuer()).withStatus(Status.ACTIVE, null, null), read);
    }

    @Test
    void unknownFieldsAndBadShapesAreNamed() throws Exception {
        InvalidAuthorizationException e = assertThrows(InvalidAuthorizationException.class, () -> AuthorizationJson.read(
                JSON.readTree("{\"type\":\"inspection\",\"colour\":\"red\",\"scope\":{\"aircraft\":\"A320\"},"
                        + "\"experience\":[{\"from\":\"2025-01-01\"}],\"expiry\":\"tomorrow\"}")));
        assertEquals("[colour, experience[0], expiry, scope.aircraft]",
                e.errors().stream().map(Problem::field).sorted().toList().toString());
    }

    @Test
    void nullWhereAListOrObjectGoesAndUnknownNestedFieldsAreNamed() throws Exception {
        InvalidAuthorizationException e = assertThrows(InvalidAuthorizationException.class, () -> AuthorizationJson.read(
                JSON.readTree("{\"type\":\"inspection\",\"scope\":null,\"licence\":null,\"experience\":null}")));
        assertEquals("[experience, scope]", e.errors().stream().map(Problem::field).sorted().toList().toString());
        e = assertThrows(InvalidAuthorizationException.class, () -> AuthorizationJson.read(JSON.readTree(
                "{\"type\":\"inspection\",\"scope\":{\"aircraft\":null,\"wings\":[]},\"licence\":{\"colour\":\"red\"}}")));
        assertEquals("[licence.colour, scope.aircraft, scope.wings]",
                e.errors().stream().map(Problem::field).sorted().toList().toString());
    }
}
