package com.maintenanceaccess.audit;

import com.maintenanceaccess.api.Authority;
import com.maintenanceaccess.api.MxCaller;
import java.util.Map;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventStoreProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.AuthDetails;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.util.JsonSerialization;

/**
 * Emits the admin events of the bundle's writes: one per write, with the bundle's resource
 * type, the path of what changed and a representation (before and after), so that the
 * realm's admin event store and listeners keep who changed what and when.
 */
public final class AdminAudit {

    private AdminAudit() {
    }

    /** A write made by an authenticated caller of the bundle's API. */
    public static void byCaller(KeycloakSession session, Authority caller, OperationType operation,
                                String resourceType, String path, Object representation) {
        RealmModel realm = session.getContext().getRealm();
        new AdminEventBuilder(realm, caller.adminAuth(), session, session.getContext().getConnection())
                .operation(operation)
                .resource(resourceType)
                .resourcePath(path)
                .representation(representation)
                .success();
    }

    /** For branches not yet on {@link Authority}. */
    @Deprecated(forRemoval = true)
    public static void byCaller(KeycloakSession session, MxCaller caller, OperationType operation,
                                String resourceType, String path, Object representation) {
        byCaller(session, caller.authority(), operation, resourceType, path, representation);
    }

    /** An event that follows from another one (a warning about a grant): same actor, same time. */
    public static void asFollowUp(KeycloakSession session, RealmModel realm, AdminEvent cause, OperationType operation,
                                  String resourceType, String path, Object representation) {
        AdminEvent event = newEvent(realm, operation, resourceType, path, representation);
        event.setAuthDetails(new AuthDetails(cause.getAuthDetails()));
        event.setDetails(Map.of("cause", cause.getId() == null ? "" : cause.getId()));
        send(session, realm, event);
    }

    /**
     * A write the server made by itself (a scheduled job): no user or client acted, so the
     * event names the bundle as the actor in its details.
     */
    public static void bySystem(KeycloakSession session, RealmModel realm, OperationType operation,
                                String resourceType, String path, Object representation) {
        AdminEvent event = newEvent(realm, operation, resourceType, path, representation);
        AuthDetails auth = new AuthDetails();
        auth.setRealmId(realm.getId());
        auth.setRealmName(realm.getName());
        auth.setIpAddress("127.0.0.1");
        event.setAuthDetails(auth);
        event.setDetails(Map.of("actor", "maintenance-access:scheduler"));
        send(session, realm, event);
    }

    private static AdminEvent newEvent(RealmModel realm, OperationType operation, String resourceType, String path,
                                       Object representation) {
        AdminEvent event = new AdminEvent();
        event.setId(java.util.UUID.randomUUID().toString());
        event.setTime(org.keycloak.common.util.Time.currentTimeMillis());
        event.setRealmId(realm.getId());
        event.setRealmName(realm.getName());
        event.setOperationType(operation);
        event.setResourceTypeAsString(resourceType);
        event.setResourcePath(path);
        try {
            event.setRepresentation(JsonSerialization.writeValueAsString(representation));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return event;
    }

    /** Into the realm's admin event store (when on) and to its listeners, as Keycloak's own builder does. */
    private static void send(KeycloakSession session, RealmModel realm, AdminEvent event) {
        boolean withRepresentation = realm.isAdminEventsDetailsEnabled();
        if (realm.isAdminEventsEnabled()) {
            EventStoreProvider store = session.getProvider(EventStoreProvider.class);
            if (store != null) {
                store.onEvent(event, withRepresentation);
            }
        }
        realm.getEventsListenersStream()
                .map(id -> session.getProvider(EventListenerProvider.class, id))
                .filter(java.util.Objects::nonNull)
                .forEach(listener -> listener.onEvent(event, withRepresentation));
    }
}
