package com.maintenanceaccess.api;

import com.maintenanceaccess.bundle.ReportsBundleVersion;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Mounts the bundle's REST API at {@code /realms/{realm}/mx}. */
public class MxResourceProviderFactory implements RealmResourceProviderFactory, ReportsBundleVersion {

    public static final String PROVIDER_ID = "mx";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new MxResourceProvider(session);
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
