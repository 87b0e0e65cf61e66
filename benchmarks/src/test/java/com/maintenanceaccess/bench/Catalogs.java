package com.maintenanceaccess.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The shipped catalog and role templates as the importer's YAML stream, and a ten-times copy. */
final class Catalogs {

    static final YAMLMapper YAML = new YAMLMapper();
    final Path dir = Path.of(System.getProperty("mx.realm-config"));

    /** access-catalog.yaml plus role-templates/*.yaml, as a pipeline concatenates them. */
    String shipped() throws IOException {
        StringBuilder body = new StringBuilder(Files.readString(dir.resolve("access-catalog.yaml")));
        try (Stream<Path> files = Files.list(dir.resolve("role-templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                body.append('\n').append(Files.readString(file));
            }
        }
        return body.toString();
    }

    /** The shipped input with three edits: a description, a template's permission, a new catalog action. */
    static String threeChanges(String shipped) {
        String changed = shipped
                .replace("description: Works active work orders", "description: Works open work orders")
                .replace("  - invoices:*\n", "  - invoices:*\n  - inventory:view\n")
                .replace("{id: tools, description: Tools, actions: [view, create, edit, delete, export]}",
                        "{id: tools, description: Tools, actions: [view, create, edit, delete, export, approve]}");
        if (changed.equals(shipped)) {
            throw new IllegalStateException("the three edits no longer match the shipped files");
        }
        return changed;
    }

    /** Permissions (area:action pairs) the catalog document defines. */
    static int permissions(JsonNode catalog) {
        int n = 0;
        for (JsonNode module : catalog.get("modules")) {
            for (JsonNode area : module.get("areas")) {
                n += area.get("actions").size();
            }
        }
        return n;
    }

    JsonNode catalog() throws IOException {
        return YAML.readTree(dir.resolve("access-catalog.yaml").toFile());
    }

    List<JsonNode> templates() throws IOException {
        List<JsonNode> templates = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve("role-templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                templates.add(YAML.readTree(file.toFile()));
            }
        }
        return templates;
    }

    /**
     * Ten copies of every module (areas and features suffixed -0 … -9), their pages, the seven
     * templates per copy and eight generated jobs per copy: about 1,500 permissions and 150
     * templates (300 roles with the read-only variants).
     */
    String tenTimes(int copies) throws IOException {
        JsonNode original = catalog();
        ObjectNode catalog = original.deepCopy();
        ArrayNode modules = catalog.putArray("modules");
        ArrayNode pages = catalog.putArray("pages");
        List<ObjectNode> templates = new ArrayList<>();
        for (int k = 0; k < copies; k++) {
            String s = "-" + k;
            List<String> areas = new ArrayList<>();
            for (JsonNode module : original.get("modules")) {
                ObjectNode copy = module.deepCopy();
                copy.put("id", module.get("id").asText() + s);
                copy.put("feature", module.get("feature").asText() + s);
                for (JsonNode area : copy.get("areas")) {
                    ((ObjectNode) area).put("id", area.get("id").asText() + s);
                    areas.add(area.get("id").asText());
                }
                modules.add(copy);
            }
            for (JsonNode page : original.get("pages")) {
                ObjectNode copy = page.deepCopy();
                String id = page.get("id").asText();
                int dot = id.indexOf('.');
                copy.put("id", id.substring(0, dot) + s + id.substring(dot));
                copy.put("feature", page.get("feature").asText() + s);
                copy.put("permission", suffixed(page.get("permission").asText(), s));
                pages.add(copy);
            }
            for (JsonNode template : templates()) {
                ObjectNode copy = template.deepCopy();
                copy.put("name", template.get("name").asText() + s);
                rename(copy, "includes", s, false);
                rename(copy, "permissions", s, true);
                rename(copy, "except", s, true);
                templates.add(copy);
            }
            for (int j = 0; j < 8; j++) {
                ObjectNode job = YAML.createObjectNode();
                job.put("kind", "RoleTemplate");
                job.put("name", "job" + s + "-" + j);
                job.put("description", "Generated job " + j + " of copy " + k);
                ArrayNode permissions = job.putArray("permissions");
                for (int a = 0; a < 3; a++) {
                    permissions.add(areas.get((j * 3 + a) % areas.size()) + ":view");
                }
                if (j % 2 == 0) {
                    job.putArray("includes").add("technician" + s);
                }
                job.put("privileged", false);
                templates.add(job);
            }
        }
        StringBuilder body = new StringBuilder(YAML.writeValueAsString(catalog));
        for (ObjectNode template : templates) {
            body.append(YAML.writeValueAsString(template));
        }
        return body.toString();
    }

    private static void rename(ObjectNode node, String field, String suffix, boolean permissions) {
        JsonNode values = node.get(field);
        if (values == null || !values.isArray()) {
            return;
        }
        ArrayNode renamed = node.putArray(field);
        for (JsonNode value : values) {
            renamed.add(permissions ? suffixed(value.asText(), suffix) : value.asText() + suffix);
        }
    }

    private static String suffixed(String permission, String suffix) {
        int colon = permission.indexOf(':');
        String area = permission.substring(0, colon);
        return (area.equals("*") ? area : area + suffix) + permission.substring(colon);
    }
}
