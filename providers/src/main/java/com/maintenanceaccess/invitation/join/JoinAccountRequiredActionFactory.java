package com.maintenanceaccess.invitation.join;

import com.maintenanceaccess.bundle.ReportsBundleVersion;
import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;

/**
 * The {@value #PROVIDER_ID} required action, registered (enabled) in every realm as
 * {@code mx-accept-invitation} is: Keycloak runs only registered required actions, and this one is
 * never put on a user, only on the authentication session of a login that came through a join link.
 */
public class JoinAccountRequiredActionFactory implements RequiredActionFactory, ReportsBundleVersion {

    public static final String PROVIDER_ID = "mx-join-account";

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return new JoinAccountRequiredAction();
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                KeycloakModelUtils.runJobInTransaction(factory, session -> session.realms().getRealmsStream()
                        .forEach(JoinAccountRequiredActionFactory::register));
            } else if (event instanceof RealmModel.RealmPostCreateEvent created) {
                register(created.getCreatedRealm());
            }
        });
    }

    static void register(RealmModel realm) {
        if (realm.getRequiredActionProviderByAlias(PROVIDER_ID) != null) {
            return;
        }
        RequiredActionProviderModel model = new RequiredActionProviderModel();
        model.setAlias(PROVIDER_ID);
        model.setProviderId(PROVIDER_ID);
        model.setName("Join an account");
        model.setEnabled(true);
        model.setDefaultAction(false);
        // After the invitation of a new person (priority 1) and Keycloak's own actions.
        model.setPriority(1000);
        realm.addRequiredActionProvider(model);
    }

    @Override
    public String getDisplayText() {
        return "Join an account";
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
