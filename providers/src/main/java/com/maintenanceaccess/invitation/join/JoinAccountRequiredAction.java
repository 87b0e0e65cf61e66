package com.maintenanceaccess.invitation.join;

import com.maintenanceaccess.invitation.JoinInvitation;
import com.maintenanceaccess.kernel.AdminAudit;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.common.util.Time;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * {@value JoinAccountRequiredActionFactory#PROVIDER_ID}: after a login that came through a join
 * link, the signed-in person confirms joining the account. Only the person the link names can:
 * somebody else who signs in gets a page that names nobody, and nothing changes. Confirming makes
 * the person a member, gives the templates the administrator asked for (in that account only),
 * removes Keycloak's invitation row (the link dies with it) and leaves one admin event by the
 * person and Keycloak's {@code INVITE_ORG} user event.
 */
public class JoinAccountRequiredAction implements RequiredActionProvider {

    static final String CLAIM_PREFIX = "mx-join-accepted:";
    static final String FORM_JOIN = "join";
    public static final String RESOURCE_TYPE = "MX_ACCOUNT_PERSON";

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        if (JoinPages.joining(context.getAuthenticationSession())) {
            context.getAuthenticationSession().addRequiredAction(JoinAccountRequiredActionFactory.PROVIDER_ID);
        }
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (!JoinPages.joining(authSession)) {
            context.success();
            return;
        }
        Response refusal = refusal(context);
        if (refusal != null) {
            context.challenge(refusal);
            return;
        }
        context.challenge(confirmation(context));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (!JoinPages.joining(authSession)) {
            context.success();
            return;
        }
        Response refusal = refusal(context);
        if (refusal != null) {
            context.challenge(refusal);
            return;
        }
        if (context.getHttpRequest().getDecodedFormParameters().getFirst(FORM_JOIN) == null) {
            context.challenge(confirmation(context));
            return;
        }
        KeycloakSession session = context.getSession();
        String invitationId = authSession.getClientNote(JoinPages.NOTE_INVITATION);
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        OrganizationModel account = organizations.getById(authSession.getClientNote(JoinPages.NOTE_ACCOUNT));
        UserModel user = context.getUser();
        // Two tabs (or two nodes) confirming one invitation: exactly one joins.
        long lifespan = Math.max(60, organizations.getInvitationManager().getById(invitationId).getExpiresAt() - Time.currentTime());
        if (!session.singleUseObjects().putIfAbsent(CLAIM_PREFIX + invitationId, lifespan)) {
            JoinPages.forget(authSession);
            context.challenge(JoinPages.unusable(session, authSession));
            return;
        }
        List<String> templatesBefore = com.maintenanceaccess.account.AccountTemplates.names(session, account, user);
        organizations.addMember(account, user);
        organizations.getInvitationManager().remove(invitationId);
        JoinInvitation.joined(session, account, user);
        List<String> templatesAfter = com.maintenanceaccess.account.AccountTemplates.names(session, account, user);
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("account", account.getAlias());
        change.put("joined", true);
        change.put("invitation", invitationId);
        change.put("before", Map.of("member", false, "templates", templatesBefore));
        change.put("after", Map.of("member", true, "templates", templatesAfter));
        AdminAudit.byPerson(session, context.getRealm(), user, OperationType.CREATE, RESOURCE_TYPE,
                "accounts/" + account.getId() + "/people/" + user.getId(), change);
        EventBuilder event = context.getEvent().clone().event(EventType.INVITE_ORG).user(user)
                .detail("org_id", account.getId()).detail("username", user.getUsername());
        event.success();
        JoinPages.forget(authSession);
        context.success();
    }

    /** Why this login cannot confirm (somebody else signed in, the invitation is gone); null when it can. */
    private static Response refusal(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        KeycloakSession session = context.getSession();
        UserModel user = context.getUser();
        if (!user.getId().equals(authSession.getClientNote(JoinPages.NOTE_USER))) {
            context.getEvent().clone().event(EventType.INVITE_ORG).user(user)
                    .detail("org_id", authSession.getClientNote(JoinPages.NOTE_ACCOUNT)).error("mx_join_other_person");
            return JoinPages.otherPerson(session, authSession);
        }
        PendingJoin pending = PendingJoin.find(session, authSession.getClientNote(JoinPages.NOTE_INVITATION),
                authSession.getClientNote(JoinPages.NOTE_ACCOUNT), user, null);
        if (pending == null) {
            context.getEvent().clone().event(EventType.INVITE_ORG).user(user)
                    .detail("org_id", authSession.getClientNote(JoinPages.NOTE_ACCOUNT)).error("mx_join_unusable");
            JoinPages.forget(authSession);
            return JoinPages.unusable(session, authSession);
        }
        return null;
    }

    /** The page: which account, and that joining is the person's choice. */
    private static Response confirmation(RequiredActionContext context) {
        KeycloakSession session = context.getSession();
        OrganizationModel account = session.getProvider(OrganizationProvider.class)
                .getById(context.getAuthenticationSession().getClientNote(JoinPages.NOTE_ACCOUNT));
        UserModel user = context.getUser();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("accountName", account.getName());
        model.put("firstName", user.getFirstName() == null ? "" : user.getFirstName());
        model.put("lastName", user.getLastName() == null ? "" : user.getLastName());
        // As the invitation page of a new person shows roles: the name with its description.
        model.put("templates", user.getAttributeStream(JoinInvitation.PENDING + account.getId())
                .map(name -> com.maintenanceaccess.account.RoleTemplateRoles.byName(context.getRealm(), name)
                        .map(role -> role.getDescription() != null && !role.getDescription().isBlank()
                                ? role.getName() + " (" + role.getDescription() + ")" : role.getName())
                        .orElse(name))
                .sorted().toList());
        return context.form().setAttribute("mxJoin", model).createForm(JoinPages.CONFIRM_TEMPLATE);
    }

    @Override
    public void close() {
    }
}
