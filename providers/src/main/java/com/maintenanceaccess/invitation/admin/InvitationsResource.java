package com.maintenanceaccess.invitation.admin;

import com.maintenanceaccess.invitation.InvitationFilter;
import com.maintenanceaccess.invitation.InvitationService;
import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.invitation.PeopleInvitations;
import com.maintenanceaccess.invitation.model.InvitationPage;
import com.maintenanceaccess.invitation.model.InvitationView;
import com.maintenanceaccess.kernel.AccountPermission;
import com.maintenanceaccess.kernel.Authority.AccountScope;
import com.maintenanceaccess.kernel.Authority;
import com.maintenanceaccess.kernel.JsonBody;
import com.maintenanceaccess.kernel.Problems;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * {@code /realms/{realm}/mx/invitations}: list and read (any account role of the invitee's
 * account), invite, resend, revoke and change the address (account administrator of the
 * invitee's account; the invitation's account must be one the caller administers; nobody
 * acts on their own invitation). Realm operators: view-users / manage-users. Bodies are read
 * by {@link JsonBody}: a malformed body, an unknown field or a wrong type is a 400 naming the
 * field, before anything changes.
 */
public class InvitationsResource {

    private final KeycloakSession session;
    private final Authority caller;
    private final com.maintenanceaccess.approval.Approvals approvals;
    private final Clock clock;

    public InvitationsResource(KeycloakSession session, Authority caller, Clock clock,
                               com.maintenanceaccess.approval.Approvals approvals) {
        this.approvals = approvals;
        this.clock = clock;
        this.session = session;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = InvitationPage.class)))
    public Response list(@QueryParam("status") String status, @QueryParam("minAgeDays") String minAgeDays,
            @QueryParam("maxAgeDays") String maxAgeDays, @QueryParam("address") String address,
            @QueryParam("first") String first, @QueryParam("max") String max, @QueryParam("account") String account) {
        AccountScope scope = caller.scope(account, AccountPermission.VIEW_PEOPLE);
        return answer(200, () -> service().list(
                InvitationFilter.parse(status, minAgeDays, maxAgeDays, address, first, max), scope::contains));
    }

    @GET
    @Path("{userId}")
    @Produces(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = InvitationView.class)))
    public Response get(@PathParam("userId") String userId) {
        caller.user(userId, AccountPermission.VIEW_PEOPLE);
        return answer(200, () -> service().get(userId));
    }

    /** Invites an existing user: {@code {"userId": "...", "expiresInDays": 7, "account": "alias-or-id"}}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = InvitationView.class)))
    public Response invite(String body) {
        JsonNode json = JsonBody.object(body, true, Set.of("userId", "expiresInDays", "account"));
        String userId = JsonBody.text(json, "userId");
        Integer days = JsonBody.integer(json, "expiresInDays");
        String account = JsonBody.text(json, "account");
        if (userId == null) {
            throw Problems.invalid("userId", "is required");
        }
        writable(userId);
        if (account != null) {
            // The account the invitee joins must be one the caller administers: others do not exist for them.
            OrganizationModel joined = caller.account(account, AccountPermission.MANAGE_PEOPLE);
            account = joined.getId();
        }
        String accountId = account;
        return answer(201, () -> service().invite(userId, days, accountId, caller.adminAuth(), uri()));
    }

    /** A new link to the same address; every earlier link stops working. Body optional: {@code {"expiresInDays": 7}}. */
    @POST
    @Path("{userId}/resend")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Produces(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = InvitationView.class)))
    public Response resend(@PathParam("userId") String userId, String body) {
        UserModel invitee = writable(userId);
        JsonNode json = JsonBody.object(body, false, Set.of("expiresInDays"));
        Integer days = JsonBody.integer(json, "expiresInDays");
        if (PeopleInvitations.notSent(invitee)) {
            // The first e-mail of a person created by the people API failed: this is its first send.
            return answer(200, () -> PeopleInvitations.sendFirst(session, session.getContext().getRealm(), invitee, days,
                    caller.adminAuth(), uri()));
        }
        return answer(200, () -> service().resend(userId, days, caller.adminAuth(), uri()));
    }

    @POST
    @Path("{userId}/revoke")
    @Produces(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = InvitationView.class)))
    public Response revoke(@PathParam("userId") String userId) {
        writable(userId);
        return answer(200, () -> service().revoke(userId, caller.adminAuth()));
    }

    /** Moves a pending invitation to a corrected address: {@code {"email": "..."}}. */
    @PUT
    @Path("{userId}/email")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "202", description = "the move waits for a second administrator (pendingApproval)",
            content = @Content(schema = @Schema(implementation = InvitationView.class)))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = InvitationView.class)))
    public Response changeAddress(@PathParam("userId") String userId, String body) {
        writable(userId);
        JsonNode json = JsonBody.object(body, true, Set.of("email"));
        String email = JsonBody.text(json, "email");
        if (email == null) {
            throw Problems.invalid("email", "is required");
        }
        UserModel invitee = caller.user(userId, AccountPermission.MANAGE_PEOPLE);
        if (!AccountPermission.MANAGE_PEOPLE.grantedToOperator(caller) && HeldAuthority.holdsAny(session, invitee)) {
            // Four eyes (issue 23 item 1): the person already holds authority, so moving their way in to
            // another address waits for a second administrator of the account (or a realm operator).
            return answer(202, () -> {
                service().checkAddressChange(userId, email, caller.adminAuth());
                OrganizationModel account = requestAccount(invitee);
                com.maintenanceaccess.approval.Approval request = approvals.request(caller, account,
                        com.maintenanceaccess.approval.Approval.Kind.INVITATION_ADDRESS, invitee, email.trim(),
                        com.maintenanceaccess.approval.Approvals.keyOfAddress(email.trim()));
                return service().get(userId).waitingFor(approvals.view(request, caller, account));
            });
        }
        return answer(200, () -> service().changeAddress(userId, email, caller.adminAuth(), uri()));
    }

    /** The account in which the move waits: the invitation's own account if the caller runs it, else one they run. */
    private OrganizationModel requestAccount(UserModel invitee) {
        org.keycloak.organization.OrganizationProvider organizations =
                session.getProvider(org.keycloak.organization.OrganizationProvider.class);
        String invitationAccount = com.maintenanceaccess.invitation.model.InvitationStore.read(invitee).account();
        return organizations.getByMember(invitee)
                .filter(account -> caller.may(account, AccountPermission.MANAGE_PEOPLE))
                .sorted(java.util.Comparator.comparing((OrganizationModel account) -> !account.getId().equals(invitationAccount)))
                .findFirst()
                .orElseThrow(() -> Problems.notFound("user", invitee.getId()));
    }

    // ------------------------------------------------------------------------------------

    private InvitationService service() {
        RealmModel realm = session.getContext().getRealm();
        return new InvitationService(session, realm, clock);
    }

    private UriInfo uri() {
        return session.getContext().getUri();
    }

    /** The invitee must be in an account the caller administers, and not the caller. */
    private UserModel writable(String userId) {
        // Oneself is known to exist, so the refusal comes first and says why.
        if (userId.trim().equals(caller.user().getId())) {
            caller.requireNotSelf(caller.user(), "nobody invites themselves or changes their own invitation");
        }
        return caller.user(userId, AccountPermission.MANAGE_PEOPLE);
    }

    /** The service's refusals in the common error body; a failed e-mail rolls the transaction back. */
    static Response answer(KeycloakSession session, int status, Supplier<?> work) {
        try {
            return Response.status(status).entity(work.get()).type(MediaType.APPLICATION_JSON).build();
        } catch (WebApplicationException refused) {
            // Checks throw before writing; a failed e-mail throws after: roll back either way.
            session.getTransactionManager().setRollbackOnly();
            return refused.getResponse();
        }
    }

    private Response answer(int status, Supplier<?> work) {
        return answer(session, status, work);
    }
}
