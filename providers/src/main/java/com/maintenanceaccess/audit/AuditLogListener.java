package com.maintenanceaccess.audit;

import org.jboss.logging.Logger;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;

public class AuditLogListener implements EventListenerProvider {

    private static final Logger LOG = Logger.getLogger("com.maintenanceaccess.audit");

    @Override
    public void onEvent(Event event) {
        LOG.info(AuditLine.of(event));
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        LOG.info(AuditLine.of(event, includeRepresentation));
    }

    @Override
    public void close() {
    }
}
