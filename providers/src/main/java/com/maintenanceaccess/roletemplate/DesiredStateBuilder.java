package com.maintenanceaccess.roletemplate;

import com.maintenanceaccess.access.AccessCatalog;
import com.maintenanceaccess.access.AccessCatalogStore;
import com.maintenanceaccess.kernel.Problems.Problem;
import com.maintenanceaccess.roletemplate.RealmState.RoleState;
import com.maintenanceaccess.roletemplate.RealmState.ScopeState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the cross-references of an input (unknown areas, actions, permissions, includes,
 * duplicates, cycles) and computes the state the realm should have: one role per
 * permission, one composite role per template and read-only variant, one client scope per
 * module, all default scopes of the catalog's client, and the catalog itself.
 */
public final class DesiredStateBuilder {

    private final ImportInput input;
    private final AccessCatalog catalog;
    private final Map<String, String> permissions;
    /**
     * The permissions by area and by action, in catalog order: a pattern is answered by one
     * look-up instead of a pass over every permission (templates × permissions made a
     * hundred-times catalog take seconds to expand).
     */
    private final Map<String, List<String>> byArea = new HashMap<>();
    private final Map<String, List<String>> byAction = new HashMap<>();
    private final List<Problem> problems = new ArrayList<>();

    private DesiredStateBuilder(ImportInput input) {
        this.input = input;
        this.catalog = input.catalog();
        this.permissions = catalog.permissions();
        for (String permission : permissions.keySet()) {
            int colon = permission.indexOf(':');
            byArea.computeIfAbsent(permission.substring(0, colon), a -> new ArrayList<>()).add(permission);
            byAction.computeIfAbsent(permission.substring(colon + 1), a -> new ArrayList<>()).add(permission);
        }
    }

    /** The desired state, or {@link InvalidInputException} with every problem. */
    public static RealmState build(ImportInput input) {
        return new DesiredStateBuilder(input).run();
    }

    private RealmState run() {
        checkCatalog();
        Map<String, RoleState> roles = new LinkedHashMap<>();
        permissionRoles(roles);
        templateRoles(roles);
        Map<String, ScopeState> scopes = new LinkedHashMap<>();
        for (AccessCatalog.Module module : catalog.modules()) {
            Set<String> mappings = new LinkedHashSet<>();
            module.areas().forEach(a -> a.actions().forEach(action -> mappings.add(AccessCatalog.permission(a.id(), action))));
            scopes.put(module.scopeName(), new ScopeState(module.scopeName(), "Maintenance module: " + module.description(),
                    Map.of(RealmState.MANAGED, RealmState.MANAGED_BY_CATALOG, "include.in.token.scope", "true",
                            "display.on.consent.screen", "false"), mappings));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new RealmState(catalog.client(), true, roles, scopes, scopes.keySet(), Set.of(),
                AccessCatalogStore.toJson(catalog), Set.of(), Set.of());
    }

    private void checkCatalog() {
        Node node = input.catalogNode();
        Set<String> modules = new HashSet<>();
        Map<String, String> areaModule = new HashMap<>();
        for (AccessCatalog.Module module : catalog.modules()) {
            if (module.id() != null && !modules.add(module.id())) {
                problems.add(node.problem("duplicate module '" + module.id() + "'"));
            }
            for (AccessCatalog.Area area : module.areas()) {
                String previous = area.id() == null ? null : areaModule.putIfAbsent(area.id(), module.id());
                if (previous != null) {
                    problems.add(node.problem("duplicate area '" + area.id() + "' (in modules " + previous
                            + " and " + module.id() + ")"));
                }
                if (area.actions().isEmpty()) {
                    problems.add(node.problem("area '" + area.id() + "' has no actions"));
                }
            }
        }
        Set<String> pages = new HashSet<>();
        for (AccessCatalog.Page page : catalog.pages()) {
            if (page.id() != null && !pages.add(page.id())) {
                problems.add(node.problem("duplicate page '" + page.id() + "'"));
            }
            if (page.permission() != null && !permissions.containsKey(page.permission())) {
                problems.add(node.problem("page '" + page.id() + "': " + unknownPermission(page.permission())));
            }
        }
    }

    private void permissionRoles(Map<String, RoleState> roles) {
        for (AccessCatalog.Module module : catalog.modules()) {
            for (AccessCatalog.Area area : module.areas()) {
                for (String action : area.actions()) {
                    String name = AccessCatalog.permission(area.id(), action);
                    roles.put(name, new RoleState(name, permissions.get(name), Map.of(
                            RealmState.MANAGED, RealmState.MANAGED_BY_CATALOG, RealmState.MODULE, module.id()), Set.of()));
                }
            }
        }
    }

    private void templateRoles(Map<String, RoleState> roles) {
        Map<String, RoleTemplate> byName = new LinkedHashMap<>();
        Map<String, Node> names = new HashMap<>();
        for (RoleTemplate template : input.templates()) {
            if (template.name() == null) {
                continue;
            }
            claimName(names, template.name(), template.node());
            if (template.readOnlyVariant()) {
                claimName(names, template.readOnlyName(), template.node());
            }
            byName.putIfAbsent(template.name(), template);
        }
        for (RoleTemplate template : byName.values()) {
            checkIncludes(template, byName);
            int known = problems.size();
            Set<String> direct = expand(template.permissions(), "permissions");
            direct.removeAll(expand(template.except(), "except"));
            // "grants nothing" only when that is not just the echo of a bad pattern.
            if (direct.isEmpty() && template.includes().isEmpty() && problems.size() == known) {
                problems.add(template.node().problem("template '" + template.name() + "' grants no permission"));
            }
            Set<String> composites = new LinkedHashSet<>(direct);
            template.includes().forEach(include -> composites.add((String) include.value()));
            roles.put(template.name(), new RoleState(template.name(), template.description(),
                    templateAttributes(template.privileged(), template.requiresAuthorization(), false), composites));
            if (template.readOnlyVariant()) {
                Set<String> readOnly = new LinkedHashSet<>();
                direct.stream().filter(p -> input.readOnlyActions().contains(p.substring(p.indexOf(':') + 1)))
                        .forEach(readOnly::add);
                for (Node include : template.includes()) {
                    RoleTemplate included = byName.get((String) include.value());
                    if (included != null && !included.readOnlyVariant()) {
                        problems.add(include.problem("'" + included.name() + "' has no read-only variant, so "
                                + template.readOnlyName() + " cannot include it"));
                    } else if (included != null) {
                        readOnly.add(included.readOnlyName());
                    }
                }
                roles.put(template.readOnlyName(), new RoleState(template.readOnlyName(),
                        truncate("Read-only: " + template.description()),
                        templateAttributes(template.privileged(), null, true), readOnly));
            }
        }
    }

    private void claimName(Map<String, Node> names, String name, Node node) {
        Node previous = names.putIfAbsent(name, node);
        if (previous != null) {
            problems.add(node.problem("duplicate template name '" + name + "' (also at " + previous.source() + ":"
                    + previous.line() + ")"));
        }
        if (permissions.containsKey(name)) {
            problems.add(node.problem("template name '" + name + "' is also a permission"));
        }
    }

    private void checkIncludes(RoleTemplate template, Map<String, RoleTemplate> byName) {
        for (Node include : template.includes()) {
            String name = (String) include.value();
            if (name.equals(template.name())) {
                problems.add(include.problem("template '" + name + "' includes itself"));
            } else if (!byName.containsKey(name)) {
                problems.add(include.problem("unknown template '" + name + "' in includes"));
            } else if (reaches(name, template.name(), byName, new HashSet<>())) {
                problems.add(include.problem("including '" + name + "' makes a cycle back to '" + template.name() + "'"));
            }
        }
    }

    private static boolean reaches(String from, String target, Map<String, RoleTemplate> byName, Set<String> seen) {
        if (!seen.add(from) || !byName.containsKey(from)) {
            return false;
        }
        for (Node include : byName.get(from).includes()) {
            String next = (String) include.value();
            if (next.equals(target) || reaches(next, target, byName, seen)) {
                return true;
            }
        }
        return false;
    }

    /** Expands names and patterns; reports unknown areas, actions and permissions. */
    private Set<String> expand(List<Node> patterns, String field) {
        Set<String> result = new LinkedHashSet<>();
        for (Node node : patterns) {
            String pattern = (String) node.value();
            int colon = pattern.indexOf(':');
            if (colon <= 0 || colon == pattern.length() - 1 || pattern.indexOf(':', colon + 1) >= 0) {
                problems.add(node.problem("'" + pattern + "' in " + field + " is not <area>:<action>, <area>:* or *:<action>"));
                continue;
            }
            String area = pattern.substring(0, colon);
            String action = pattern.substring(colon + 1);
            boolean known = true;
            if (!area.equals("*") && !byArea.containsKey(area) && catalog.area(area).isEmpty()) {
                problems.add(node.problem("unknown area '" + area + "' in '" + pattern + "'"));
                known = false;
            }
            if (!action.equals("*") && !input.actions().contains(action)) {
                problems.add(node.problem("unknown action '" + action + "' in '" + pattern + "'"));
                known = false;
            }
            if (!known) {
                continue;
            }
            List<String> matches = matches(area, action);
            if (matches.isEmpty()) {
                problems.add(node.problem(area.equals("*") || action.equals("*")
                        ? "'" + pattern + "' matches no permission" : unknownPermission(pattern)));
            }
            result.addAll(matches);
        }
        return result;
    }

    /** The permissions {@code area:action} names, either of them possibly {@code *}. */
    private List<String> matches(String area, String action) {
        if (area.equals("*") && action.equals("*")) {
            return List.copyOf(permissions.keySet());
        }
        if (area.equals("*")) {
            return byAction.getOrDefault(action, List.of());
        }
        if (action.equals("*")) {
            return byArea.getOrDefault(area, List.of());
        }
        String permission = AccessCatalog.permission(area, action);
        return permissions.containsKey(permission) ? List.of(permission) : List.of();
    }

    private String unknownPermission(String permission) {
        int colon = permission.indexOf(':');
        if (colon > 0 && catalog.area(permission.substring(0, colon)).isPresent()) {
            return "unknown permission '" + permission + "': area " + permission.substring(0, colon) + " allows "
                    + catalog.area(permission.substring(0, colon)).get().actions();
        }
        return "unknown permission '" + permission + "'";
    }

    private static Map<String, String> templateAttributes(boolean privileged, String authorization, boolean readOnly) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(RealmState.MANAGED, RealmState.MANAGED_BY_TEMPLATE);
        attributes.put(RealmState.PRIVILEGED, String.valueOf(privileged));
        attributes.put(RealmState.READ_ONLY, String.valueOf(readOnly));
        if (authorization != null) {
            attributes.put(RealmState.REQUIRES_AUTHORIZATION, authorization);
        }
        return attributes;
    }

    private static String truncate(String text) {
        return text.length() <= InputParser.MAX_DESCRIPTION ? text : text.substring(0, InputParser.MAX_DESCRIPTION);
    }
}
