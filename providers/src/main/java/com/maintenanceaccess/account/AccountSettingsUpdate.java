package com.maintenanceaccess.account;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the JSON body of {@code PUT /mx/accounts/{id}} into new settings, or into the list
 * of every problem found (field and what is wrong). Fields left out keep their value.
 *
 * <pre>{"features": ["planning", "workshop"], "setupMode": {"enabled": true, "until": "2027-01-31T00:00:00Z"}}</pre>
 */
public final class AccountSettingsUpdate {

    public record Result(AccountSettings settings, List<String> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private AccountSettingsUpdate() {
    }

    public static Result apply(AccountSettings current, JsonNode body, Set<String> knownFeatures, Instant now) {
        List<String> problems = new ArrayList<>();
        if (body == null || !body.isObject()) {
            return new Result(current, List.of("body: must be a JSON object"));
        }
        body.fieldNames().forEachRemaining(field -> {
            if (!field.equals("features") && !field.equals("setupMode")) {
                problems.add(field + ": unknown field (allowed: features, setupMode)");
            }
        });

        Set<String> features = current.features();
        JsonNode featuresNode = body.get("features");
        if (featuresNode != null) {
            features = new LinkedHashSet<>();
            if (!featuresNode.isArray()) {
                problems.add("features: must be an array of feature names");
            } else {
                for (JsonNode feature : featuresNode) {
                    if (!feature.isTextual()) {
                        problems.add("features: " + feature + " is not a feature name");
                    } else if (!knownFeatures.contains(feature.asText())) {
                        problems.add("features: unknown feature '" + feature.asText() + "' (known: "
                                + String.join(", ", new java.util.TreeSet<>(knownFeatures)) + ")");
                    } else {
                        features.add(feature.asText());
                    }
                }
            }
        }

        boolean setupMode = current.setupMode();
        Instant until = current.setupModeUntil();
        JsonNode setupNode = body.get("setupMode");
        if (setupNode != null) {
            if (!setupNode.isObject()) {
                problems.add("setupMode: must be an object with 'enabled' and optional 'until'");
            } else {
                JsonNode enabled = setupNode.get("enabled");
                if (enabled == null || !enabled.isBoolean()) {
                    problems.add("setupMode.enabled: must be true or false");
                } else {
                    setupMode = enabled.asBoolean();
                }
                JsonNode untilNode = setupNode.get("until");
                until = null;
                if (untilNode != null && !untilNode.isNull()) {
                    until = parseDate(untilNode, problems);
                    if (until != null && !until.isAfter(now)) {
                        problems.add("setupMode.until: must lie in the future, was " + untilNode.asText());
                    }
                }
                if (!setupMode) {
                    until = null;
                }
            }
        }
        return new Result(new AccountSettings(features, setupMode, until), problems);
    }

    /** An ISO-8601 instant ("2027-01-31T12:00:00Z") or a date ("2027-01-31", the start of that day in UTC). */
    private static Instant parseDate(JsonNode node, List<String> problems) {
        String text = node.isTextual() ? node.asText().trim() : null;
        if (text != null) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException notAnInstant) {
                try {
                    return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notADate) {
                    // reported below
                }
            }
        }
        problems.add("setupMode.until: '" + node.asText() + "' is not an ISO-8601 date or date-time");
        return null;
    }
}
