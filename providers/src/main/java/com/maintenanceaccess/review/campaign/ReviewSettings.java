package com.maintenanceaccess.review.campaign;

import org.keycloak.models.OrganizationModel;

/**
 * The account's setting for items nobody decided by the close: organization attribute
 * {@value #UNDECIDED}, {@code keep} (the default) or {@code remove}.
 */
final class ReviewSettings {

    static final String UNDECIDED = "mx.review.undecided";

    private ReviewSettings() {
    }

    static ReviewItem.Decision undecided(OrganizationModel account) {
        return "remove".equalsIgnoreCase(String.valueOf(account.getAttributes().getOrDefault(UNDECIDED, java.util.List.of())
                .stream().findFirst().orElse("keep")).trim()) ? ReviewItem.Decision.REMOVE : ReviewItem.Decision.KEEP;
    }
}
