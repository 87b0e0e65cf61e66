package com.maintenanceaccess.root;

import com.maintenanceaccess.account.SetupModeExpiryTask;
import com.maintenanceaccess.bundle.KeycloakInternals;
import com.maintenanceaccess.bundle.MxClockSpi;
import com.maintenanceaccess.bundle.ReportsBundleVersion;
import com.maintenanceaccess.signoff.SignoffSettings;
import java.time.Duration;
import java.time.Clock;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;
import org.keycloak.timer.TimerProvider;

/**
 * Mounts the bundle's REST API at {@code /realms/{realm}/mx}, and owns the bundle's
 * background job (ending setup modes whose end date has passed).
 */
public class MxResourceProviderFactory implements RealmResourceProviderFactory, ReportsBundleVersion {

    public static final String PROVIDER_ID = "mx";
    static final String SETUP_MODE_CHECK_INTERVAL = "setupModeCheckInterval";
    static final long DEFAULT_SETUP_MODE_CHECK_SECONDS = 60;

    private Clock clock;
    static final String SIGNOFF_ACR = "signoffAcr";
    static final String SIGNOFF_AUTH_WINDOW = "signoffAuthWindow";
    static final String SIGNOFF_CLIENT = "signoffClient";
    static final String TRAIL_RETENTION_YEARS = "trailRetentionYears";

    private long setupModeCheckSeconds = DEFAULT_SETUP_MODE_CHECK_SECONDS;
    // t25-notices
    static final String NOTICE_INTERVAL = "noticeInterval";
    static final long DEFAULT_NOTICE_SECONDS = 3600;
    private long noticeIntervalSeconds = DEFAULT_NOTICE_SECONDS;
    private SignoffSettings signoffSettings = SignoffSettings.defaults();
    static final String APPROVAL_LIFETIME_DAYS = "approvalLifetimeDays";
    private com.maintenanceaccess.approval.ApprovalSettings approvalSettings =
            com.maintenanceaccess.approval.ApprovalSettings.defaults();

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new MxResourceProvider(session, clock, signoffSettings, approvalSettings);
    }

    @Override
    public void init(Config.Scope config) {
        // Fail the start, not the first request, when a Keycloak upgrade removed what the bundle reaches into.
        KeycloakInternals.check();
        setupModeCheckSeconds = config.getLong(SETUP_MODE_CHECK_INTERVAL, DEFAULT_SETUP_MODE_CHECK_SECONDS);
        if (setupModeCheckSeconds < 1) {
            throw new IllegalArgumentException(SETUP_MODE_CHECK_INTERVAL + " must be at least 1 second");
        }
        noticeIntervalSeconds = config.getLong(NOTICE_INTERVAL, DEFAULT_NOTICE_SECONDS);
        if (noticeIntervalSeconds < 1) {
            throw new IllegalArgumentException(NOTICE_INTERVAL + " must be at least 1 second");
        }
        signoffSettings = new SignoffSettings(config.get(SIGNOFF_ACR, SignoffSettings.DEFAULT_ACR),
                Duration.ofSeconds(config.getLong(SIGNOFF_AUTH_WINDOW, SignoffSettings.DEFAULT_AUTH_WINDOW_SECONDS)),
                config.get(SIGNOFF_CLIENT, SignoffSettings.DEFAULT_CLIENT),
                config.getInt(TRAIL_RETENTION_YEARS, SignoffSettings.DEFAULT_RETENTION_YEARS));
        approvalSettings = new com.maintenanceaccess.approval.ApprovalSettings(Duration.ofDays(
                config.getInt(APPROVAL_LIFETIME_DAYS, com.maintenanceaccess.approval.ApprovalSettings.DEFAULT_DAYS)));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        clock = MxClockSpi.clock(factory);
        // Schedule once the database is migrated, as Keycloak's own jobs do.
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                // Every query on Keycloak's schema runs once, and each of the bundle's tables (created by
                // Keycloak from bundle/storage's changelog) is read: a missing table or column fails the start.
                KeycloakModelUtils.runJobInTransaction(factory, KeycloakInternals::checkStore);
                // Provider ids the bundle renamed, in realms stored with the old ones (a failure fails the start).
                KeycloakModelUtils.runJobInTransaction(factory, session -> session.realms().getRealmsStream()
                        .forEach(realm -> ProviderIdMigration.migrate(session, realm)));
                // Role templates held realm-wide (before accounts held them) move into their account.
                // A failure rolls the migration back and is logged; the server still starts (the
                // realm-level templates then count in no account until the next start).
                try {
                    KeycloakModelUtils.runJobInTransaction(factory, session -> session.realms().getRealmsStream().toList()
                            .forEach(realm -> {
                                session.getContext().setRealm(realm);
                                com.maintenanceaccess.account.TemplateMigration.migrate(session, realm);
                            }));
                } catch (RuntimeException e) {
                    org.jboss.logging.Logger.getLogger(com.maintenanceaccess.account.TemplateMigration.class)
                            .error("role templates could not be moved into accounts; nothing was changed", e);
                }
                KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(TimerProvider.class)
                        .scheduleTask(new SetupModeExpiryTask(clock), setupModeCheckSeconds * 1000,
                                SetupModeExpiryTask.TASK_NAME));
                // t25-notices: the notice job (docs/notices.md).
                KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(TimerProvider.class)
                        .scheduleTask(new com.maintenanceaccess.notice.NoticeTask(clock), noticeIntervalSeconds * 1000,
                                com.maintenanceaccess.notice.NoticeTask.TASK_NAME));
            } else if (event instanceof RealmModel.RealmPostCreateEvent created) {
                ProviderIdMigration.migrate(created.getKeycloakSession(), created.getCreatedRealm());
            }
        });
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(SETUP_MODE_CHECK_INTERVAL)
                .type("int")
                .helpText("Seconds between checks that switch off setup modes whose end date has passed.")
                .defaultValue(DEFAULT_SETUP_MODE_CHECK_SECONDS)
                .add()
                .property().name(SIGNOFF_ACR).type("string")
                .helpText("The ACR (acr.loa.map name) a signoff token must carry.")
                .defaultValue(SignoffSettings.DEFAULT_ACR).add()
                .property().name(SIGNOFF_AUTH_WINDOW).type("int")
                .helpText("Seconds a signoff may follow the signer's re-authentication (auth_time).")
                .defaultValue(SignoffSettings.DEFAULT_AUTH_WINDOW_SECONDS).add()
                .property().name(SIGNOFF_CLIENT).type("string")
                .helpText("The client whose tokens may sign (azp).")
                .defaultValue(SignoffSettings.DEFAULT_CLIENT).add()
                .property().name(TRAIL_RETENTION_YEARS).type("int")
                .helpText("Years the trail keeps a person's signature and authorization records after they left (at least 3).")
                .defaultValue(SignoffSettings.DEFAULT_RETENTION_YEARS).add()
                .property().name(APPROVAL_LIFETIME_DAYS).type("int")
                .helpText("Days a grant that needs a second person (four eyes) waits for approval before it can no longer be approved.")
                .defaultValue(com.maintenanceaccess.approval.ApprovalSettings.DEFAULT_DAYS).add()
                .property().name(NOTICE_INTERVAL).type("int")
                .helpText("Seconds between runs of the notice job (lapsing authorizations, pending invitations).")
                .defaultValue(DEFAULT_NOTICE_SECONDS).add()
                .build();
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
