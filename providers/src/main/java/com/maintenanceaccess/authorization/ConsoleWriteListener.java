package com.maintenanceaccess.authorization;

import com.maintenanceaccess.authorization.AuthorizationStore.Stored;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.AuthDetails;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * Completes a write of {@code mx_authorizations} made through the user profile (admin console
 * or admin REST API): Keycloak's own USER event carries only the new user, so this listener,
 * called in the same transaction, refreshes the expiry index and emits one
 * {@value AuthorizationFeature#RESOURCE_TYPE} event per record changed, with before and after.
 * The validator already refused the write if the actor was not allowed to make it.
 */
public class ConsoleWriteListener implements EventListenerProvider {

    private final KeycloakSession session;

    public ConsoleWriteListener(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
    }

    @Override
    @SuppressWarnings("unchecked")
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        if (event.getResourceType() != ResourceType.USER || event.getError() != null
                || (event.getOperationType() != OperationType.CREATE && event.getOperationType() != OperationType.UPDATE)
                || event.getResourcePath() == null || !event.getResourcePath().matches("users/[^/]+")) {
            return;
        }
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        UserModel user = realm == null ? null : session.users().getUserById(realm, event.getResourcePath().substring(6));
        if (user == null) {
            return;
        }
        Stored now = AuthorizationStore.read(user);
        AuthorizationStore.reindex(user, now.records());
        Map<String, List<String>> remembered = session.getAttribute(PersonnelAuthorizationValidator.BEFORE, Map.class);
        if (remembered == null) {
            return;
        }
        List<String> beforeValues = remembered.remove(event.getOperationType() == OperationType.CREATE ? "" : user.getId());
        if (beforeValues == null) {
            return;
        }
        List<PersonnelAuthorization> before = AuthorizationStore.read(beforeValues, user.getId()).records();
        for (PersonnelAuthorization after : now.records()) {
            PersonnelAuthorization old = AuthorizationChanges.byId(before, after.id()).orElse(null);
            if (!Objects.equals(old, after)) {
                AuthorizationEvents.emit(session, realm, builder(realm, event.getAuthDetails()), event.getAuthDetails().getUserId(), user,
                        old == null ? "grant" : "update", old, after, "admin-console");
            }
        }
        for (PersonnelAuthorization old : before) {
            if (AuthorizationChanges.byId(now.records(), old.id()).isEmpty()) {
                AuthorizationEvents.emit(session, realm, builder(realm, event.getAuthDetails()), event.getAuthDetails().getUserId(), user, "remove", old, null, "admin-console");
            }
        }
    }

    /** An event builder whose actor is the actor of Keycloak's USER event. */
    private AdminEventBuilder builder(RealmModel realm, AuthDetails details) {
        RealmModel authRealm = session.realms().getRealm(details.getRealmId());
        UserModel actor = authRealm == null ? null : session.users().getUserById(authRealm, details.getUserId());
        ClientModel client = authRealm == null ? null : authRealm.getClientById(details.getClientId());
        AccessToken token = session.getContext().getBearerToken() instanceof AccessToken t ? t : null;
        AdminEventBuilder builder = new AdminEventBuilder(realm, new AdminAuth(authRealm, token, actor, client),
                session, session.getContext().getConnection());
        if (details.getIpAddress() != null) {
            builder.authIpAddress(details.getIpAddress());
        }
        return builder;
    }

    @Override
    public void close() {
    }
}
