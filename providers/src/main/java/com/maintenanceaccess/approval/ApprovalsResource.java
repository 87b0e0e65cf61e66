package com.maintenanceaccess.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.kernel.AccountPermission;
import com.maintenanceaccess.kernel.Authority;
import com.maintenanceaccess.kernel.JsonBody;
import com.maintenanceaccess.kernel.Problems;
import com.maintenanceaccess.kernel.Problems.Problem;
import com.maintenanceaccess.kernel.AdminAudit;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * {@code /realms/{realm}/mx/accounts/{account}/approvals}: the account's requests that wait for a
 * second person. Listing: any account role of the account (an auditor sees, but does not decide);
 * approve and reject: a compliance officer (authorizations) or an account administrator (account
 * roles) of the same account, or a realm operator with that right, who is neither the requester
 * nor the person the grant names. Another account's request is 404 as an unknown id. Each decision
 * is a compare-and-set (one winner) and one admin event with before and after; an approval then
 * makes the grant, with its own event.
 */
@Produces(MediaType.APPLICATION_JSON)
public class ApprovalsResource {

    private static final int MAX = 200;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Authority caller;
    private final String accountParam;
    private final Approvals approvals;

    public ApprovalsResource(KeycloakSession session, Authority caller, String accountParam, Approvals approvals) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.caller = caller;
        this.accountParam = accountParam;
        this.approvals = approvals;
    }

    /** The account's requests in one state ({@code pending}, the default; {@code approved}; {@code rejected}), newest first. */
    @GET
    public List<Approvals.ApprovalView> list(@QueryParam("state") String state) {
        OrganizationModel account = caller.account(accountParam, AccountPermission.VIEW_PEOPLE);
        Approval.State wanted = state == null || state.isBlank() ? Approval.State.PENDING
                : Approval.State.byId(state.trim()).orElseThrow(() ->
                        Problems.invalid("state", "one of pending, approved, rejected"));
        return approvals.table().list(realm.getId(), account.getId(), wanted, MAX).stream()
                .map(a -> approvals.view(a, caller, account)).toList();
    }

    @GET
    @Path("{approvalId}")
    public Approvals.ApprovalView get(@PathParam("approvalId") String approvalId) {
        OrganizationModel account = caller.account(accountParam, AccountPermission.VIEW_PEOPLE);
        return approvals.view(find(account, approvalId), caller, account);
    }

    @POST
    @Path("{approvalId}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    public Approvals.ApprovalView approve(@PathParam("approvalId") String approvalId, String body) {
        return decide(approvalId, true, body);
    }

    @POST
    @Path("{approvalId}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    public Approvals.ApprovalView reject(@PathParam("approvalId") String approvalId, String body) {
        return decide(approvalId, false, body);
    }

    /**
     * Account (404 outside the caller's), request (404 when not the account's), the right to decide
     * (403), input (400), separation of duties and state (403/409), the person still a member
     * (409); then the compare-and-set, the grant on approval, and the event. Any refusal after the
     * compare-and-set rolls it back with the request's transaction. The right comes before the
     * input, as everywhere: whoever may not decide is told so, whatever they sent.
     */
    private Approvals.ApprovalView decide(String approvalId, boolean approve, String body) {
        OrganizationModel account = caller.account(accountParam, AccountPermission.VIEW_PEOPLE);
        Approval approval = find(account, approvalId);
        AccountPermission needed = Approvals.decidePermission(approval.kind());
        if (!caller.may(account, needed)) {
            throw Problems.forbidden(needed.missing());
        }
        String reason = reason(body);
        Instant now = approvals.now();
        ApprovalRules.refusal(approval, caller.user().getId(), approve, now).ifPresent(refusal -> {
            throw new WebApplicationException(Problems.refused(refusal.status(), refusal.error(),
                    refusal.description()));
        });
        UserModel person = organizations().getMemberById(account, approval.subjectId());
        if (approve && person == null) {
            throw Problems.conflict("the person this request names is no longer a member of the account: reject it.");
        }
        Approval decided = approval.decided(approve ? Approval.State.APPROVED : Approval.State.REJECTED,
                caller.user().getId(), now, reason);
        if (!approvals.table().decide(realm.getId(), decided)) {
            throw new WebApplicationException(Problems.refused(409, ApprovalRules.Refusal.ALREADY_DECIDED.error(),
                    "somebody else decided this request a moment ago."));
        }
        Object granted = null;
        if (approve) {
            UserModel requester = session.users().getUserById(realm, approval.requestedBy());
            String requesterName = requester == null ? approval.requestedBy() : requester.getUsername();
            granted = approvals.grant(caller, account, person, approval, requesterName);
        }
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("action", approve ? "approve" : "reject");
        change.put("before", approvals.view(approval, null, account));
        change.put("after", approvals.view(decided, null, account));
        AdminAudit.byCaller(session, caller, OperationType.UPDATE, Approvals.RESOURCE_TYPE, Approvals.path(approval), change);
        return approvals.view(decided, caller, account).withGranted(granted);
    }

    private Approval find(OrganizationModel account, String approvalId) {
        return approvals.table().byId(realm.getId(), account.getId(), approvalId == null ? "" : approvalId.trim())
                .orElseThrow(() -> Problems.notFound("approval", approvalId));
    }

    /** The optional body {@code {"reason": "..."}} (at most 500 characters). */
    private static String reason(String body) {
        JsonNode json = JsonBody.object(body, false, Set.of("reason"));
        if (json == null || !json.has("reason")) {
            return null;
        }
        JsonNode reason = json.get("reason");
        List<Problem> problems = new ArrayList<>();
        if (reason.isNull() || !reason.isTextual()) {
            problems.add(Problems.problem("reason", "must be a text (or left out)"));
        } else if (reason.asText().length() > 500) {
            problems.add(Problems.problem("reason", "at most 500 characters"));
        }
        if (!problems.isEmpty()) {
            throw Problems.invalid(problems);
        }
        String text = reason.asText().trim();
        return text.isEmpty() ? null : text;
    }

    private OrganizationProvider organizations() {
        return session.getProvider(OrganizationProvider.class);
    }
}
