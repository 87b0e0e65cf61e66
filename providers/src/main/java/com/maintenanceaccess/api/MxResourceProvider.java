package com.maintenanceaccess.api;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

public class MxResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;

    public MxResourceProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return new MxRootResource(session);
    }

    @Override
    public void close() {
    }
}
