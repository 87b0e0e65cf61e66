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
 * <p>Every name a person reads has its words in the catalog, in English and further languages
 * (issue 24): modules (also the name of their account feature), areas and pages have their
 * {@code description} (English) and {@code descriptions} (language tag to text, e.g. {@code de});
 * the actions have {@code actionDescriptions} (action to language tag to text, English under
 * {@code en}). A permission reads "area: action" ({@link #permissionWords}).
 *
 * @param client the client whose tokens carry the module scopes and the permissions claim
 * @param actionDescriptions per action, its words per language tag (may be empty: the action's id)
 */
public record AccessCatalog(String client, List<Module> modules, List<Page> pages,
                            Map<String, Map<String, String>> actionDescriptions) {

    /** The language a description without a language is in. */
    public static final String DEFAULT_LANGUAGE = "en";

    /** Scope name prefix: the scope of module {@code workshop} is {@code maintenance:workshop}. */
    public static final String SCOPE_PREFIX = "maintenance:";
    public static final String DEFAULT_CLIENT = "maintenance-app";
    /** Personnel authorization types a template or page may require (domain.md). */
    public static final List<String> AUTHORIZATION_TYPES =
            List.of("certifying-staff", "support-staff", "inspection", "functional-test", "category-a");

    public AccessCatalog {
        modules = List.copyOf(modules);
        pages = List.copyOf(pages);
        actionDescriptions = actionDescriptions == null ? Map.of() : copy(actionDescriptions);
    }

    /** A catalog without words for its actions (their ids stand for them). */
    public AccessCatalog(String client, List<Module> modules, List<Page> pages) {
        this(client, modules, pages, Map.of());
    }

    /**
     * @param descriptions the description in further languages, by language tag ({@code de});
     *                     {@code description} is the English and stands for any language not given
     */
    public record Module(String id, String feature, String description, Map<String, String> descriptions,
                         List<Area> areas) {
        public Module {
            areas = List.copyOf(areas);
            descriptions = ordered(descriptions);
        }

        public Module(String id, String feature, String description, List<Area> areas) {
            this(id, feature, description, Map.of(), areas);
        }

        /** The module's words in a language (its description there, else the English). */
        public String describe(String language) {
            return words(description, descriptions, language);
        }

        @JsonIgnore
        public String scopeName() {
            return SCOPE_PREFIX + id;
        }
    }

    /** @param descriptions as a module's */
    public record Area(String id, String description, Map<String, String> descriptions, List<String> actions) {
        public Area {
            actions = List.copyOf(actions);
            descriptions = ordered(descriptions);
        }

        public Area(String id, String description, List<String> actions) {
            this(id, description, Map.of(), actions);
        }

        public String describe(String language) {
            return words(description, descriptions, language);
        }
    }

    /**
     * A page or action of the app.
     *
     * @param authorizationType the personnel authorization type the action needs, or null
     */
    public record Page(String id, String description, Map<String, String> descriptions, String permission,
                       @Nullable String feature, boolean setupOnly, @Nullable String authorizationType) {
        public Page {
            descriptions = ordered(descriptions);
        }

        public Page(String id, String description, String permission, @Nullable String feature, boolean setupOnly,
                    @Nullable String authorizationType) {
            this(id, description, Map.of(), permission, feature, setupOnly, authorizationType);
        }

        public String describe(String language) {
            return words(description, descriptions, language);
        }
    }

    /** An action in a language: its words there, else the English ones, else its id. */
    public String actionWords(String action, String language) {
        Map<String, String> words = actionDescriptions.getOrDefault(action, Map.of());
        return words(words.getOrDefault(DEFAULT_LANGUAGE, action), words, language);
    }

    /**
     * A permission as a person reads it in a language: "Signoffs: release", "Abzeichnungen:
     * freigeben" (its area's description and its action's words); a permission of no area of the
     * catalog as it is named.
     */
    public String permissionWords(String permission, String language) {
        int colon = permission.indexOf(':');
        if (colon <= 0) {
            return permission;
        }
        String action = permission.substring(colon + 1);
        return area(permission.substring(0, colon))
                .map(area -> area.describe(language) + ": " + actionWords(action, language))
                .orElse(permission);
    }

    /** An account feature in a language: the description of the (first) module that is the feature, else its name. */
    public String featureWords(String feature, String language) {
        return modules.stream().filter(module -> module.feature().equals(feature)).findFirst()
                .map(module -> module.describe(language)).orElse(feature);
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

    private static String words(String description, Map<String, String> descriptions, String language) {
        if (language == null) {
            return description;
        }
        String words = descriptions.get(language);
        int dash = language.indexOf('-');
        if (words == null && dash > 0) {
            words = descriptions.get(language.substring(0, dash));
        }
        return words == null ? description : words;
    }

    /**
     * Words by language, sorted: the stored catalog's JSON is compared with the desired one to plan
     * an apply, so it must come out the same every time (Map.copyOf's order changes between runs).
     */
    static Map<String, String> ordered(Map<String, String> map) {
        return map == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(map));
    }

    private static Map<String, Map<String, String>> copy(Map<String, Map<String, String>> map) {
        Map<String, Map<String, String>> copy = new java.util.TreeMap<>();
        map.forEach((key, value) -> copy.put(key, ordered(value)));
        return java.util.Collections.unmodifiableMap(copy);
    }

    private static String describe(String action, String areaDescription) {
        String verb = Character.toUpperCase(action.charAt(0)) + action.substring(1);
        return verb + ": " + areaDescription;
    }
}
