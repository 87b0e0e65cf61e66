package com.maintenanceaccess.account;

import jakarta.annotation.Nullable;
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
 * whether it is in setup mode, optionally until an end date after which it is off by itself;
 * its notices (lead times, invitation reminders, officers' and administrators' copies:
 * {@link NoticeSettings}, docs/notices.md) and its access reviews (how often one starts by
 * itself, what happens to undecided items: {@link Review}, docs/access-review.md).
 * Stored as organization attributes so the admin console's organization page shows them.
 */
public record AccountSettings(Set<String> features, boolean setupMode, Instant setupModeUntil, NoticeSettings notices,
        Review review) {

    public static final String FEATURES = "mx.features";
    public static final String SETUP_MODE = "mx.setup-mode";
    public static final String SETUP_MODE_UNTIL = "mx.setup-mode-until";
    public static final String REVIEW_EVERY_MONTHS = "mx.review.every-months";
    public static final String REVIEW_UNDECIDED = "mx.review.undecided";

    /**
     * The account's access reviews: one starts by itself every {@code everyMonths} months (0: none
     * is scheduled, else 1 to 24), and items nobody decided by the close are kept or removed
     * ({@code undecided}: {@value #KEEP} or {@value #REMOVE}).
     */
    public record Review(int everyMonths, String undecided) {
        public static final String KEEP = "keep";
        public static final String REMOVE = "remove";
        public static final int MAX_MONTHS = 24;
        public static final Review DEFAULT = new Review(0, KEEP);
    }

    public AccountSettings {
        features = Set.copyOf(new TreeSet<>(features));
        notices = notices == null ? NoticeSettings.defaults() : notices;
        review = review == null ? Review.DEFAULT : review;
    }

    /** Features and setup mode; notices and reviews as by default. */
    public AccountSettings(Set<String> features, boolean setupMode, Instant setupModeUntil) {
        this(features, setupMode, setupModeUntil, null, null);
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
        return new AccountSettings(features, setupMode, until, NoticeSettings.fromAttributes(attributes),
                reviewFrom(attributes));
    }

    /** An absent or unreadable value means its default (no schedule; keep), as the review job reads it. */
    private static Review reviewFrom(Map<String, List<String>> attributes) {
        int months = 0;
        String text = first(attributes.get(REVIEW_EVERY_MONTHS));
        if (text != null) {
            try {
                int parsed = Integer.parseInt(text.trim());
                months = parsed >= 0 && parsed <= Review.MAX_MONTHS ? parsed : 0;
            } catch (NumberFormatException e) {
                months = 0;
            }
        }
        String undecided = first(attributes.get(REVIEW_UNDECIDED));
        return new Review(months, undecided != null && Review.REMOVE.equalsIgnoreCase(undecided.trim())
                ? Review.REMOVE : Review.KEEP);
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
        return new AccountSettings(features, false, null, notices, review);
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
        // Notices and reviews: a default is the attribute's absence (and an unreadable value typed
        // in the console is replaced by what it meant, its default).
        NoticeSettings defaults = NoticeSettings.defaults();
        put(result, NoticeSettings.LEAD_DAYS, notices.leadDays().equals(defaults.leadDays()) ? null : days(notices.leadDays()));
        put(result, NoticeSettings.INVITATION_DAYS, notices.invitationDays().equals(defaults.invitationDays()) ? null
                : days(notices.invitationDays()));
        put(result, NoticeSettings.TO_OFFICERS, notices.toOfficers() ? null : "off");
        put(result, NoticeSettings.TO_ADMINISTRATORS, notices.toAdministrators() ? null : "off");
        put(result, REVIEW_EVERY_MONTHS, review.everyMonths() == 0 ? null : String.valueOf(review.everyMonths()));
        put(result, REVIEW_UNDECIDED, Review.KEEP.equals(review.undecided()) ? null : review.undecided());
        return result;
    }

    private static void put(Map<String, List<String>> attributes, String name, String value) {
        if (value == null) {
            attributes.remove(name);
        } else {
            attributes.put(name, List.of(value));
        }
    }

    private static String days(List<Integer> days) {
        return String.join(",", days.stream().map(String::valueOf).toList());
    }

    /** GET and PUT /mx/accounts/{id}: the account and what it has switched on. */
    public record AccountAnswer(String id, String alias, String name, List<String> features, SetupModeView setupMode,
                                NoticesView notices, ReviewView review) {
    }

    /** Setup mode as switched on, its end (ISO instant, none when open-ended), and whether it is on now. */
    public record SetupModeView(boolean enabled, @Nullable String until, boolean activeNow) {
    }

    /** The account's notices (docs/notices.md). */
    public record NoticesView(List<Integer> leadDays, List<Integer> invitationDays, boolean officers,
                              boolean administrators) {
    }

    /** The account's access reviews (docs/access-review.md): every how many months, and undecided items. */
    public record ReviewView(int everyMonths, String undecided) {
    }

    /** The account's answer: its names and these settings as at {@code now}. */
    public AccountAnswer answer(String id, String alias, String name, Instant now) {
        return new AccountAnswer(id, alias, name, new ArrayList<>(new TreeSet<>(features)),
                new SetupModeView(setupMode, setupModeUntil == null ? null : setupModeUntil.toString(), inSetupModeAt(now)),
                new NoticesView(notices.leadDays(), notices.invitationDays(), notices.toOfficers(), notices.toAdministrators()),
                new ReviewView(review.everyMonths(), review.undecided()));
    }

    /** The settings alone, for the admin events' before and after: the answer's fields but the names. */
    public Map<String, Object> toRepresentation(Instant now) {
        AccountAnswer answer = answer(null, null, null, now);
        Map<String, Object> representation = new LinkedHashMap<>();
        representation.put("features", answer.features());
        representation.put("setupMode", answer.setupMode());
        representation.put("notices", answer.notices());
        representation.put("review", answer.review());
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
