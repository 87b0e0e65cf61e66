package com.maintenanceaccess.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.maintenanceaccess.access.AccessCatalog;
import com.maintenanceaccess.access.AccessCatalogStore;
import com.maintenanceaccess.kernel.AccountPermission;
import com.maintenanceaccess.kernel.Authority;
import com.maintenanceaccess.kernel.JsonBody;
import com.maintenanceaccess.kernel.Problems;
import com.maintenanceaccess.kernel.AdminAudit;
import com.maintenanceaccess.invitation.Invitations;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.Nullable;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * {@code /realms/{realm}/mx/users/{id}/review}, {@code …/deactivate} and {@code …/reactivate}:
 * the "after creating a user" review (any account role of the user's account), and taking a
 * leaver's access away while keeping roles and authorization history for audit (account
 * administrators of the user's account; realm operators: view-users / manage-users).
 */
public class UserAccessResource {

    public static final String RESOURCE_TYPE = "MX_USER_ACCESS";
    /** Who deactivated the user, when and why: kept while the user is deactivated. */
    public static final String DEACTIVATED = com.maintenanceaccess.kernel.Deactivated.ATTRIBUTE;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REASON = 500;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Authority caller;
    private final String userId;
    private final Clock clock;

    public UserAccessResource(KeycloakSession session, Authority caller, String userId, Clock clock) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.caller = caller;
        this.userId = userId;
        this.clock = clock;
    }

    @GET
    @Path("review")
    @Produces(MediaType.APPLICATION_JSON)
    public SetupReview.Review review(@QueryParam("account") String account) {
        UserModel user = caller.user(userId, AccountPermission.VIEW_PEOPLE);
        AccessCatalog catalog = AccessCatalogStore.read(realm).orElse(new AccessCatalog(
                AccessCatalog.DEFAULT_CLIENT, List.of(), List.of()));
        OrganizationModel inAccount = ReviewAccount.of(session, caller, user, account, AccountPermission.VIEW_PEOPLE);
        return SetupReview.review(new UserFactsReader(session).read(user, inAccount, clock.instant(),
                issuer -> ReviewAccount.shows(inAccount, issuer)
                        && caller.mayOnRecord(user, issuer, AccountPermission.VIEW_PEOPLE)), catalog)
                .withDeactivation(deactivation(user));
    }

    /** The person's history: who did what, when, by name (newest first; see {@link PersonHistory}). */
    @GET
    @Path("history")
    @Produces(MediaType.APPLICATION_JSON)
    public List<PersonHistory.PersonHistoryEntry> history(@QueryParam("account") String account) {
        UserModel user = caller.user(userId, AccountPermission.VIEW_PEOPLE);
        OrganizationModel inAccount = ReviewAccount.of(session, caller, user, account, AccountPermission.VIEW_PEOPLE);
        return PersonHistory.of(session, caller, user, inAccount);
    }

    /** The deactivation on record (written by {@link #deactivate}), or null. */
    static SetupReview.Deactivation deactivation(UserModel user) {
        String stored = user.getFirstAttribute(DEACTIVATED);
        if (stored == null) {
            return null;
        }
        try {
            JsonNode record = JSON.readTree(stored);
            return new SetupReview.Deactivation(record.path("at").asText(null), record.path("by").asText(null),
                    record.path("reason").asText(null));
        } catch (JsonProcessingException e) {
            return new SetupReview.Deactivation(null, null, null);
        }
    }

    /** An administrator confirms the user's privileged templates are needed, with a reason (an event). */
    @POST
    @Path("review/acknowledge-privileged")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "200", description = "the acknowledgement before and after",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PrivilegedAcknowledgement.AcknowledgementChange.class)))
    public Response acknowledgePrivileged(@QueryParam("account") String account, String body) {
        UserModel user = caller.user(userId, AccountPermission.MANAGE_PEOPLE);
        String reason = reason(body);
        caller.requireNotSelf(user, "nobody acknowledges their own privileged templates");
        OrganizationModel inAccount = ReviewAccount.of(session, caller, user, account, AccountPermission.MANAGE_PEOPLE);
        return Response.ok(PrivilegedAcknowledgement.record(session, caller, user,
                new UserFactsReader(session).read(user, inAccount, clock.instant(),
                        issuer -> ReviewAccount.shows(inAccount, issuer)),
                reason, clock.instant())).build();
    }

    /**
     * Deactivation is realm-wide (the person cannot log in anywhere): an account administrator may
     * do it only to a person whose every account they administer. Otherwise 409, naming no other
     * account: ending the membership of their own account (DELETE /mx/accounts/{a}/people/{id})
     * is what they can do.
     */
    private void requireOnlyCallersAccounts(UserModel user) {
        if (AccountPermission.MANAGE_PEOPLE.grantedToOperator(caller)) {
            return;
        }
        org.keycloak.organization.OrganizationProvider organizations = session.getProvider(
                org.keycloak.organization.OrganizationProvider.class);
        if (organizations != null && organizations.getByMember(user)
                .anyMatch(account -> !caller.may(account, AccountPermission.MANAGE_PEOPLE))) {
            throw Problems.conflict("this person also works for another account, so deactivating them would take them "
                    + "away there too; remove them from your account instead (DELETE /mx/accounts/{account}/people/{id})");
        }
    }

    @POST
    @Path("deactivate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "200", description = "the deactivation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeactivationChange.class)))
    public Response deactivate(String body) {
        UserModel user = caller.user(userId, AccountPermission.MANAGE_PEOPLE);
        String reason = reason(body);
        caller.requireNotSelf(user, "nobody deactivates themselves");
        requireOnlyCallersAccounts(user);
        if (!user.isEnabled() && user.getFirstAttribute(DEACTIVATED) != null) {
            return Problems.badRequestResponse(List.of(Problems.problem("user", "already deactivated")));
        }
        DeactivationChange change = deactivate(session, realm, user, caller.user().getUsername(), reason, clock,
                () -> Invitations.revokePending(session, realm, user, caller.adminAuth()));
        AdminAudit.byCaller(session, caller, OperationType.ACTION, RESOURCE_TYPE, "users/" + user.getId() + "/deactivate", change);
        return Response.ok(change).build();
    }

    /**
     * The bundle's one deactivation, for the people API above and SCIM's {@code active: false}
     * (scim/ScimUsers): disabled, a record of who and why ({@value #DEACTIVATED}), every session
     * ended, a pending invitation revoked (by {@code revokeInvitation}, on behalf of the actor),
     * the person told once it is committed (docs/notices.md); records kept. Answers the change
     * (the record, before/after, sessions ended, whether an invitation was revoked) for the caller's event.
     */
    public static DeactivationChange deactivate(KeycloakSession session, RealmModel realm, UserModel user, String by,
                                                String reason, Clock clock,
                                                java.util.function.BooleanSupplier revokeInvitation) {
        return deactivate(session, realm, user, by, reason, clock, revokeInvitation, true);
    }

    /**
     * {@link #deactivate} with the notice to the person optional: a person the directory creates
     * already inactive was never active and is not told that they were switched off.
     */
    public static DeactivationChange deactivate(KeycloakSession session, RealmModel realm, UserModel user, String by,
                                                String reason, Clock clock,
                                                java.util.function.BooleanSupplier revokeInvitation, boolean tell) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("at", clock.instant().toString());
        record.put("by", by);
        record.put("reason", reason);

        user.setEnabled(false);
        user.setSingleAttribute(DEACTIVATED, write(record));
        int sessions = endSessions(session, realm, user);
        boolean invitationRevoked = revokeInvitation.getAsBoolean();

        DeactivationChange change = new DeactivationChange(record.get("at").toString(), by, reason,
                new EnabledState(true), new EnabledState(false), sessions, invitationRevoked);
        // t25-notices: the person is told, once the deactivation is committed (docs/notices.md).
        if (tell) {
            com.maintenanceaccess.notice.ChangeNotices.deactivated(session, realm, user, reason, clock);
        }
        return change;
    }

    @POST
    @Path("reactivate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "200", description = "the reactivation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReactivationChange.class)))
    public Response reactivate(String body) {
        UserModel user = caller.user(userId, AccountPermission.MANAGE_PEOPLE);
        String reason = reason(body);
        caller.requireNotSelf(user, "nobody reactivates themselves");
        String deactivation = user.getFirstAttribute(DEACTIVATED);
        if (deactivation == null) {
            return Problems.badRequestResponse(List.of(Problems.problem("user", "not deactivated")));
        }
        user.setEnabled(true);
        user.removeAttribute(DEACTIVATED);
        ReactivationChange change = new ReactivationChange(clock.instant().toString(), caller.user().getUsername(), reason,
                new DeactivatedState(false, deactivation), new EnabledState(true));
        AdminAudit.byCaller(session, caller, OperationType.ACTION, RESOURCE_TYPE, "users/" + user.getId() + "/reactivate", change);
        return Response.ok(change).build();
    }

    /**
     * Ends every session of the user, as the console's "sign out" does (refresh tokens die with them).
     * Public for SCIM's {@code active: false} (scim/ScimUsers), which is this deactivation too.
     */
    public static int endSessions(KeycloakSession session, RealmModel realm, UserModel user) {
        List<UserSessionModel> sessions = session.sessions().getUserSessionsStream(realm, user).toList();
        for (UserSessionModel userSession : sessions) {
            AuthenticationManager.backchannelLogout(session, realm, userSession, session.getContext().getUri(),
                    session.getContext().getConnection(), session.getContext().getRequestHeaders(), true);
        }
        session.sessions().getOfflineUserSessionsStream(realm, user).toList()
                .forEach(offline -> session.sessions().removeOfflineUserSession(realm, offline));
        return sessions.size();
    }

    /** {"reason": "…"}: required, 1 to 500 characters; 400 naming the problem otherwise. */
    static String reason(String body) {
        JsonNode reason = JsonBody.object(body, true, Set.of("reason")).get("reason");
        if (reason == null || !reason.isTextual() || reason.asText().isBlank()) {
            throw Problems.invalid("reason", "required, say why (e.g. \"left the company\")");
        }
        if (reason.asText().length() > MAX_REASON) {
            throw Problems.invalid("reason", "at most " + MAX_REASON + " characters");
        }
        return reason.asText().trim();
    }

    private static String write(Map<String, Object> value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A deactivation (the answer and the admin event's representation): when, by whom, why, enabled
     * before and after, how many sessions ended and whether a pending invitation was revoked.
     */
    public record DeactivationChange(String at, String by, @Nullable String reason, EnabledState before,
                                     EnabledState after, int sessionsEnded, boolean invitationRevoked) {
    }

    /** A reactivation: when, by whom, why; before, the deactivation on record (its stored JSON text). */
    public record ReactivationChange(String at, String by, String reason, DeactivatedState before, EnabledState after) {
    }

    public record EnabledState(boolean enabled) {
    }

    public record DeactivatedState(boolean enabled, String deactivation) {
    }
}
