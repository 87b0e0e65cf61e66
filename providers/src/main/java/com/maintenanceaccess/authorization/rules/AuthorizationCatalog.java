package com.maintenanceaccess.authorization.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The catalog of authorization types, licence categories, aircraft types and groups and task
 * categories, read from {@code authorization-types.yaml} (kept in realm-config/, bundled into
 * the jar). Everything that decides "is this a known X" asks this class.
 */
public final class AuthorizationCatalog {

    public static final String RESOURCE = "/authorization-types.yaml";
    private static final Pattern ATA_CHAPTER = Pattern.compile("^ATA-\\d{2}$");

    /** What the catalog says about one authorization type. */
    /**
     * {@code requiresSecondPerson}: a grant of this type by an account person is certifying
     * authority and waits for a second person of the account (docs/authorizations.md, "Four eyes").
     */
    public record TypeRule(String id, String name, boolean requiresLicence, Set<String> licenceCategories,
                           boolean requiresRecency, boolean independentOfPerformer, boolean requiresSecondPerson) {
    }

    private final Map<String, TypeRule> types;
    private final Set<String> licenceCategories;
    private final Set<String> aircraftTypes;
    private final Map<String, Set<String>> aircraftGroups;
    private final Set<String> taskCategories;
    private final Pattern referencePattern;
    private final int recencyWindowMonths;
    private final int recencyMinimumDays;
    private final int continuationTrainingMonths;

    private AuthorizationCatalog(JsonNode root) {
        types = new LinkedHashMap<>();
        root.path("types").fields().forEachRemaining(entry -> {
            JsonNode t = entry.getValue();
            types.put(entry.getKey(), new TypeRule(entry.getKey(), t.path("name").asText(entry.getKey()),
                    t.path("requiresLicence").asBoolean(false), strings(t.path("licenceCategories")),
                    t.path("requiresRecency").asBoolean(false), t.path("independentOfPerformer").asBoolean(false),
                    t.path("requiresSecondPerson").asBoolean(false)));
        });
        licenceCategories = strings(root.path("licenceCategories"));
        aircraftTypes = strings(root.path("aircraftTypes"));
        aircraftGroups = new LinkedHashMap<>();
        root.path("aircraftGroups").fields().forEachRemaining(e -> aircraftGroups.put(e.getKey(), strings(e.getValue())));
        taskCategories = strings(root.path("taskCategories"));
        referencePattern = Pattern.compile(root.path("referencePattern").asText("^[A-Z0-9][A-Z0-9./-]{2,39}$"));
        recencyWindowMonths = root.path("recency").path("windowMonths").asInt(24);
        recencyMinimumDays = root.path("recency").path("minimumDays").asInt(183);
        continuationTrainingMonths = root.path("continuationTrainingMonths").asInt(24);
        if (types.isEmpty()) {
            throw new IllegalArgumentException("authorization catalog declares no types");
        }
        for (TypeRule rule : types.values()) {
            for (String category : rule.licenceCategories()) {
                if (!licenceCategories.contains(category)) {
                    throw new IllegalArgumentException("type " + rule.id() + " names unknown licence category " + category);
                }
            }
        }
    }

    public static AuthorizationCatalog read(InputStream yaml) {
        try {
            return new AuthorizationCatalog(new ObjectMapper(new YAMLFactory()).readTree(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the authorization catalog", e);
        }
    }

    /** The catalog bundled into the jar. */
    public static AuthorizationCatalog bundled() {
        try (InputStream in = AuthorizationCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the providers jar");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<TypeRule> type(String id) {
        return Optional.ofNullable(id == null ? null : types.get(id));
    }

    public Set<String> typeIds() {
        return types.keySet();
    }

    public Set<String> licenceCategories() {
        return licenceCategories;
    }

    // Read by the workspace's catalog endpoint (me/AuthorizationCatalogResource): the form's choices.

    public Set<String> aircraftTypes() {
        return Collections.unmodifiableSet(aircraftTypes);
    }

    public Map<String, Set<String>> aircraftGroups() {
        return Collections.unmodifiableMap(aircraftGroups);
    }

    public Set<String> taskCategories() {
        return Collections.unmodifiableSet(taskCategories);
    }

    public boolean isKnownAircraft(String typeOrGroup) {
        return aircraftTypes.contains(typeOrGroup) || aircraftGroups.containsKey(typeOrGroup);
    }

    /** Whether a scope entry (a type or a group) covers the given aircraft type. */
    public boolean covers(String scopeEntry, String aircraftType) {
        return scopeEntry.equals(aircraftType)
                || aircraftGroups.getOrDefault(scopeEntry, Set.of()).contains(aircraftType);
    }

    public boolean isKnownTask(String task) {
        return taskCategories.contains(task) || ATA_CHAPTER.matcher(task).matches();
    }

    public Pattern referencePattern() {
        return referencePattern;
    }

    public int recencyWindowMonths() {
        return recencyWindowMonths;
    }

    public int recencyMinimumDays() {
        return recencyMinimumDays;
    }

    public int continuationTrainingMonths() {
        return continuationTrainingMonths;
    }

    private static Set<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return new LinkedHashSet<>(values);
    }
}
