package com.maintenanceaccess.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.kernel.Problems.Problem;
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
 * <pre>{"features": ["planning", "workshop"], "setupMode": {"enabled": true, "until": "2027-01-31T00:00:00Z"},
 *  "notices": {"leadDays": [60, 30, 7], "invitationDays": [3, 7], "officers": true, "administrators": true},
 *  "review": {"everyMonths": 6, "undecided": "keep"}}</pre>
 *
 * There is no field that stops the notices a person gets about their own authorizations (issue 25).
 */
public final class AccountSettingsUpdate {

    public record Result(AccountSettings settings, List<Problem> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private AccountSettingsUpdate() {
    }

    public static Result apply(AccountSettings current, JsonNode body, Set<String> knownFeatures, Instant now) {
        List<Problem> problems = new ArrayList<>();
        if (body == null || !body.isObject()) {
            return new Result(current, List.of(new Problem("body", "must be a JSON object")));
        }
        body.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                problems.add(new Problem(field, "unknown field (allowed: " + String.join(", ", FIELDS) + ")"));
            }
        });

        Set<String> features = current.features();
        JsonNode featuresNode = body.get("features");
        if (featuresNode != null) {
            features = new LinkedHashSet<>();
            if (!featuresNode.isArray()) {
                problems.add(new Problem("features", "must be an array of feature names"));
            } else {
                for (JsonNode feature : featuresNode) {
                    if (!feature.isTextual()) {
                        problems.add(new Problem("features", feature + " is not a feature name"));
                    } else if (!knownFeatures.contains(feature.asText())) {
                        problems.add(new Problem("features", "unknown feature '" + feature.asText() + "' (known: "
                                + String.join(", ", new java.util.TreeSet<>(knownFeatures)) + ")"));
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
                problems.add(new Problem("setupMode", "must be an object with 'enabled' and optional 'until'"));
            } else {
                JsonNode enabled = setupNode.get("enabled");
                if (enabled == null || !enabled.isBoolean()) {
                    problems.add(new Problem("setupMode.enabled", "must be true or false"));
                } else {
                    setupMode = enabled.asBoolean();
                }
                JsonNode untilNode = setupNode.get("until");
                until = null;
                if (untilNode != null && !untilNode.isNull()) {
                    until = parseDate(untilNode, problems);
                    if (until != null && !until.isAfter(now)) {
                        problems.add(new Problem("setupMode.until", "must lie in the future, was " + untilNode.asText()));
                    }
                }
                if (!setupMode) {
                    until = null;
                }
            }
        }
        NoticeSettings notices = notices(current.notices(), body.get("notices"), problems);
        AccountSettings.Review review = review(current.review(), body.get("review"), problems);
        return new Result(new AccountSettings(features, setupMode, until, notices, review), problems);
    }

    private static final List<String> FIELDS = List.of("features", "setupMode", "notices", "review");
    private static final List<String> NOTICE_FIELDS = List.of("leadDays", "invitationDays", "officers", "administrators");
    private static final List<String> REVIEW_FIELDS = List.of("everyMonths", "undecided");
    private static final int MAX_DAY_COUNTS = 10;

    /** The account's notices; a left-out field keeps its value. */
    private static NoticeSettings notices(NoticeSettings current, JsonNode node, List<Problem> problems) {
        if (node == null) {
            return current;
        }
        if (!node.isObject()) {
            problems.add(new Problem("notices", "must be an object with leadDays, invitationDays, officers, administrators"));
            return current;
        }
        unknown(node, "notices", NOTICE_FIELDS, problems);
        return new NoticeSettings(
                days(node, "leadDays", current.leadDays(), problems),
                days(node, "invitationDays", current.invitationDays(), problems),
                flag(node, "notices", "officers", current.toOfficers(), problems),
                flag(node, "notices", "administrators", current.toAdministrators(), problems));
    }

    /** The account's review schedule and its rule for undecided items; a left-out field keeps its value. */
    private static AccountSettings.Review review(AccountSettings.Review current, JsonNode node, List<Problem> problems) {
        if (node == null) {
            return current;
        }
        if (!node.isObject()) {
            problems.add(new Problem("review", "must be an object with everyMonths and undecided"));
            return current;
        }
        unknown(node, "review", REVIEW_FIELDS, problems);
        int months = current.everyMonths();
        JsonNode monthsNode = node.get("everyMonths");
        if (monthsNode != null) {
            if (!monthsNode.isInt() || monthsNode.asInt() < 0 || monthsNode.asInt() > AccountSettings.Review.MAX_MONTHS) {
                problems.add(new Problem("review.everyMonths", "must be 0 (no schedule) or a number of months from 1 to "
                        + AccountSettings.Review.MAX_MONTHS + ", was " + shortText(monthsNode)));
            } else {
                months = monthsNode.asInt();
            }
        }
        String undecided = current.undecided();
        JsonNode undecidedNode = node.get("undecided");
        if (undecidedNode != null) {
            if (!undecidedNode.isTextual() || !List.of(AccountSettings.Review.KEEP, AccountSettings.Review.REMOVE)
                    .contains(undecidedNode.asText())) {
                problems.add(new Problem("review.undecided", "must be keep or remove, was " + shortText(undecidedNode)));
            } else {
                undecided = undecidedNode.asText();
            }
        }
        return new AccountSettings.Review(months, undecided);
    }

    private static void unknown(JsonNode node, String parent, List<String> allowed, List<Problem> problems) {
        node.fieldNames().forEachRemaining(field -> {
            if (!allowed.contains(field)) {
                problems.add(new Problem(parent + "." + field, "unknown field (allowed: " + String.join(", ", allowed) + ")"));
            }
        });
    }

    /** A list of 1 to 10 day counts, each 1 to 365 (NoticeSettings.MAX_DAYS). */
    private static List<Integer> days(JsonNode parent, String field, List<Integer> current, List<Problem> problems) {
        JsonNode node = parent.get(field);
        if (node == null) {
            return current;
        }
        String name = "notices." + field;
        if (!node.isArray() || node.isEmpty() || node.size() > MAX_DAY_COUNTS) {
            problems.add(new Problem(name, "must be a list of 1 to " + MAX_DAY_COUNTS + " day counts"));
            return current;
        }
        List<Integer> days = new ArrayList<>();
        for (JsonNode day : node) {
            if (!day.isInt() || day.asInt() < 1 || day.asInt() > NoticeSettings.MAX_DAYS) {
                problems.add(new Problem(name, shortText(day) + " is not a day count from 1 to " + NoticeSettings.MAX_DAYS));
                return current;
            }
            days.add(day.asInt());
        }
        return days;
    }

    private static boolean flag(JsonNode parent, String parentName, String field, boolean current, List<Problem> problems) {
        JsonNode node = parent.get(field);
        if (node == null) {
            return current;
        }
        if (!node.isBoolean()) {
            problems.add(new Problem(parentName + "." + field, "must be true or false"));
            return current;
        }
        return node.asBoolean();
    }

    /** A value as the error body repeats it: short, so a hostile body is not echoed at length. */
    private static String shortText(JsonNode node) {
        String text = node.isTextual() ? "'" + node.asText() + "'" : node.toString();
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** An ISO-8601 instant ("2027-01-31T12:00:00Z") or a date ("2027-01-31", the start of that day in UTC). */
    private static Instant parseDate(JsonNode node, List<Problem> problems) {
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
        problems.add(new Problem("setupMode.until", "'" + node.asText() + "' is not an ISO-8601 date or date-time"));
        return null;
    }
}
