package com.maintenanceaccess.it.scim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Realm;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The request sequences Microsoft Entra ID and Okta send, as their public documentation shows them
 * (Microsoft: "Tutorial: Develop and plan provisioning for a SCIM endpoint", the request/response
 * examples; Okta: "SCIM 2.0 protocol reference" / "Build a SCIM provisioning integration"), replayed
 * with their quirks (string booleans, capitalised ops, path-less replace, Entra's extra group schema,
 * Okta's password and id fields) against an account's endpoint. Ids and names are made unique.
 */
class ScimDirectoryReplayIT {

    private final Realm realm = Realm.maintenance();
    private String account;
    private String alias;
    private String secret;

    @BeforeEach
    void accountWithToken() {
        // Both directories' group names map to templates (the account's mapping, docs/scim.md).
        account = realm.createAccount("scim-replay", true, Map.of("mx.scim.group-map",
                List.of("displayName=planner", "Test SCIMv2=stores")));
        alias = realm.adminGet("/organizations/" + account).get("alias").asText();
        String admin = realm.accountPerson(account, "scim-replay-admin", "account-administrator");
        Http.Response token = Http.postJson(realm.url("/mx/accounts/" + account + "/scim-tokens"), realm.userToken(admin),
                Map.of("name", "replay"));
        assertEquals(201, token.status(), token::toString);
        secret = token.json().get("secret").asText();
    }

    @Test
    void entraIdsDocumentedSequence() {
        String unique = UUID.randomUUID().toString();
        // Test connection: a user that does not exist.
        JsonNode none = ok(get("/Users?filter=" + encode("userName eq \"non-existent user\"")));
        assertEquals(0, none.get("totalResults").asInt());

        Http.Response created = send("POST", "/Users", """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "externalId": "%1$s",
                 "userName": "Test_User_%1$s",
                 "active": true,
                 "emails": [{"primary": true, "type": "work", "value": "Test_User_%1$s@testuser.com"}],
                 "meta": {"resourceType": "User"},
                 "name": {"formatted": "givenName familyName", "familyName": "familyName", "givenName": "givenName"},
                 "roles": []}""".formatted(unique));
        assertEquals(201, created.status(), created::toString);
        String id = created.json().get("id").asText();
        assertTrue(created.header("Location").endsWith("/Users/" + id), created.header("Location"));

        assertEquals(1, ok(get("/Users?filter=" + encode("userName eq \"Test_User_" + unique + "\""))).get("totalResults").asInt());
        assertEquals(1, ok(get("/Users?filter=" + encode("externalId eq \"" + unique + "\""))).get("totalResults").asInt());

        JsonNode updated = ok(send("PATCH", "/Users/" + id, """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [
                   {"op": "Replace", "path": "emails[type eq \\"work\\"].value", "value": "updated-%1$s@microsoft.com"},
                   {"op": "Replace", "path": "name.familyName", "value": "updatedFamilyName"}]}""".formatted(unique)));
        assertEquals("updatedFamilyName", updated.get("name").get("familyName").asText());
        assertEquals("updated-" + unique + "@microsoft.com", realm.adminGet("/users/" + id).get("email").asText());

        Http.Response group = send("POST", "/Groups", """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group",
                             "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
                 "externalId": "%s", "displayName": "displayName", "meta": {"resourceType": "Group"}}""".formatted(unique));
        assertEquals(201, group.status(), group::toString);
        String groupId = group.json().get("id").asText();
        assertEquals(1, ok(get("/Groups?excludedAttributes=members&filter=" + encode("displayName eq \"displayName\"")))
                .get("totalResults").asInt());
        ok(send("PATCH", "/Groups/" + groupId, """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "Add", "path": "members", "value": [{"$ref": null, "value": "%s"}]}]}""".formatted(id)));
        assertEquals(List.of("planner"), realm.templatesIn(account, id));
        ok(send("PATCH", "/Groups/" + groupId, """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "Remove", "path": "members", "value": [{"$ref": null, "value": "%s"}]}]}""".formatted(id)));
        assertEquals(List.of(), realm.templatesIn(account, id));

        // Disable: Entra sends the boolean as a string.
        JsonNode disabled = ok(send("PATCH", "/Users/" + id, """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "Replace", "path": "active", "value": "False"}]}"""));
        assertFalse(disabled.get("active").asBoolean());
        assertFalse(realm.adminGet("/users/" + id).get("enabled").asBoolean());

        assertEquals(204, Http.delete(scim("/Users/" + id), secret).status());
        assertEquals(404, get("/Users/" + id).status());
        assertEquals(204, Http.delete(scim("/Groups/" + groupId), secret).status());
    }

    @Test
    void oktasDocumentedSequence() {
        String user = "test.user-" + UUID.randomUUID().toString().substring(0, 8) + "@okta.local";
        JsonNode none = ok(get("/Users?filter=" + encode("userName eq \"" + user + "\"") + "&startIndex=1&count=100"));
        assertEquals(0, none.get("totalResults").asInt());

        Http.Response created = send("POST", "/Users", """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                 "userName": "%1$s",
                 "name": {"givenName": "Test", "familyName": "User"},
                 "emails": [{"primary": true, "value": "%1$s", "type": "work"}],
                 "displayName": "Test User", "locale": "en-US", "externalId": "00ujl29u0le5T6Aj10h7",
                 "groups": [], "password": "1mz050nq", "active": true}""".formatted(user));
        assertEquals(201, created.status(), created::toString);
        String id = created.json().get("id").asText();

        // Okta's profile push: a PUT of the whole user, as it last read it.
        JsonNode read = ok(get("/Users/" + id));
        String put = read.toString().replace("\"familyName\":\"User\"", "\"familyName\":\"Pushed\"");
        assertEquals("Pushed", ok(send("PUT", "/Users/" + id, put)).get("name").get("familyName").asText());

        Http.Response group = send("POST", "/Groups", """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": "Test SCIMv2", "members": []}""");
        assertEquals(201, group.status(), group::toString);
        String groupId = group.json().get("id").asText();
        ok(send("PATCH", "/Groups/" + groupId, """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "replace", "value": {"id": "%s", "displayName": "Test SCIMv2"}}]}""".formatted(groupId)));
        ok(send("PATCH", "/Groups/" + groupId, """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "add", "path": "members", "value": [{"value": "%s", "display": "%s"}]}]}""".formatted(id, user)));
        assertEquals(List.of("stores"), realm.templatesIn(account, id));
        ok(send("PATCH", "/Groups/" + groupId, """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "remove", "path": "members[value eq \\"%s\\"]"}]}""".formatted(id)));
        assertEquals(List.of(), realm.templatesIn(account, id));

        // Deactivation: a path-less replace.
        JsonNode off = ok(send("PATCH", "/Users/" + id, """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "replace", "value": {"active": false}}]}"""));
        assertFalse(off.get("active").asBoolean());
        assertFalse(realm.adminGet("/users/" + id).get("enabled").asBoolean());
        JsonNode on = ok(send("PATCH", "/Users/" + id, """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "replace", "value": {"active": true}}]}"""));
        assertTrue(on.get("active").asBoolean());
    }

    // ------------------------------------------------------------------------------------

    private static JsonNode ok(Http.Response response) {
        assertEquals(200, response.status(), response::toString);
        return response.json();
    }

    private Http.Response get(String path) {
        return Http.get(scim(path), secret);
    }

    private Http.Response send(String method, String path, String body) {
        return Http.send(method, scim(path), secret, "application/scim+json", body);
    }

    private String scim(String path) {
        return realm.url("/mx/accounts/" + alias + "/scim/v2" + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
