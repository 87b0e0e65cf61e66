package com.maintenanceaccess.invitation.admin;

import com.maintenanceaccess.bundle.MxClockSpi;
import com.maintenanceaccess.bundle.ReportsBundleVersion;
import java.time.Clock;
import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Global listener (no realm configuration needed): a user created through the admin API or
 * console with the {@code mx-accept-invitation} required action gets an invitation at once.
 */
public class InviteOnCreateListenerFactory implements EventListenerProviderFactory, ReportsBundleVersion {

    public static final String PROVIDER_ID = "mx-invite-on-create";

    private KeycloakSessionFactory sessionFactory;
    private Clock clock;

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new InviteOnCreateListener(session, sessionFactory, clock);
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        this.sessionFactory = factory;
        this.clock = MxClockSpi.clock(factory);
    }

    @Override
    public boolean isGlobal() {
        return true;
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
