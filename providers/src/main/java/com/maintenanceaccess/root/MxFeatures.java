package com.maintenanceaccess.root;

import com.maintenanceaccess.account.AccountFeature;
import com.maintenanceaccess.approval.ApprovalFeature;
import com.maintenanceaccess.kernel.FeatureLifecycle;
import com.maintenanceaccess.notice.NoticeFeature;
import com.maintenanceaccess.review.ReviewFeature;
import com.maintenanceaccess.signoff.SignoffFeature;
import com.maintenanceaccess.trail.TrailFeature;
import java.util.List;

/**
 * The features that read options of the {@code mx} provider or schedule jobs, each through its
 * entry class. {@link #all()} is also the order in which Provider info lists their options.
 */
record MxFeatures(AccountFeature account, SignoffFeature signoff, TrailFeature trail, ApprovalFeature approval,
                  NoticeFeature notice) {

    static MxFeatures create() {
        return new MxFeatures(new AccountFeature(), new SignoffFeature(), new TrailFeature(), new ApprovalFeature(),
                new NoticeFeature(List.of(ReviewFeature.CAMPAIGNS)));
    }

    List<FeatureLifecycle> all() {
        return List.of(account, signoff, trail, approval, notice);
    }
}
