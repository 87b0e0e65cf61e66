package com.maintenanceaccess.api;

import java.time.Clock;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

public class MxResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;
    private final Clock clock;

    public MxResourceProvider(KeycloakSession session, Clock clock) {
        this.session = session;
        this.clock = clock;
    }

    @Override
    public Object getResource() {
        return new MxRootResource(session, clock);
    }

    @Override
    public void close() {
    }
}
