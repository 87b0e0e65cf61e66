package com.maintenanceaccess.invitation.admin;

import com.maintenanceaccess.invitation.InvitationService;
import com.maintenanceaccess.invitation.flow.AcceptInvitationRequiredActionFactory;
import com.maintenanceaccess.kernel.Problems;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import org.jboss.logging.Logger;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.AuthDetails;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.resources.admin.AdminAuth;

/**
 * Watches the console's (admin REST) user writes. A created user with the mx-accept-invitation
 * required action is invited; an updated user is reconciled with their invitation at once
 * ({@link ConsoleUserEdits}: action removed → invitation ended, address changed → link killed),
 * and a user who now carries the action without a usable invitation (a retry after the mail
 * server was down, or after an invitation ended) is invited.
 *
 * <p>Keycloak calls admin event listeners synchronously inside the request transaction, before
 * {@code UsersResource} commits the new user. Sending from there could mail a link for a user
 * whose creation then rolls back; so this listener only enlists an after-completion step, and
 * that step (run only if the creation committed) invites the user in a transaction of its own.
 * If sending fails the user stays created without an invitation; the failure is logged and
 * an administrator can invite with {@code POST /mx/invitations}.
 */
final class InviteOnCreateListener implements EventListenerProvider {

    private static final Logger LOG = Logger.getLogger(InviteOnCreateListener.class);

    private final KeycloakSession session;
    private final KeycloakSessionFactory factory;
    private final Clock clock;

    InviteOnCreateListener(KeycloakSession session, KeycloakSessionFactory factory, Clock clock) {
        this.session = session;
        this.factory = factory;
        this.clock = clock;
    }

    @Override
    public void onEvent(Event event) {
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        boolean create = event.getOperationType() == OperationType.CREATE;
        if (!(create || event.getOperationType() == OperationType.UPDATE)
                || !ResourceType.USER.name().equals(event.getResourceTypeAsString())
                || event.getResourcePath() == null || !event.getResourcePath().matches("users/[^/]+")
                || event.getError() != null) {
            return;
        }
        String path = event.getResourcePath();
        String userId = path.substring(path.lastIndexOf('/') + 1);
        String realmId = event.getRealmId();
        AuthDetails auth = event.getAuthDetails();
        if (!create) {
            RealmModel realm = session.realms().getRealm(realmId);
            UserModel user = realm == null ? null : session.users().getUserById(realm, userId);
            if (user == null) {
                return;
            }
            ConsoleUserEdits.reconcile(session, realm, user, event,
                    InvitationService.actor(actor(session, realm, auth)), clock);
            if (!ConsoleUserEdits.awaitsNewInvitation(user)) {
                return;
            }
        }
        // Kept for the job after the request: it holds the base URI computed for the request.
        UriInfo uri = session.getContext().getUri();
        if (uri == null || uri.getBaseUri() == null) {
            return;
        }
        KeycloakContext context = session.getContext();
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                // The request's context (connection, headers, URI) carries over: locale, IP address.
                KeycloakModelUtils.runJobInTransaction(factory, context,
                        job -> invite(job, realmId, userId, auth, uri));
            }

            @Override
            protected void rollbackImpl() {
                // The user was not created: nothing to invite.
            }
        });
    }

    private void invite(KeycloakSession job, String realmId, String userId, AuthDetails auth, UriInfo uri) {
        RealmModel realm = job.realms().getRealm(realmId);
        if (realm == null) {
            return;
        }
        job.getContext().setRealm(realm);
        UserModel user = job.users().getUserById(realm, userId);
        if (user == null || !ConsoleUserEdits.awaitsNewInvitation(user)) {
            return;
        }
        try {
            new InvitationService(job, realm, clock).invite(userId, null, null, actor(job, realm, auth), uri);
        } catch (WebApplicationException refused) {
            LOG.warnf("user %s was created with %s but could not be invited: %s", userId,
                    AcceptInvitationRequiredActionFactory.PROVIDER_ID, Problems.sentence(refused));
            job.getTransactionManager().setRollbackOnly();
        }
    }

    /** The administrator who created the user, as the actor of the invitation and its event. */
    private static AdminAuth actor(KeycloakSession job, RealmModel realm, AuthDetails auth) {
        RealmModel found = auth == null || auth.getRealmId() == null ? null : job.realms().getRealm(auth.getRealmId());
        RealmModel authRealm = found == null ? realm : found;
        UserModel admin = auth == null || auth.getUserId() == null ? null
                : job.users().getUserById(authRealm, auth.getUserId());
        ClientModel client = auth == null || auth.getClientId() == null ? null
                : authRealm.getClientById(auth.getClientId());
        return new AdminAuth(authRealm, null, admin, client);
    }

    @Override
    public void close() {
    }
}
