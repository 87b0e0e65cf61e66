package com.maintenanceaccess.review.campaign;

import org.keycloak.models.OrganizationModel;

/**
 * The account's setting for items nobody decided by the close: organization attribute
 * {@value #UNDECIDED}, {@code keep} (the default) or {@code remove}; and the schedule,
 * {@value #EVERY_MONTHS} (read only here: the account settings write both).
 */
final class ReviewSettings {

    static final String UNDECIDED = "mx.review.undecided";
    /** Months between scheduled reviews (0 or absent: off, 1 to 24), written by the account settings. */
    static final String EVERY_MONTHS = "mx.review.every-months";

    private ReviewSettings() {
    }

    static int everyMonths(OrganizationModel account) {
        return ReviewSchedule.months(account.getAttributes().getOrDefault(EVERY_MONTHS, java.util.List.of()).stream()
                .findFirst().orElse(null));
    }

    static ReviewItem.Decision undecided(OrganizationModel account) {
        return "remove".equalsIgnoreCase(String.valueOf(account.getAttributes().getOrDefault(UNDECIDED, java.util.List.of())
                .stream().findFirst().orElse("keep")).trim()) ? ReviewItem.Decision.REMOVE : ReviewItem.Decision.KEEP;
    }
}
