package com.maintenanceaccess.review;

import com.maintenanceaccess.notice.NoticeSource;
import com.maintenanceaccess.review.campaign.ReviewJob;

/**
 * What the access reviews add to the bundle's jobs: their part of every notice run
 * (docs/access-review.md, "The schedule and the job"). The reviews' closes and scheduled starts
 * run with the notice job, every {@code noticeInterval} and on {@code POST /mx/notifications/run},
 * because their reminders are notices that its ledger sends once; the root hands this source to
 * the notice feature, so the notice package does not import this one.
 */
public final class ReviewFeature {

    /** Closes and starts what is due in a realm's accounts, and answers the reminders due now. */
    public static final NoticeSource CAMPAIGNS = (factory, clock, realmId, now) -> new ReviewJob(factory, clock).run(realmId, now);

    private ReviewFeature() {
    }
}
