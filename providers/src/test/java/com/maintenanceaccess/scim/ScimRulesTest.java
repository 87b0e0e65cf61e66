package com.maintenanceaccess.scim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The SCIM rules that need no server: filters, the PATCH forms of Entra ID and Okta, user bodies, secrets. */
class ScimRulesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "userName eq \"Ann@MRO.example\"|USER_NAME|Ann@MRO.example",
            "externalId eq \"e-1\"|EXTERNAL_ID|e-1",
            "emails[type eq \"work\"].value eq \"a@b.example\"|EMAIL|a@b.example",
            "emails.value eq \"a@b.example\"|EMAIL|a@b.example",
            "urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"x\"|USER_NAME|x",
            "USERNAME EQ \"quote\\\"d\"|USER_NAME|quote\"d"})
    void supportedUserFilters(String filter, ScimFilter.Attribute attribute, String value) {
        ScimFilter parsed = ScimFilter.parse(filter, false);
        assertEquals(attribute, parsed.attribute());
        assertEquals(value, parsed.value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"userName co \"x\"", "userName eq \"a\" and externalId eq \"b\"", "title eq \"x\"",
            "userName pr", "displayName eq \"x\"", "userName eq x"})
    void otherUserFiltersAreInvalidFilter(String filter) {
        ScimError error = assertThrows(ScimError.class, () -> ScimFilter.parse(filter, false));
        assertEquals(400, error.status());
        assertEquals("invalidFilter", error.scimType());
    }

    @Test
    void groupFiltersByDisplayName() {
        assertEquals(ScimFilter.Attribute.DISPLAY_NAME, ScimFilter.parse("displayName eq \"Planners\"", true).attribute());
        assertThrows(ScimError.class, () -> ScimFilter.parse("userName eq \"x\"", true));
        assertNull(ScimFilter.parse(" ", true));
    }

    private static ObjectNode json(String text) {
        return ScimJson.object(text);
    }

    private static final String USER = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"ann@mro.example\","
            + "\"externalId\":\"e-1\",\"name\":{\"givenName\":\"Ann\",\"familyName\":\"Lee\"},"
            + "\"emails\":[{\"value\":\"home@mro.example\",\"type\":\"home\"},{\"value\":\"ann@mro.example\",\"type\":\"work\"}],"
            + "\"active\":true}";
    private static final String PATCH = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[%s]}";

    @Test
    void aUserBodyGivesTheWorkAddressAndIgnoresWhatIsNotKept() {
        ObjectNode body = json(USER);
        body.put("title", "Planner").putArray("phoneNumbers");
        ScimUserInput input = ScimUserInput.parse(body);
        assertEquals(new ScimUserInput("ann@mro.example", "e-1", "Ann", "Lee", "ann@mro.example", true), input);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"active\":\"maybe\"|active",
            "\"userName\":7|userName",
            "\"name\":\"Ann Lee\"|name",
            "\"emails\":[{\"value\":\"not-an-address\"}]|emails[0].value",
            "\"emails\":{\"value\":\"a@b.example\"}|emails"})
    void wrongTypesAreInvalidValueNamingTheAttribute(String field, String named) {
        ObjectNode body = json(USER);
        ObjectNode replacement = json("{" + field + "}");
        body.setAll(replacement);
        ScimError error = assertThrows(ScimError.class, () -> ScimUserInput.parse(body));
        assertEquals("invalidValue", error.scimType(), error.detail());
        assertTrue(error.detail().startsWith(named), error.detail());
    }

    @Test
    void unknownSchemasAreInvalidSyntax() {
        ObjectNode body = json(USER);
        body.putArray("schemas").add("urn:example:custom");
        assertEquals("invalidSyntax", assertThrows(ScimError.class, () -> ScimUserInput.parse(body)).scimType());
        ObjectNode extension = json(USER);
        extension.putObject("urn:example:custom:User").put("x", 1);
        assertEquals("invalidSyntax", assertThrows(ScimError.class, () -> ScimUserInput.parse(extension)).scimType());
    }

    @Test
    void anOversizedBodyIs413() {
        ScimError error = assertThrows(ScimError.class, () -> ScimJson.object("{\"a\":\"" + "x".repeat(70_000) + "\"}"));
        assertEquals(413, error.status());
    }

    @Test
    void entraIdsPatchStringBooleansAndCapitalisedOps() {
        ObjectNode patched = ScimPatch.applyToUser(json(USER), json(PATCH.formatted(
                "{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"},"
                        + "{\"op\":\"Replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"new@mro.example\"},"
                        + "{\"op\":\"Replace\",\"path\":\"name.familyName\",\"value\":\"Smith\"},"
                        + "{\"op\":\"Add\",\"path\":\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber\",\"value\":\"7\"}")));
        ScimUserInput input = ScimUserInput.parse(patched);
        assertFalse(input.active());
        assertEquals("new@mro.example", input.email());
        assertEquals("Smith", input.familyName());
    }

    @Test
    void oktasPathlessReplace() {
        ObjectNode patched = ScimPatch.applyToUser(json(USER), json(PATCH.formatted(
                "{\"op\":\"replace\",\"value\":{\"active\":false,\"name.givenName\":\"Annie\",\"externalId\":\"okta-9\"}}")));
        ScimUserInput input = ScimUserInput.parse(patched);
        assertFalse(input.active());
        assertEquals("Annie", input.givenName());
        assertEquals("okta-9", input.externalId());
    }

    @Test
    void removeNeedsAPathAndUnsupportedPathsAreInvalidPath() {
        assertEquals("noTarget", assertThrows(ScimError.class, () -> ScimPatch.applyToUser(json(USER),
                json(PATCH.formatted("{\"op\":\"remove\"}")))).scimType());
        assertEquals("invalidPath", assertThrows(ScimError.class, () -> ScimPatch.applyToUser(json(USER),
                json(PATCH.formatted("{\"op\":\"replace\",\"path\":\"addresses[type eq \\\"work\\\"].street\",\"value\":\"x\"}")))).scimType());
        assertEquals("invalidSyntax", assertThrows(ScimError.class, () -> ScimPatch.applyToUser(json(USER),
                json(PATCH.formatted("{\"op\":\"move\",\"path\":\"active\"}")))).scimType());
        ObjectNode removed = ScimPatch.applyToUser(json(USER), json(PATCH.formatted("{\"op\":\"remove\",\"path\":\"externalId\"}")));
        assertNull(ScimUserInput.parse(removed).externalId());
    }

    @Test
    void aSecretNamesItsTokenAndOnlyItsHashIsCompared() {
        String id = UUID.randomUUID().toString();
        String secret = ScimSecret.create(id);
        assertEquals(id, ScimSecret.tokenId(secret).orElseThrow());
        assertTrue(ScimSecret.matches(secret, ScimSecret.hash(secret)));
        assertFalse(ScimSecret.matches(secret + "x", ScimSecret.hash(secret)));
        assertFalse(ScimSecret.matches(ScimSecret.create(id), ScimSecret.hash(secret)), "another secret for the same id");
        assertTrue(ScimSecret.tokenId("eyJhbGciOiJSUzI1NiJ9.e30.sig").isEmpty(), "a realm JWT is no provisioning token");
        assertEquals(64, ScimSecret.hash(secret).length());
    }

    @Test
    void ifMatchComparesTheWeakVersion() {
        ObjectNode view = json("{\"id\":\"1\"}");
        view.putObject("meta").put("version", ScimUsers.version(view));
        String version = view.get("meta").get("version").asText();
        ScimUsers.requireVersion(view, version);
        ScimUsers.requireVersion(view, "*");
        ScimUsers.requireVersion(view, null);
        assertEquals(412, assertThrows(ScimError.class, () -> ScimUsers.requireVersion(view, "W/\"other\"")).status());
    }
}
