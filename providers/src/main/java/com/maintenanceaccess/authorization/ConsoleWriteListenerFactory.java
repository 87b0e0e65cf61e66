package com.maintenanceaccess.authorization;

import com.maintenanceaccess.bundle.ReportsBundleVersion;
import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** Enable per realm (eventsListeners) so console writes of authorizations are indexed and audited. */
public class ConsoleWriteListenerFactory implements EventListenerProviderFactory, ReportsBundleVersion {

    public static final String PROVIDER_ID = "mx-personnel-authorizations";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new ConsoleWriteListener(session);
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
