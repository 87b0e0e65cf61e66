package com.maintenanceaccess.authorization.console;

import com.maintenanceaccess.authorization.model.AuthorizationStore;
import com.maintenanceaccess.authorization.model.AuthorizationStore.Stored;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * After a user is created or saved through the admin console or admin REST API, rebuilds the
 * user's expiry index from the records in the same transaction. The records themselves cannot
 * change on that path any more (read-only in the user profile, {@link PersonnelAuthorizationValidator});
 * the index is rebuilt so that it always describes exactly the stored records.
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
    }

    @Override
    public void close() {
    }
}
