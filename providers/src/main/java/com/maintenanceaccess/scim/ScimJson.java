package com.maintenanceaccess.scim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.maintenanceaccess.kernel.JsonBody;

/** Reading and writing SCIM bodies with the bundle's JSON limits ({@link JsonBody}), answered as SCIM errors. */
final class ScimJson {

    static final String MEDIA_TYPE = "application/scim+json";
    static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    static final String ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    /** Entra ID names it beside the core Group schema when it creates a group; it adds no attribute the bundle keeps. */
    static final String ENTRA_GROUP = "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group";
    static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    private ScimJson() {
    }

    /** A JSON object within the bundle's limits: 413 for a body over 64 KiB, 400 invalidSyntax otherwise. */
    static ObjectNode object(String body) {
        if (body != null && body.length() > JsonBody.MAX_BYTES) {
            throw ScimError.tooLarge("the body is larger than " + JsonBody.MAX_BYTES + " bytes");
        }
        try {
            return JsonBody.parse(body);
        } catch (IllegalArgumentException e) {
            throw ScimError.invalidSyntax(e.getMessage());
        }
    }

    static String write(Object value) {
        try {
            return JsonBody.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A boolean, also as the strings Entra ID sends ({@code "True"}, {@code "False"}); null when
     * absent or JSON null; 400 invalidValue naming {@code attribute} for anything else.
     */
    static Boolean bool(JsonNode value, String attribute) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual() && ("true".equalsIgnoreCase(value.asText().trim()) || "false".equalsIgnoreCase(value.asText().trim()))) {
            return Boolean.parseBoolean(value.asText().trim().toLowerCase());
        }
        throw ScimError.invalidValue(attribute + ": must be a boolean");
    }

    /** A string attribute: null when absent or null; 400 invalidValue naming it when not a string or too long. */
    static String text(JsonNode value, String attribute, int max) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ScimError.invalidValue(attribute + ": must be a string");
        }
        String text = value.asText().trim();
        if (text.length() > max) {
            throw ScimError.invalidValue(attribute + ": at most " + max + " characters");
        }
        return text.isEmpty() ? null : text;
    }

    /** The schemas a resource body declares: required, a list of strings, only {@code known}, including {@code core}. */
    static void requireSchemas(ObjectNode body, String core, java.util.Set<String> known) {
        JsonNode schemas = body.get("schemas");
        if (schemas == null || !schemas.isArray() || schemas.isEmpty()) {
            throw ScimError.invalidSyntax("schemas: required, a list naming " + core);
        }
        boolean hasCore = false;
        for (JsonNode schema : schemas) {
            if (!schema.isTextual() || !known.contains(schema.asText())) {
                throw ScimError.invalidSyntax("schemas: unknown schema " + (schema.isTextual() ? schema.asText() : schema.toString())
                        + " (this service provider knows " + known + ")");
            }
            hasCore |= core.equals(schema.asText());
        }
        if (!hasCore) {
            throw ScimError.invalidSyntax("schemas: must include " + core);
        }
        body.fieldNames().forEachRemaining(name -> {
            if (name.startsWith("urn:") && !known.contains(name)) {
                throw ScimError.invalidSyntax(name + ": unknown schema extension");
            }
        });
    }
}
