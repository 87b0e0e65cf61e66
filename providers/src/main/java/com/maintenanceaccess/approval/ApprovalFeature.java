package com.maintenanceaccess.approval;

import com.maintenanceaccess.kernel.FeatureLifecycle;
import java.time.Duration;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The four-eyes option (docs/authorizations.md): how long a grant waits for its second person. */
public final class ApprovalFeature implements FeatureLifecycle {

    static final String APPROVAL_LIFETIME_DAYS = "approvalLifetimeDays";

    private ApprovalSettings settings = ApprovalSettings.defaults();

    @Override
    public List<ProviderConfigProperty> options() {
        return ProviderConfigurationBuilder.create()
                .property().name(APPROVAL_LIFETIME_DAYS).type("int")
                .helpText("Days a grant that needs a second person (four eyes) waits for approval before it can no longer be approved.")
                .defaultValue(ApprovalSettings.DEFAULT_DAYS).add()
                .build();
    }

    @Override
    public void init(Config.Scope config) {
        settings = new ApprovalSettings(Duration.ofDays(config.getInt(APPROVAL_LIFETIME_DAYS, ApprovalSettings.DEFAULT_DAYS)));
    }

    public ApprovalSettings settings() {
        return settings;
    }
}
