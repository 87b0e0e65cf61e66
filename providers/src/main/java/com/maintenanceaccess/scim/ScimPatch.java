package com.maintenanceaccess.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A User PATCH (RFC 7644 §3.5.2) applied to the user's current representation; the result is then
 * checked and written like a PUT ({@link ScimUserInput}), so PATCH and PUT cannot disagree.
 * The forms Entra ID and Okta send are understood: operation names in any case ({@code "Replace"}),
 * a replace without {@code path} whose value holds the attributes (also dotted ones such as
 * {@code "name.givenName"}), {@code emails[type eq "work"].value}, the core schema's URN as a
 * path prefix, and booleans as strings (read by {@link ScimJson#bool}).
 */
public final class ScimPatch {

    static final int MAX_OPERATIONS = 100;
    private static final Pattern FILTERED = Pattern.compile("(\\w+)\\[\\s*type\\s+eq\\s+\"([^\"]*)\"\\s*\\]\\.(\\w+)",
            Pattern.CASE_INSENSITIVE);
    /** Attributes of the core User schema by their lower-case name (attribute names are case-insensitive). */
    private static final Map<String, String> NAMES = Map.of("username", "userName", "externalid", "externalId",
            "active", "active", "name", "name", "emails", "emails", "displayname", "displayName",
            "givenname", "givenName", "familyname", "familyName");

    private ScimPatch() {
    }

    /** The operations of a PatchOp body, checked: schemas, 1 to {@value #MAX_OPERATIONS} operations, known op names. */
    static List<JsonNode> operations(ObjectNode body) {
        ScimJson.requireSchemas(body, ScimJson.PATCH_OP, java.util.Set.of(ScimJson.PATCH_OP));
        JsonNode operations = body.get("Operations");
        if (operations == null || !operations.isArray() || operations.isEmpty()) {
            throw ScimError.invalidSyntax("Operations: required, a non-empty list");
        }
        if (operations.size() > MAX_OPERATIONS) {
            throw ScimError.invalidValue("Operations: at most " + MAX_OPERATIONS + " per request");
        }
        List<JsonNode> list = new java.util.ArrayList<>();
        for (int i = 0; i < operations.size(); i++) {
            JsonNode operation = operations.get(i);
            String op = operation.isObject() ? ScimJson.text(operation.get("op"), "Operations[" + i + "].op", 10) : null;
            if (op == null || !List.of("add", "replace", "remove").contains(op.toLowerCase(Locale.ROOT))) {
                throw ScimError.invalidSyntax("Operations[" + i + "].op: one of add, replace, remove");
            }
            list.add(operation);
        }
        return list;
    }

    /** Applies a User PatchOp body to a copy of {@code current}. */
    public static ObjectNode applyToUser(ObjectNode current, ObjectNode body) {
        ObjectNode result = current.deepCopy();
        for (JsonNode operation : operations(body)) {
            String op = operation.get("op").asText().toLowerCase(Locale.ROOT);
            String path = ScimJson.text(operation.get("path"), "path", 500);
            JsonNode value = operation.get("value");
            if (path == null) {
                if ("remove".equals(op)) {
                    throw ScimError.noTarget("path: required for remove");
                }
                if (value == null || !value.isObject()) {
                    throw ScimError.invalidValue("value: an object of attributes when there is no path");
                }
                for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    if (field.getKey().startsWith("urn:") && !field.getKey().toLowerCase(Locale.ROOT)
                            .startsWith(ScimJson.USER.toLowerCase(Locale.ROOT))) {
                        continue; // an extension's attributes (enterprise): accepted, not kept
                    }
                    set(result, field.getKey(), field.getValue(), op);
                }
            } else if ("remove".equals(op)) {
                set(result, path, null, op);
            } else {
                if (value == null) {
                    throw ScimError.invalidValue("value: required for " + op);
                }
                set(result, path, value, op);
            }
        }
        return result;
    }

    /** Sets (value non-null) or removes one attribute by path. */
    private static void set(ObjectNode target, String rawPath, JsonNode value, String op) {
        String path = rawPath.trim();
        if (path.toLowerCase(Locale.ROOT).startsWith(ScimJson.ENTERPRISE_USER.toLowerCase(Locale.ROOT))) {
            return; // the enterprise extension (employee number, manager …): accepted, not kept
        }
        if (path.toLowerCase(Locale.ROOT).startsWith(ScimJson.USER.toLowerCase(Locale.ROOT) + ":")) {
            path = path.substring(ScimJson.USER.length() + 1);
        }
        Matcher filtered = FILTERED.matcher(path);
        if (filtered.matches()) {
            if (!"emails".equalsIgnoreCase(filtered.group(1)) || !"value".equalsIgnoreCase(filtered.group(3))) {
                throw ScimError.invalidPath("path: " + rawPath + " is not supported (emails[type eq \"…\"].value is)");
            }
            setEmail(target, filtered.group(2), value);
            return;
        }
        String[] parts = path.split("\\.");
        if (parts.length > 2 || path.contains("[")) {
            throw ScimError.invalidPath("path: " + rawPath + " is not supported");
        }
        String top = NAMES.get(parts[0].toLowerCase(Locale.ROOT));
        if (top == null) {
            return; // an attribute the bundle does not keep (title, phoneNumbers …): accepted, ignored
        }
        if (parts.length == 1) {
            if ("emails".equals(top) && "add".equals(op) && value != null && value.isArray() && target.get("emails") instanceof ArrayNode list) {
                list.addAll((ArrayNode) value);
            } else if ("givenName".equals(top) || "familyName".equals(top)) {
                setSub(target, "name", top, value);
            } else if (value == null) {
                target.remove(top);
            } else {
                target.set(top, value);
            }
            return;
        }
        if (!"name".equals(top)) {
            throw ScimError.invalidPath("path: " + rawPath + " is not supported");
        }
        String sub = NAMES.get(parts[1].toLowerCase(Locale.ROOT));
        if (sub == null || !("givenName".equals(sub) || "familyName".equals(sub))) {
            return; // name.formatted, name.middleName …: not kept
        }
        setSub(target, "name", sub, value);
    }

    private static void setSub(ObjectNode target, String parent, String field, JsonNode value) {
        JsonNode existing = target.get(parent);
        ObjectNode object = existing instanceof ObjectNode o ? o : target.putObject(parent);
        if (value == null) {
            object.remove(field);
        } else {
            object.set(field, value);
        }
    }

    /** {@code emails[type eq "work"].value}: the address of that type is replaced (or added, or removed). */
    private static void setEmail(ObjectNode target, String type, JsonNode value) {
        ArrayNode emails = target.get("emails") instanceof ArrayNode list ? list : target.putArray("emails");
        for (int i = 0; i < emails.size(); i++) {
            JsonNode entry = emails.get(i);
            if (entry.isObject() && type.equalsIgnoreCase(entry.path("type").asText())) {
                if (value == null) {
                    emails.remove(i);
                } else {
                    ((ObjectNode) entry).set("value", value);
                }
                return;
            }
        }
        if (value != null) {
            ObjectNode entry = emails.insertObject(0);
            entry.set("value", value);
            entry.put("type", type);
            entry.put("primary", emails.size() == 1);
        }
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }
}
