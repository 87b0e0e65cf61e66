package com.maintenanceaccess.invitation.flow;

import com.maintenanceaccess.bundle.MxClockSpi;
import com.maintenanceaccess.bundle.ReportsBundleVersion;
import com.maintenanceaccess.invitation.model.InvitationSettings;
import java.time.Clock;
import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;

/**
 * The {@code mx-accept-invitation} required action (formerly {@code accept-invitation}: existing
 * realms are rewritten by the root's {@code ProviderIdMigration}). Also registers (enables) it in every
 * realm: in existing realms once the server has migrated its database, and in every realm created or
 * imported later, so that administrators find it in the console and the create-user form
 * without a manual step and without listing every other required action in the realm file.
 */
public class AcceptInvitationRequiredActionFactory implements RequiredActionFactory, ReportsBundleVersion, InvitationSettings.Source {

    public static final String PROVIDER_ID = InvitationSettings.REQUIRED_ACTION;
    /** The id before the rename (read by the root's {@code ProviderIdMigration}, and for old option names). */
    public static final String FORMER_ID = "accept-invitation";

    private InvitationSettings settings = InvitationSettings.DEFAULTS;
    private Clock clock;

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return new AcceptInvitationRequiredAction(clock);
    }

    @Override
    public void init(Config.Scope config) {
        settings = InvitationSettings.from(config, Config.scope("required-action", FORMER_ID));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        clock = MxClockSpi.clock(factory);
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                KeycloakModelUtils.runJobInTransaction(factory, session -> session.realms().getRealmsStream()
                        .forEach(AcceptInvitationRequiredActionFactory::register));
            } else if (event instanceof RealmModel.RealmPostCreateEvent created) {
                register(created.getCreatedRealm());
            }
        });
    }

    /** Whether the user carries this required action. */
    public static boolean pending(UserModel user) {
        return user.getRequiredActionsStream().anyMatch(PROVIDER_ID::equals);
    }

    static void register(RealmModel realm) {
        if (realm.getRequiredActionProviderByAlias(PROVIDER_ID) != null) {
            return;
        }
        if (realm.getRequiredActionProviderByAlias(FORMER_ID) != null) {
            // Registered under the old id: the root's ProviderIdMigration renames that registration
            // with its settings (before or after this listener runs), so the realm keeps one.
            return;
        }
        RequiredActionProviderModel model = new RequiredActionProviderModel();
        model.setAlias(PROVIDER_ID);
        model.setProviderId(PROVIDER_ID);
        model.setName("Accept invitation");
        model.setEnabled(true);
        model.setDefaultAction(false);
        // Before every other required action: nothing else may happen before the invitation is accepted.
        model.setPriority(1);
        realm.addRequiredActionProvider(model);
    }

    @Override
    public InvitationSettings settings() {
        return settings;
    }

    @Override
    public String getDisplayText() {
        return "Accept invitation";
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
