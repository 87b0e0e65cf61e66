package com.maintenanceaccess.root;

import java.time.Clock;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

public class MxResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;
    private final Clock clock;
    private final MxFeatures features;

    MxResourceProvider(KeycloakSession session, Clock clock, MxFeatures features) {
        this.session = session;
        this.clock = clock;
        this.features = features;
    }

    @Override
    public Object getResource() {
        return new MxRootResource(session, clock, features);
    }

    @Override
    public void close() {
    }
}
