package com.maintenanceaccess.approval;

import java.time.Duration;

/** How long a request waits for its second person (option {@code approvalLifetimeDays}, default 7, read by {@link ApprovalFeature}). */
public record ApprovalSettings(Duration lifetime) {

    public static final int DEFAULT_DAYS = 7;

    public ApprovalSettings {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("approvalLifetimeDays must be at least 1");
        }
    }

    public static ApprovalSettings defaults() {
        return new ApprovalSettings(Duration.ofDays(DEFAULT_DAYS));
    }
}
