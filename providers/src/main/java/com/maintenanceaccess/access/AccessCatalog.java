package com.maintenanceaccess.access;

import jakarta.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the maintenance app can protect: modules hold areas, areas allow actions, and every
 * (area, action) pair is a permission named {@code <area>:<action>}. Pages list the
 * permission, account feature, setup-mode visibility and personnel authorization type each
 * page or action of the app needs. Immutable; read at runtime with {@link AccessCatalogStore}.
 *
 * @param client the client whose tokens carry the module scopes and the permissions claim
 */
public record AccessCatalog(String client, List<Module> modules, List<Page> pages) {

    /** Scope name prefix: the scope of module {@code workshop} is {@code maintenance:workshop}. */
    public static final String SCOPE_PREFIX = "maintenance:";
    public static final String DEFAULT_CLIENT = "maintenance-app";
    /** Personnel authorization types a template or page may require (domain.md). */
    public static final List<String> AUTHORIZATION_TYPES =
            List.of("certifying-staff", "support-staff", "inspection", "functional-test", "category-a");

    public AccessCatalog {
        modules = List.copyOf(modules);
        pages = List.copyOf(pages);
    }

    public record Module(String id, String feature, String description, List<Area> areas) {
        public Module {
            areas = List.copyOf(areas);
        }

        @JsonIgnore
        public String scopeName() {
            return SCOPE_PREFIX + id;
        }
    }

    public record Area(String id, String description, List<String> actions) {
        public Area {
            actions = List.copyOf(actions);
        }
    }

    /**
     * A page or action of the app.
     *
     * @param authorizationType the personnel authorization type the action needs, or null
     */
    public record Page(String id, String description, String permission, @Nullable String feature, boolean setupOnly,
                       @Nullable String authorizationType) {
    }

    public static String permission(String area, String action) {
        return area + ":" + action;
    }

    /** Every permission, in catalog order, with a description. */
    @JsonIgnore
    public Map<String, String> permissions() {
        Map<String, String> permissions = new LinkedHashMap<>();
        for (Module module : modules) {
            for (Area area : module.areas()) {
                for (String action : area.actions()) {
                    permissions.put(permission(area.id(), action), describe(action, area.description()));
                }
            }
        }
        return permissions;
    }

    /** The module a permission belongs to. */
    public Optional<Module> moduleOf(String permission) {
        String area = permission.substring(0, Math.max(0, permission.indexOf(':')));
        return modules.stream().filter(m -> m.areas().stream().anyMatch(a -> a.id().equals(area))).findFirst();
    }

    public Optional<Area> area(String id) {
        return modules.stream().flatMap(m -> m.areas().stream()).filter(a -> a.id().equals(id)).findFirst();
    }

    /** The account features the catalog names, in order of first use. */
    @JsonIgnore
    public Set<String> features() {
        Set<String> features = new LinkedHashSet<>();
        modules.forEach(m -> features.add(m.feature()));
        pages.forEach(p -> features.add(p.feature()));
        return features;
    }

    public Optional<Page> page(String id) {
        return pages.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The pages that need a permission (for "why can't this user see X" answers). */
    public List<Page> pagesNeeding(String permission) {
        List<Page> result = new ArrayList<>();
        pages.stream().filter(p -> p.permission().equals(permission)).forEach(result::add);
        return result;
    }

    private static String describe(String action, String areaDescription) {
        String verb = Character.toUpperCase(action.charAt(0)) + action.substring(1);
        return verb + ": " + areaDescription;
    }
}
