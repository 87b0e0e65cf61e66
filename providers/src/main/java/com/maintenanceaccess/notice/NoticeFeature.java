package com.maintenanceaccess.notice;

import com.maintenanceaccess.kernel.FeatureLifecycle;
import java.time.Clock;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The notices' option and job (docs/notices.md): the notice job every {@code noticeInterval}
 * seconds, with the other features' parts of it ({@link NoticeSource}s).
 */
public final class NoticeFeature implements FeatureLifecycle {

    static final String NOTICE_INTERVAL = "noticeInterval";
    static final long DEFAULT_NOTICE_SECONDS = 3600;

    private final List<NoticeSource> sources;
    private long intervalSeconds = DEFAULT_NOTICE_SECONDS;

    public NoticeFeature(List<NoticeSource> sources) {
        this.sources = List.copyOf(sources);
    }

    @Override
    public List<ProviderConfigProperty> options() {
        return ProviderConfigurationBuilder.create()
                .property().name(NOTICE_INTERVAL).type("int")
                .helpText("Seconds between runs of the notice job (lapsing authorizations, pending invitations).")
                .defaultValue(DEFAULT_NOTICE_SECONDS).add()
                .build();
    }

    @Override
    public void init(Config.Scope config) {
        intervalSeconds = FeatureLifecycle.intervalSeconds(config, NOTICE_INTERVAL, DEFAULT_NOTICE_SECONDS);
    }

    @Override
    public void start(KeycloakSessionFactory factory, Clock clock) {
        FeatureLifecycle.schedule(factory, new NoticeTask(clock, sources), intervalSeconds);
    }

    /** The other features' parts of a run, for the operator's run now ({@link NotificationsResource}). */
    public List<NoticeSource> sources() {
        return sources;
    }
}
