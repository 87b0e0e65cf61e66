package com.maintenanceaccess.audit;

import com.maintenanceaccess.bundle.ReportsBundleVersion;
import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Mirrors every user and admin event of a realm that enables it as one JSON line on the
 * {@code com.maintenanceaccess.audit} log category, so that operators can ship the audit
 * trail to their log store. Keycloak's own event store keeps the same events in the
 * database for the configured retention.
 */
public class AuditLogListenerFactory implements EventListenerProviderFactory, ReportsBundleVersion {

    public static final String PROVIDER_ID = "mx-audit-log";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new AuditLogListener();
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
