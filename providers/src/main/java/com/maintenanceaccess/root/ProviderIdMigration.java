package com.maintenanceaccess.root;

import com.maintenanceaccess.kernel.AdminAudit;
import com.maintenanceaccess.authorization.console.ConsoleWriteListenerFactory;
import com.maintenanceaccess.invitation.flow.AcceptInvitationRequiredActionFactory;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.models.UserModel;

/**
 * Rewrites provider ids the bundle renamed (all its ids now carry the {@code mx-} prefix) in a
 * realm stored with the old ones, so that an existing realm keeps working after an upgrade:
 * the realm's required-action registration, every user's pending required action, and the
 * realm's event-listener list. The user-profile validator ({@code mx-personnel-authorization})
 * and the authenticator ({@code mx-invitation-idp-link}) kept their ids, so flows and the user
 * profile need nothing.
 *
 * <p>Runs once the database is migrated, for every realm, and for a realm created or imported
 * later ({@link MxResourceProviderFactory}: the root, which alone may know every feature's ids). Idempotent: a realm without an old id is left alone and gets no event; a realm that had
 * one gets one admin event ({@link AdminAudit#bySystem}, kind {@value #RESOURCE_TYPE}) naming
 * what was renamed.
 */
public final class ProviderIdMigration {

    /** The required action's id before the rename. */
    public static final String OLD_REQUIRED_ACTION = AcceptInvitationRequiredActionFactory.FORMER_ID;
    static final String REQUIRED_ACTION = AcceptInvitationRequiredActionFactory.PROVIDER_ID;
    /** Old event-listener id → new one. */
    static final Map<String, String> LISTENERS = Map.of("mx-personnel-authorizations", ConsoleWriteListenerFactory.PROVIDER_ID);

    public static final String RESOURCE_TYPE = "MX_PROVIDER_IDS";
    static final String ACTOR = "maintenance-access:migration";
    private static final Logger LOG = Logger.getLogger(ProviderIdMigration.class);

    private ProviderIdMigration() {
    }

    /** Rewrites the old ids of {@code realm}; emits one admin event when something changed. */
    public static void migrate(KeycloakSession session, RealmModel realm) {
        // User queries and event listeners need the realm on the session; a start-up job has none,
        // a realm import by an administrator has the administrator's realm, given back after.
        RealmModel before = session.getContext().getRealm();
        session.getContext().setRealm(realm);
        try {
            rename(session, realm);
        } finally {
            session.getContext().setRealm(before);
        }
    }

    private static void rename(KeycloakSession session, RealmModel realm) {
        Map<String, Object> renamed = new LinkedHashMap<>();
        RequiredActionProviderModel old = realm.getRequiredActionProviderByAlias(OLD_REQUIRED_ACTION);
        if (old != null) {
            renameRequiredAction(realm, old);
            renamed.put(OLD_REQUIRED_ACTION, REQUIRED_ACTION);
            // A realm with the old registration may have users with the old pending action: all its
            // users are read, once (afterwards the old registration is gone and this is skipped).
            // Read first, then write: no user is changed while the query's result is still open.
            List<UserModel> people = session.users()
                    .searchForUserStream(realm, Map.of(UserModel.INCLUDE_SERVICE_ACCOUNT, "false")).toList();
            long users = people.stream().filter(ProviderIdMigration::renamePendingAction).count();
            renamed.put("users", users);
        }
        Set<String> listeners = realm.getEventsListenersStream().collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> newListeners = renamedListeners(listeners);
        if (!newListeners.equals(listeners)) {
            realm.setEventsListeners(newListeners);
            LISTENERS.forEach((from, to) -> {
                if (listeners.contains(from)) {
                    renamed.put(from, to);
                }
            });
        }
        if (renamed.isEmpty()) {
            return;
        }
        LOG.infof("realm %s: renamed provider ids %s", realm.getName(), renamed);
        AdminAudit.bySystem(session, realm, ACTOR, OperationType.UPDATE, RESOURCE_TYPE, "mx/provider-ids",
                Map.of("renamed", renamed));
    }

    /** The listener ids with every old id replaced by its new one, order kept, no duplicates. */
    static Set<String> renamedListeners(Set<String> listeners) {
        return listeners.stream().map(id -> LISTENERS.getOrDefault(id, id))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static void renameRequiredAction(RealmModel realm, RequiredActionProviderModel old) {
        realm.removeRequiredActionProvider(old);
        if (realm.getRequiredActionProviderByAlias(REQUIRED_ACTION) != null) {
            return; // registered under the new id already: the old row was a leftover
        }
        RequiredActionProviderModel renamed = new RequiredActionProviderModel();
        renamed.setAlias(REQUIRED_ACTION);
        renamed.setProviderId(REQUIRED_ACTION);
        renamed.setName(old.getName());
        renamed.setEnabled(old.isEnabled());
        renamed.setDefaultAction(old.isDefaultAction());
        renamed.setPriority(old.getPriority());
        renamed.setConfig(old.getConfig());
        realm.addRequiredActionProvider(renamed);
    }

    private static boolean renamePendingAction(UserModel user) {
        List<String> actions = user.getRequiredActionsStream().toList();
        if (!actions.contains(OLD_REQUIRED_ACTION)) {
            return false;
        }
        user.removeRequiredAction(OLD_REQUIRED_ACTION);
        user.addRequiredAction(REQUIRED_ACTION);
        return true;
    }
}
