package com.maintenanceaccess.roletemplate;

import com.maintenanceaccess.access.AccessCatalog;
import com.maintenanceaccess.kernel.Problems.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns sources into an {@link ImportInput}. Accepted shapes (see docs/role-templates.md):
 * <ul>
 *   <li>a stream of documents each with a {@code kind}: one {@code AccessCatalog} and any
 *       number of {@code RoleTemplate}s (what {@code cat} of the repo files gives, or the
 *       files themselves at start-up);</li>
 *   <li>one bundle document {@code {catalog: {...}, templates: [...]}} (YAML or JSON).</li>
 * </ul>
 * Every problem found is collected; nothing stops at the first one except broken syntax.
 */
public final class InputParser {

    public static final String KIND_CATALOG = "AccessCatalog";
    public static final String KIND_TEMPLATE = "RoleTemplate";
    public static final String KIND_BUNDLE = "RoleTemplateBundle";

    static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    static final Pattern PAGE_ID = Pattern.compile("[a-z][a-z0-9.-]{0,127}");
    static final int MAX_DESCRIPTION = 255;

    private static final Set<String> CATALOG_FIELDS =
            Set.of("kind", "client", "actions", "actionDescriptions", "readOnlyActions", "modules", "pages");
    private static final Set<String> MODULE_FIELDS = Set.of("id", "feature", "description", "descriptions", "areas");
    private static final Set<String> AREA_FIELDS = Set.of("id", "description", "descriptions", "actions");
    private static final Set<String> PAGE_FIELDS =
            Set.of("id", "description", "descriptions", "permission", "feature", "setupOnly", "authorizationType");
    /** A language tag of a description: "de", "en", "pt-BR". */
    static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final Set<String> TEMPLATE_FIELDS = Set.of("kind", "name", "description", "permissions",
            "except", "includes", "privileged", "requiresAuthorization", "readOnlyVariant");
    private static final Set<String> BUNDLE_FIELDS = Set.of("kind", "catalog", "templates");

    /** One input text: a file, or the request body. */
    public record Source(String name, String text, boolean json) {
    }

    private final List<Problem> problems = new ArrayList<>();

    public static ImportInput parse(List<Source> sources) {
        return new InputParser().run(sources);
    }

    private ImportInput run(List<Source> sources) {
        List<Node> catalogs = new ArrayList<>();
        List<Node> templates = new ArrayList<>();
        for (Source source : sources) {
            for (Node document : SourceReader.read(source.name(), source.text(), source.json(), problems)) {
                classify(document, catalogs, templates);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (catalogs.isEmpty()) {
            String where = sources.isEmpty() ? "input" : sources.get(0).name();
            problems.add(Problem.located(where, 0, 0, "", "no access catalog (a document of kind " + KIND_CATALOG + ")"));
            throw new InvalidInputException(problems);
        }
        for (Node extra : catalogs.subList(1, catalogs.size())) {
            problems.add(extra.problem("more than one access catalog; the first is at "
                    + catalogs.get(0).source() + ":" + catalogs.get(0).line()));
        }
        ImportInput input = catalog(catalogs.get(0), templates);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return input;
    }

    private void classify(Node document, List<Node> catalogs, List<Node> templates) {
        if (document.value() == null) {
            return; // an empty document, e.g. after a trailing "---"
        }
        if (!document.isMap()) {
            problems.add(document.problem("a document must be a mapping, not " + document.describeType()));
            return;
        }
        String kind = text(document, "kind", false);
        boolean bundle = KIND_BUNDLE.equals(kind) || (kind == null
                && (document.get("catalog") != null || document.get("templates") != null));
        if (bundle) {
            unknownFields(document, BUNDLE_FIELDS);
            Node catalog = document.get("catalog");
            if (catalog == null || !catalog.isMap()) {
                problems.add(document.problem("a bundle needs 'catalog' (a mapping)"));
            } else {
                catalogs.add(catalog);
            }
            Node list = document.get("templates");
            if (list != null && !list.isList()) {
                problems.add(list.problem("'templates' must be a list"));
            } else if (list != null) {
                list.list().forEach(templates::add);
            }
        } else if (KIND_CATALOG.equals(kind)) {
            catalogs.add(document);
        } else if (KIND_TEMPLATE.equals(kind)) {
            templates.add(document);
        } else {
            Node at = document.get("kind") == null ? document : document.get("kind");
            problems.add(at.problem("unknown document kind '" + kind + "': expected " + KIND_CATALOG + ", "
                    + KIND_TEMPLATE + " or " + KIND_BUNDLE));
        }
    }

    private ImportInput catalog(Node node, List<Node> templateNodes) {
        unknownFields(node, CATALOG_FIELDS);
        String client = text(node, "client", false);
        List<String> actions = ids(node, "actions", true);
        List<String> readOnlyActions = ids(node, "readOnlyActions", true);
        for (Node action : list(node, "readOnlyActions", false)) {
            if (action.isText() && !actions.contains(action.value())) {
                problems.add(action.problem("unknown action '" + action.value() + "': not in 'actions'"));
            }
        }
        List<AccessCatalog.Module> modules = new ArrayList<>();
        for (Node module : list(node, "modules", true)) {
            if (requireMap(module)) {
                modules.add(module(module, actions));
            }
        }
        List<AccessCatalog.Page> pages = new ArrayList<>();
        for (Node page : list(node, "pages", false)) {
            if (requireMap(page)) {
                pages.add(page(page));
            }
        }
        List<RoleTemplate> templates = new ArrayList<>();
        for (Node template : templateNodes) {
            if (requireMap(template)) {
                templates.add(template(template));
            }
        }
        Map<String, Map<String, String>> actionDescriptions = new java.util.LinkedHashMap<>();
        Node actionWords = node.get("actionDescriptions");
        if (actionWords != null && actionWords.value() != null) {
            if (!actionWords.isMap()) {
                problems.add(actionWords.problem("'actionDescriptions' must be a mapping of action to descriptions by language"));
            } else {
                for (Map.Entry<String, Node> action : actionWords.map().entrySet()) {
                    if (!actions.contains(action.getKey())) {
                        problems.add(action.getValue().problem("unknown action '" + action.getKey() + "': not in 'actions'"));
                    }
                    actionDescriptions.put(action.getKey(), languages(action.getValue(), "actionDescriptions." + action.getKey()));
                }
            }
        }
        AccessCatalog catalog = new AccessCatalog(client == null ? AccessCatalog.DEFAULT_CLIENT : client, modules, pages,
                actionDescriptions);
        return new ImportInput(catalog, actions, readOnlyActions, templates, node);
    }

    private AccessCatalog.Module module(Node node, List<String> actions) {
        unknownFields(node, MODULE_FIELDS);
        String id = id(node, "id");
        String feature = node.get("feature") == null ? id : id(node, "feature");
        String description = description(node, id);
        List<AccessCatalog.Area> areas = new ArrayList<>();
        for (Node area : list(node, "areas", true)) {
            if (requireMap(area)) {
                unknownFields(area, AREA_FIELDS);
                String areaId = id(area, "id");
                List<String> areaActions = ids(area, "actions", true);
                for (Node action : list(area, "actions", false)) {
                    if (action.isText() && !actions.contains(action.value())) {
                        problems.add(action.problem("unknown action '" + action.value()
                                + "': the catalog's actions are " + actions));
                    }
                }
                areas.add(new AccessCatalog.Area(areaId, description(area, areaId), descriptions(area), areaActions));
            }
        }
        return new AccessCatalog.Module(id, feature, description, descriptions(node), areas);
    }

    private AccessCatalog.Page page(Node node) {
        unknownFields(node, PAGE_FIELDS);
        String id = text(node, "id", true);
        if (id != null && !PAGE_ID.matcher(id).matches()) {
            problems.add(node.get("id").problem("'" + id + "' is not a page id (lower case letters, digits, '.', '-')"));
        }
        String authorization = authorizationType(node, "authorizationType");
        return new AccessCatalog.Page(id, description(node, id), descriptions(node), text(node, "permission", true),
                id(node, "feature"), bool(node, "setupOnly", false), authorization);
    }

    private RoleTemplate template(Node node) {
        unknownFields(node, TEMPLATE_FIELDS);
        String name = id(node, "name");
        List<Node> permissions = texts(node, "permissions");
        List<Node> except = texts(node, "except");
        List<Node> includes = texts(node, "includes");
        return new RoleTemplate(name, description(node, name), permissions, except, includes,
                bool(node, "privileged", false), authorizationType(node, "requiresAuthorization"),
                bool(node, "readOnlyVariant", true), node);
    }

    // --- field readers: each reports its own problem and returns a harmless value ---

    private boolean requireMap(Node node) {
        if (!node.isMap()) {
            problems.add(node.problem("expected a mapping, found " + node.describeType()));
            return false;
        }
        return true;
    }

    private void unknownFields(Node node, Set<String> known) {
        for (Map.Entry<String, Node> field : node.map().entrySet()) {
            if (!known.contains(field.getKey())) {
                problems.add(field.getValue().problem("unknown field '" + field.getKey() + "'; known: "
                        + known.stream().sorted().toList()));
            }
        }
    }

    private String text(Node node, String field, boolean required) {
        Node value = node.get(field);
        if (value == null || value.value() == null) {
            if (required) {
                problems.add(node.problem("'" + field + "' is required"));
            }
            return null;
        }
        if (!value.isText()) {
            problems.add(value.problem("'" + field + "' must be text, not " + value.describeType()));
            return null;
        }
        return (String) value.value();
    }

    private String id(Node node, String field) {
        String id = text(node, field, true);
        if (id != null && !ID.matcher(id).matches()) {
            problems.add(node.get(field).problem("'" + id + "' is not a valid " + field
                    + " (lower case letter first, then letters, digits or '-', at most 63)"));
        }
        return id;
    }

    private String description(Node node, String fallback) {
        String description = text(node, "description", false);
        if (description != null && description.length() > MAX_DESCRIPTION) {
            problems.add(node.get("description").problem("description longer than " + MAX_DESCRIPTION + " characters"));
        }
        return description == null ? fallback : description;
    }

    /** {@code descriptions}: the description in further languages, language tag to text (absent: none). */
    private Map<String, String> descriptions(Node node) {
        Node value = node.get("descriptions");
        return value == null || value.value() == null ? Map.of() : languages(value, "descriptions");
    }

    /** A mapping of language tag to text, each a description (at most {@value #MAX_DESCRIPTION} characters). */
    private Map<String, String> languages(Node value, String field) {
        Map<String, String> result = new java.util.LinkedHashMap<>();
        if (!value.isMap()) {
            problems.add(value.problem("'" + field + "' must be a mapping of language (e.g. de) to text, not "
                    + value.describeType()));
            return result;
        }
        for (Map.Entry<String, Node> entry : value.map().entrySet()) {
            Node text = entry.getValue();
            if (!LANGUAGE.matcher(entry.getKey()).matches()) {
                problems.add(text.problem("'" + entry.getKey() + "' in '" + field + "' is not a language (e.g. de, en, pt-BR)"));
            } else if (!text.isText() || ((String) text.value()).isBlank()) {
                problems.add(text.problem("'" + field + "." + entry.getKey() + "' must be text"));
            } else if (((String) text.value()).length() > MAX_DESCRIPTION) {
                problems.add(text.problem("'" + field + "." + entry.getKey() + "' longer than " + MAX_DESCRIPTION + " characters"));
            } else {
                result.put(entry.getKey(), (String) text.value());
            }
        }
        return result;
    }

    private boolean bool(Node node, String field, boolean fallback) {
        Node value = node.get(field);
        if (value == null || value.value() == null) {
            return fallback;
        }
        if (!(value.value() instanceof Boolean)) {
            problems.add(value.problem("'" + field + "' must be true or false, not " + value.describeType()));
            return fallback;
        }
        return (Boolean) value.value();
    }

    private String authorizationType(Node node, String field) {
        String type = text(node, field, false);
        if (type != null && !AccessCatalog.AUTHORIZATION_TYPES.contains(type)) {
            problems.add(node.get(field).problem("unknown personnel authorization type '" + type
                    + "'; known: " + AccessCatalog.AUTHORIZATION_TYPES));
        }
        return type;
    }

    private List<Node> list(Node node, String field, boolean required) {
        Node value = node.get(field);
        if (value == null || value.value() == null) {
            if (required) {
                problems.add(node.problem("'" + field + "' is required"));
            }
            return List.of();
        }
        if (!value.isList()) {
            problems.add(value.problem("'" + field + "' must be a list, not " + value.describeType()));
            return List.of();
        }
        return value.list();
    }

    private List<Node> texts(Node node, String field) {
        List<Node> result = new ArrayList<>();
        for (Node item : list(node, field, false)) {
            if (item.isText()) {
                result.add(item);
            } else {
                problems.add(item.problem("'" + field + "' entries must be text, not " + item.describeType()));
            }
        }
        return result;
    }

    private List<String> ids(Node node, String field, boolean required) {
        List<String> result = new ArrayList<>();
        for (Node item : list(node, field, required)) {
            if (!item.isText() || !ID.matcher((String) item.value()).matches()) {
                problems.add(item.problem("'" + item.value() + "' is not a valid name in '" + field + "'"));
            } else if (result.contains(item.value())) {
                problems.add(item.problem("duplicate '" + item.value() + "' in '" + field + "'"));
            } else {
                result.add((String) item.value());
            }
        }
        return result;
    }
}
