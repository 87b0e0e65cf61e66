package com.maintenanceaccess.scim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** ServiceProviderConfig, ResourceTypes and Schemas (RFC 7643 §5–7): what this provider does, nothing more. */
final class ScimDiscovery {

    static final String SPC = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
    static final String RESOURCE_TYPE = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
    static final String SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";

    private ScimDiscovery() {
    }

    static ObjectNode serviceProviderConfig(String baseUrl) {
        ObjectNode config = ScimPatch.object();
        config.putArray("schemas").add(SPC);
        config.putObject("patch").put("supported", true);
        config.putObject("bulk").put("supported", false).put("maxOperations", 0).put("maxPayloadSize", 0);
        config.putObject("filter").put("supported", true).put("maxResults", ScimUsers.MAX_PAGE);
        config.putObject("changePassword").put("supported", false);
        config.putObject("sort").put("supported", false);
        config.putObject("etag").put("supported", true);
        config.putArray("authenticationSchemes").addObject()
                .put("type", "oauthbearertoken")
                .put("name", "Provisioning token")
                .put("description", "A provisioning token of this account (Authorization: Bearer mxscim_…), created by an"
                        + " account administrator in the workspace")
                .put("primary", true);
        meta(config, "ServiceProviderConfig", baseUrl + "/ServiceProviderConfig");
        return config;
    }

    static ObjectNode resourceTypes(String baseUrl) {
        return list(resourceType(baseUrl, "User", "/Users", ScimJson.USER), resourceType(baseUrl, "Group", "/Groups", ScimJson.GROUP));
    }

    static ObjectNode resourceType(String baseUrl, String name) {
        return switch (name) {
            case "User" -> resourceType(baseUrl, "User", "/Users", ScimJson.USER);
            case "Group" -> resourceType(baseUrl, "Group", "/Groups", ScimJson.GROUP);
            default -> throw ScimError.notFound("ResourceType", name);
        };
    }

    private static ObjectNode resourceType(String baseUrl, String name, String endpoint, String schema) {
        ObjectNode type = ScimPatch.object();
        type.putArray("schemas").add(RESOURCE_TYPE);
        type.put("id", name);
        type.put("name", name);
        type.put("endpoint", endpoint);
        type.put("schema", schema);
        if ("User".equals(name)) {
            type.putArray("schemaExtensions").addObject().put("schema", ScimJson.ENTERPRISE_USER).put("required", false);
        }
        meta(type, "ResourceType", baseUrl + "/ResourceTypes/" + name);
        return type;
    }

    static ObjectNode schemas(String baseUrl) {
        return list(userSchema(baseUrl), groupSchema(baseUrl));
    }

    static ObjectNode schema(String baseUrl, String id) {
        if (ScimJson.USER.equals(id)) {
            return userSchema(baseUrl);
        }
        if (ScimJson.GROUP.equals(id)) {
            return groupSchema(baseUrl);
        }
        throw ScimError.notFound("Schema", id);
    }

    private static ObjectNode userSchema(String baseUrl) {
        ObjectNode schema = schemaHead(ScimJson.USER, "User", "A person of the account");
        ArrayNode attributes = schema.putArray("attributes");
        attribute(attributes, "userName", "string", true, "readWrite", "server");
        attribute(attributes, "externalId", "string", false, "readWrite", "none");
        ObjectNode name = attribute(attributes, "name", "complex", true, "readWrite", "none");
        ArrayNode nameParts = name.putArray("subAttributes");
        attribute(nameParts, "givenName", "string", true, "readWrite", "none");
        attribute(nameParts, "familyName", "string", true, "readWrite", "none");
        attribute(nameParts, "formatted", "string", false, "readOnly", "none");
        attribute(attributes, "displayName", "string", false, "readOnly", "none");
        ObjectNode emails = attribute(attributes, "emails", "complex", true, "readWrite", "none").put("multiValued", true);
        ArrayNode emailParts = emails.putArray("subAttributes");
        attribute(emailParts, "value", "string", true, "readWrite", "server");
        attribute(emailParts, "type", "string", false, "readWrite", "none");
        attribute(emailParts, "primary", "boolean", false, "readWrite", "none");
        attribute(attributes, "active", "boolean", false, "readWrite", "none");
        attribute(attributes, "groups", "complex", false, "readOnly", "none").put("multiValued", true);
        meta(schema, "Schema", baseUrl + "/Schemas/" + ScimJson.USER);
        return schema;
    }

    private static ObjectNode groupSchema(String baseUrl) {
        ObjectNode schema = schemaHead(ScimJson.GROUP, "Group", "A role template of the account (docs/scim.md)");
        ArrayNode attributes = schema.putArray("attributes");
        attribute(attributes, "displayName", "string", true, "readWrite", "server");
        attribute(attributes, "externalId", "string", false, "readWrite", "none");
        attribute(attributes, "members", "complex", false, "readWrite", "none").put("multiValued", true);
        meta(schema, "Schema", baseUrl + "/Schemas/" + ScimJson.GROUP);
        return schema;
    }

    private static ObjectNode schemaHead(String id, String name, String description) {
        ObjectNode schema = ScimPatch.object();
        schema.putArray("schemas").add(SCHEMA);
        schema.put("id", id);
        schema.put("name", name);
        schema.put("description", description);
        return schema;
    }

    private static ObjectNode attribute(ArrayNode attributes, String name, String type, boolean required, String mutability,
                                        String uniqueness) {
        return attributes.addObject().put("name", name).put("type", type).put("multiValued", false)
                .put("required", required).put("caseExact", false).put("mutability", mutability)
                .put("returned", "default").put("uniqueness", uniqueness);
    }

    private static ObjectNode list(ObjectNode... resources) {
        ObjectNode answer = ScimPatch.object();
        answer.putArray("schemas").add(ScimJson.LIST_RESPONSE);
        answer.put("totalResults", resources.length);
        answer.put("startIndex", 1);
        answer.put("itemsPerPage", resources.length);
        ArrayNode list = answer.putArray("Resources");
        for (ObjectNode resource : resources) {
            list.add(resource);
        }
        return answer;
    }

    private static void meta(ObjectNode resource, String type, String location) {
        resource.putObject("meta").put("resourceType", type).put("location", location);
    }
}
