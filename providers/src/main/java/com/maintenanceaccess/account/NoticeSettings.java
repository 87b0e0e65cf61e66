package com.maintenanceaccess.account;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * An account's notice settings, stored as organization attributes beside its other settings (the
 * console's organization page shows and edits them): the lead times before an authorization lapses,
 * the days after which a pending invitation is reminded, and whether officers and administrators
 * get their copies. There is no setting that silences the notices a person gets about their own
 * authorizations: that is on purpose (issue 25).
 */
public record NoticeSettings(List<Integer> leadDays, List<Integer> invitationDays, boolean toOfficers,
        boolean toAdministrators) {

    public static final String LEAD_DAYS = "mx.notices.lead-days";
    public static final String INVITATION_DAYS = "mx.notices.invitation-days";
    public static final String TO_OFFICERS = "mx.notices.officers";
    public static final String TO_ADMINISTRATORS = "mx.notices.administrators";
    public static final List<Integer> DEFAULT_LEAD_DAYS = List.of(60, 30, 7);
    public static final List<Integer> DEFAULT_INVITATION_DAYS = List.of(3, 7);
    /** Lead times beyond a year are refused: the job looks that far ahead, no further. */
    public static final int MAX_DAYS = 365;

    public NoticeSettings {
        leadDays = sortedDescending(leadDays);
        invitationDays = sortedDescending(invitationDays);
    }

    public static NoticeSettings defaults() {
        return new NoticeSettings(DEFAULT_LEAD_DAYS, DEFAULT_INVITATION_DAYS, true, true);
    }

    /** Reads the settings; an absent or unreadable value means its default (and a bad value is logged by the caller). */
    public static NoticeSettings fromAttributes(Map<String, List<String>> attributes) {
        return new NoticeSettings(
                days(first(attributes.get(LEAD_DAYS)), DEFAULT_LEAD_DAYS),
                days(first(attributes.get(INVITATION_DAYS)), DEFAULT_INVITATION_DAYS),
                !"off".equalsIgnoreCase(first(attributes.get(TO_OFFICERS))),
                !"off".equalsIgnoreCase(first(attributes.get(TO_ADMINISTRATORS))));
    }

    /** "60, 30,7" as days; {@code fallback} when empty or when any part is not a day count of 1..365. */
    static List<Integer> days(String value, List<Integer> fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        List<Integer> days = new ArrayList<>();
        for (String part : value.split(",")) {
            try {
                int day = Integer.parseInt(part.trim());
                if (day < 1 || day > MAX_DAYS) {
                    return fallback;
                }
                days.add(day);
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return days;
    }

    private static List<Integer> sortedDescending(List<Integer> days) {
        TreeSet<Integer> distinct = new TreeSet<>(Comparator.reverseOrder());
        distinct.addAll(days);
        return List.copyOf(distinct);
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
