package com.maintenanceaccess.kernel;

import com.maintenanceaccess.bundle.MxClockSpi;
import java.util.Map;
import org.keycloak.common.ClientConnection;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.events.EventStoreProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.AuthDetails;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.util.JsonSerialization;

/**
 * Emits the admin events of the bundle's writes: one per write, with the path of what changed
 * and a representation (before and after), so that the realm's admin event store and listeners
 * keep who changed what and when.
 *
 * <p>Resource type: Keycloak's own {@link ResourceType#CUSTOM}, because the admin events API
 * and the console's filter parse {@code resourceTypes} into that enum (an invented type such as
 * {@code MX_ACCOUNT} made them answer 500). Which of the bundle's kinds an event is
 * ({@code MX_ACCOUNT}, {@code MX_INVITATION} …) is in the detail {@value #KIND}.
 */
public final class AdminAudit {

    /** The detail holding the bundle's kind of event. */
    public static final String KIND = "mx_kind";

    private AdminAudit() {
    }

    /** A write made by an authenticated caller of the bundle's API. */
    public static void byCaller(KeycloakSession session, Authority caller, OperationType operation,
                                String resourceType, String path, Object representation) {
        byAdmin(session, session.getContext().getRealm(), caller.adminAuth(), session.getContext().getConnection(),
                operation, resourceType, path, representation, Map.of());
    }

    /**
     * A write made by whoever {@code auth} authenticated (an administrator or an account person), in
     * {@code realm}, from {@code connection} (may be null): the auth details Keycloak's own builder would
     * give the event (realm, client, user, address), and {@code details} besides the kind.
     */
    public static void byAdmin(KeycloakSession session, RealmModel realm, AdminAuth auth, ClientConnection connection,
                               OperationType operation, String resourceType, String path, Object representation,
                               Map<String, String> details) {
        AdminEvent event = newEvent(session, realm, operation, resourceType, path, representation);
        AuthDetails authDetails = new AuthDetails();
        authDetails.setRealmId(auth.getRealm().getId());
        authDetails.setRealmName(auth.getRealm().getName());
        authDetails.setClientId(auth.getClient() == null ? null : auth.getClient().getId());
        authDetails.setUserId(auth.getUser() == null ? null : auth.getUser().getId());
        authDetails.setIpAddress(connection == null ? null : connection.getRemoteAddr());
        event.setAuthDetails(authDetails);
        Map<String, String> all = new java.util.LinkedHashMap<>(details);
        all.put(KIND, resourceType);
        event.setDetails(all);
        send(session, realm, event);
    }

    /** An event that follows from another one (a warning about a grant): same actor, same time. */
    public static void asFollowUp(KeycloakSession session, RealmModel realm, AdminEvent cause, OperationType operation,
                                  String resourceType, String path, Object representation) {
        AdminEvent event = newEvent(session, realm, operation, resourceType, path, representation);
        event.setAuthDetails(new AuthDetails(cause.getAuthDetails()));
        event.setDetails(Map.of("cause", cause.getId() == null ? "" : cause.getId(), KIND, resourceType));
        send(session, realm, event);
    }

    /**
     * A write a person made for themselves through a login page (joining an account they were
     * invited to): the person is the actor (user id and realm in the auth details).
     */
    public static void byPerson(KeycloakSession session, RealmModel realm, org.keycloak.models.UserModel person,
                                OperationType operation, String resourceType, String path, Object representation) {
        AdminEvent event = newEvent(session, realm, operation, resourceType, path, representation);
        AuthDetails auth = new AuthDetails();
        auth.setRealmId(realm.getId());
        auth.setRealmName(realm.getName());
        auth.setUserId(person.getId());
        org.keycloak.models.ClientModel client = session.getContext().getClient();
        auth.setClientId(client == null ? null : client.getId());
        auth.setIpAddress(session.getContext().getConnection() == null ? null
                : session.getContext().getConnection().getRemoteAddr());
        event.setAuthDetails(auth);
        event.setDetails(Map.of("actor", person.getId(), KIND, resourceType));
        send(session, realm, event);
    }

    /** The actor of the scheduled jobs' events. */
    public static final String SCHEDULER = "maintenance-access:scheduler";

    /**
     * A write the server made by itself (a scheduled job, the start-up import): no user or client
     * acted, so the event names the bundle's {@code actor} in its details and as the client of its
     * auth details. It goes where Keycloak's own builder sends events: the store when admin events
     * are on, the realm's listeners always.
     */
    public static void bySystem(KeycloakSession session, RealmModel realm, String actor, OperationType operation,
                                String resourceType, String path, Object representation) {
        bySystem(session, realm, actor, operation, resourceType, path, representation, Map.of());
    }

    /** {@link #bySystem} with details of the kind's own (e.g. the invitation's {@code mx_invitation}). */
    public static void bySystem(KeycloakSession session, RealmModel realm, String actor, OperationType operation,
                                String resourceType, String path, Object representation, Map<String, String> details) {
        AdminEvent event = newEvent(session, realm, operation, resourceType, path, representation);
        AuthDetails auth = new AuthDetails();
        auth.setRealmId(realm.getId());
        auth.setRealmName(realm.getName());
        auth.setClientId(actor);
        auth.setIpAddress("127.0.0.1");
        event.setAuthDetails(auth);
        Map<String, String> all = new java.util.LinkedHashMap<>(details);
        all.put("actor", actor);
        all.put(KIND, resourceType);
        event.setDetails(all);
        send(session, realm, event);
    }

    private static AdminEvent newEvent(KeycloakSession session, RealmModel realm, OperationType operation,
                                       String resourceType, String path,
                                       Object representation) {
        AdminEvent event = new AdminEvent();
        event.setId(java.util.UUID.randomUUID().toString());
        // The bundle's one clock, so that an event's time agrees with the trail entry and the state it records.
        event.setTime(MxClockSpi.clock(session).millis());
        event.setRealmId(realm.getId());
        event.setRealmName(realm.getName());
        event.setOperationType(operation);
        event.setResourceType(ResourceType.CUSTOM);
        event.setResourcePath(path);
        if (representation == null) {
            return event;
        }
        try {
            event.setRepresentation(JsonSerialization.writeValueAsString(representation));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return event;
    }

    /**
     * Into the realm's admin event store (when on) and to its listeners and the global ones, as
     * Keycloak's own builder does (which would stamp Keycloak's time instead of the bundle's clock).
     */
    private static void send(KeycloakSession session, RealmModel realm, AdminEvent event) {
        boolean withRepresentation = realm.isAdminEventsDetailsEnabled();
        if (realm.isAdminEventsEnabled()) {
            EventStoreProvider store = session.getProvider(EventStoreProvider.class);
            if (store != null) {
                store.onEvent(event, withRepresentation);
            }
        }
        java.util.Set<String> listeners = realm.getEventsListenersStream()
                .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));
        session.getKeycloakSessionFactory().getProviderFactoriesStream(EventListenerProvider.class)
                .filter(factory -> ((EventListenerProviderFactory) factory).isGlobal())
                .forEach(factory -> listeners.add(factory.getId()));
        listeners.stream()
                .map(id -> session.getProvider(EventListenerProvider.class, id))
                .filter(java.util.Objects::nonNull)
                .forEach(listener -> listener.onEvent(event, withRepresentation));
    }
}
