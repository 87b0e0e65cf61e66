package com.maintenanceaccess.account;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an account (a Keycloak organization) has switched on: its enabled features and
 * whether it is in setup mode, optionally until an end date after which it is off by itself.
 * Stored as organization attributes so the admin console's organization page shows them.
 */
public record AccountSettings(Set<String> features, boolean setupMode, Instant setupModeUntil) {

    public static final String FEATURES = "mx.features";
    public static final String SETUP_MODE = "mx.setup-mode";
    public static final String SETUP_MODE_UNTIL = "mx.setup-mode-until";

    public AccountSettings {
        features = Set.copyOf(new TreeSet<>(features));
    }

    /** Reads the settings from organization attributes; absent attributes mean off / none. */
    public static AccountSettings fromAttributes(Map<String, List<String>> attributes) {
        Set<String> features = new TreeSet<>();
        for (String value : attributes.getOrDefault(FEATURES, List.of())) {
            // The console edits attributes as free text: accept "a, b" as well as one value per feature.
            for (String feature : value.split(",")) {
                if (!feature.isBlank()) {
                    features.add(feature.trim());
                }
            }
        }
        boolean setupMode = "on".equalsIgnoreCase(first(attributes.get(SETUP_MODE)))
                || "true".equalsIgnoreCase(first(attributes.get(SETUP_MODE)));
        Instant until = parseInstant(first(attributes.get(SETUP_MODE_UNTIL)));
        return new AccountSettings(features, setupMode, until);
    }

    /** Setup mode is on now: switched on, and its end date (if any) not reached. */
    public boolean inSetupModeAt(Instant now) {
        return setupMode && (setupModeUntil == null || now.isBefore(setupModeUntil));
    }

    /** Setup mode is switched on but its end date has passed: due to be switched off. */
    public boolean setupModeExpiredAt(Instant now) {
        return setupMode && setupModeUntil != null && !now.isBefore(setupModeUntil);
    }

    public AccountSettings withSetupModeOff() {
        return new AccountSettings(features, false, null);
    }

    /** The attributes of an organization with these settings; other attributes are kept. */
    public Map<String, List<String>> applyTo(Map<String, List<String>> attributes) {
        Map<String, List<String>> result = new LinkedHashMap<>(attributes);
        result.put(FEATURES, new ArrayList<>(new TreeSet<>(features)));
        result.put(SETUP_MODE, List.of(setupMode ? "on" : "off"));
        if (setupModeUntil != null) {
            result.put(SETUP_MODE_UNTIL, List.of(setupModeUntil.toString()));
        } else {
            result.remove(SETUP_MODE_UNTIL);
        }
        return result;
    }

    /** A plain map for JSON answers and event representations. */
    public Map<String, Object> toRepresentation(Instant now) {
        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("enabled", setupMode);
        setup.put("until", setupModeUntil == null ? null : setupModeUntil.toString());
        setup.put("activeNow", inSetupModeAt(now));
        Map<String, Object> representation = new LinkedHashMap<>();
        representation.put("features", new ArrayList<>(new TreeSet<>(features)));
        representation.put("setupMode", setup);
        return representation;
    }

    private static String first(Collection<String> values) {
        return values == null || values.isEmpty() ? null : values.iterator().next();
    }

    private static Instant parseInstant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (RuntimeException e) {
            // A malformed date typed in the console ends nothing: treat as no end date.
            return null;
        }
    }
}
