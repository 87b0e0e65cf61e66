package com.maintenanceaccess.review;

import com.maintenanceaccess.bundle.ReportsBundleVersion;
import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

public class AccessReviewListenerFactory implements EventListenerProviderFactory, ReportsBundleVersion {

    public static final String PROVIDER_ID = "mx-access-review";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new AccessReviewListener(session);
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
