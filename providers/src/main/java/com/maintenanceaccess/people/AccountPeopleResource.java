package com.maintenanceaccess.people;

import static com.maintenanceaccess.account.AccountMembers.RESOURCE_TYPE;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.account.AccountMembers;
import com.maintenanceaccess.account.AccountRoleGrants;
import com.maintenanceaccess.account.AccountTemplates;
import com.maintenanceaccess.account.RoleTemplateRoles;
import com.maintenanceaccess.invitation.InvitationState;
import com.maintenanceaccess.invitation.JoinInvitation;
import com.maintenanceaccess.invitation.model.ExpiryDays;
import com.maintenanceaccess.kernel.AccountPermission;
import com.maintenanceaccess.kernel.AccountRole;
import com.maintenanceaccess.kernel.Authority;
import com.maintenanceaccess.kernel.Deactivated;
import com.maintenanceaccess.kernel.JsonBody;
import com.maintenanceaccess.kernel.DeliverableAddress;
import com.maintenanceaccess.kernel.Problems;
import com.maintenanceaccess.kernel.Problems.Problem;
import com.maintenanceaccess.kernel.AdminAudit;
import com.maintenanceaccess.invitation.PeopleInvitations;
import com.maintenanceaccess.kernel.LastLogin;
import com.maintenanceaccess.kernel.QueryParams;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationInvitationModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.userprofile.UserProfileProvider;
import org.keycloak.userprofile.ValidationException;

/**
 * {@code /realms/{realm}/mx/accounts/{account}/people}: the account's people for the account
 * console. Reading: any account role of the account; writing: its account administrators
 * (account roles: also its administrators); realm operators with view-users / manage-users.
 * Nobody changes their own templates, account roles or membership. Every write emits one
 * {@value AccountMembers#RESOURCE_TYPE} admin event with before and after.
 */
@Produces(MediaType.APPLICATION_JSON)
public class AccountPeopleResource {

    static final int MAX_PAGE = 100;
    static final int SCAN_PAGE = 500;
    static final Set<String> STATES = Set.of("active", "deactivated", "invited", "disabled");

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Authority caller;
    private final String accountParam;
    private final com.maintenanceaccess.approval.Approvals approvals;

    public AccountPeopleResource(KeycloakSession session, Authority caller, String accountParam,
                          com.maintenanceaccess.approval.Approvals approvals) {
        this.approvals = approvals;
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.caller = caller;
        this.accountParam = accountParam;
    }

    /**
     * One page of the account's members, from Keycloak's organization member search (first/max
     * in the database). With {@code state} or {@code template} the members are read in pages
     * and filtered until the page is full; {@code total} is then null (counting would read all).
     */
    @GET
    public PeoplePage list(@QueryParam("search") String search, @QueryParam("state") String state,
            @QueryParam("template") String template, @QueryParam("first") String first, @QueryParam("max") String max) {
        OrganizationModel account = caller.account(accountParam, AccountPermission.VIEW_PEOPLE);
        List<Problem> problems = new ArrayList<>();
        int from = QueryParams.integer("first", first, 0, 0, Integer.MAX_VALUE, problems);
        int size = QueryParams.integer("max", max, 20, 1, MAX_PAGE, problems);
        String text = search == null || search.isBlank() ? null : search.trim();
        if (text != null && text.length() > 100) {
            problems.add(Problems.problem("search", "at most 100 characters"));
        }
        if (state != null && !state.isBlank() && !STATES.contains(state)) {
            problems.add(Problems.problem("state", "one of " + STATES));
        }
        RoleModel templateRole = null;
        if (template != null && !template.isBlank()) {
            templateRole = RoleTemplateRoles.byName(realm, template).orElse(null);
            if (templateRole == null) {
                problems.add(Problems.problem("template", "no role template named '" + template + "'"));
            }
        }
        if (!problems.isEmpty()) {
            throw Problems.invalid(problems);
        }
        OrganizationProvider organizations = organizations();
        // Members first (Keycloak's paged search), then the account's pending people (invitations
        // to join, usually few), so that a pending person is listed as a new one would be.
        List<AccountPerson> page = new ArrayList<>();
        Long total;
        Predicate<UserModel> filter = filter(account, state, templateRole);
        RoleModel chosenTemplate = templateRole;
        List<JoinInvitation.Pending> pending = JoinInvitation.pendingIn(session, account).stream()
                .filter(p -> p.matches(text) && pendingPasses(account, p, state, chosenTemplate)).toList();
        int skipped = 0;
        if (filter == null) {
            long members = organizations.getMembersCount(account);
            organizations.getMembersStream(account, text, false, from, size).forEach(user -> page.add(person(account, user, false)));
            total = text == null ? members + pending.size() : null;
            // Where the pending people start in the combined order: after all members.
            skipped = text == null ? (int) Math.min(from, members) : countMembers(organizations, account, text, from);
        } else {
            for (int offset = 0; page.size() < size; offset += SCAN_PAGE) {
                List<UserModel> members = organizations.getMembersStream(account, text, false, offset, SCAN_PAGE).toList();
                for (UserModel member : members) {
                    if (filter.test(member) && skipped++ >= from && page.size() < size) {
                        page.add(person(account, member, false));
                    }
                }
                if (members.size() < SCAN_PAGE) {
                    break;
                }
            }
            skipped = Math.min(skipped, from);
            total = null;
        }
        for (int i = Math.max(0, from - skipped); i < pending.size() && page.size() < size; i++) {
            page.add(pendingPerson(account, pending.get(i), false));
        }
        return new PeoplePage(from, size, total, page);
    }

    /** How many of the first {@code upTo} positions members matching the search take (they come before pending people). */
    private static int countMembers(OrganizationProvider organizations, OrganizationModel account, String text, int upTo) {
        return upTo == 0 ? 0 : (int) organizations.getMembersStream(account, text, false, 0, upTo).count();
    }

    /** A pending person seen through the list's filters: enabled, not deactivated, invited, with the templates they get on joining. */
    private static boolean pendingPasses(OrganizationModel account, JoinInvitation.Pending pending, String state, RoleModel template) {
        if (state != null && !state.isBlank() && !Set.of("active", "invited").contains(state)) {
            return false;
        }
        return template == null || pending.templates(account).contains(template.getName());
    }

    @GET
    @Path("{userId}")
    public AccountPerson get(@PathParam("userId") String userId) {
        OrganizationModel account = caller.account(accountParam, AccountPermission.VIEW_PEOPLE);
        JoinInvitation.Pending pending = pendingOrNull(account, userId);
        if (pending != null) {
            return pendingPerson(account, pending, true);
        }
        return person(account, member(account, userId), true);
    }

    /**
     * Creates the person and invites them, in this order: user (through the user profile, so its
     * rules apply), role templates, membership, invitation. Any refusal rolls all of it back; a
     * failing e-mail keeps the person with invitation status {@code not-sent} (resend retries).
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = AccountPerson.class)))
    public Response create(String body) {
        OrganizationModel account = caller.account(accountParam, AccountPermission.MANAGE_PEOPLE);
        NewPerson wanted = newPerson(account, JsonBody.object(body, true,
                Set.of("firstName", "lastName", "email", "templates", "expiresInDays")));
        String firstName = wanted.firstName();
        String lastName = wanted.lastName();
        String email = wanted.email();
        List<RoleModel> templates = wanted.templates();
        Integer days = wanted.expiresInDays();
        UserModel existing = wanted.existing();
        if (existing != null) {
            return invitedToJoin(account, existing, email.trim(), firstName, lastName, templates, days);
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put(UserModel.USERNAME, email.trim().toLowerCase());
        attributes.put(UserModel.EMAIL, email.trim());
        attributes.put(UserModel.FIRST_NAME, firstName);
        attributes.put(UserModel.LAST_NAME, lastName);
        UserModel user;
        try {
            user = session.getProvider(UserProfileProvider.class).create(UserProfileContext.USER_API, attributes).create();
        } catch (ValidationException e) {
            throw Problems.invalid(e.getErrors().stream().map(error -> Problems.problem(error.getAttribute(),
                    error.getFormattedMessage((key, parameters) -> key))).toList());
        }
        user.setEnabled(true);
        user.setEmailVerified(false);
        organizations().addMember(account, user);
        AccountTemplates.set(session, account, user, templates);
        Map<String, Object> invitation = PeopleInvitations.inviteKeepingThePerson(session, realm, user, days,
                account.getId(), caller.adminAuth(), session.getContext().getUri());
        AccountPerson person = person(account, user, false);
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("account", account.getAlias());
        change.put("before", null);
        change.put("after", person);
        change.put("invitation", invitation);
        audit(OperationType.CREATE, account, user, change);
        return Response.status(Response.Status.CREATED).entity(person).build();
    }

    /** A create request, checked: names, a deliverable address, at least one template, the expiry. */
    record NewPerson(String firstName, String lastName, String email, List<RoleModel> templates, Integer expiresInDays,
                     UserModel existing) {
    }

    /**
     * Checks a create request without writing anything (the People page's create and the team
     * import's preview both use it): 400 naming every field at fault, 409 when the address is already
     * one of this account's people. {@code existing} is the person the address belongs to elsewhere
     * in the realm (they are invited to join), or null.
     */
    NewPerson newPerson(OrganizationModel account, JsonNode json) {
        List<Problem> problems = new ArrayList<>();
        String firstName = name(json, "firstName", problems);
        String lastName = name(json, "lastName", problems);
        String email = JsonBody.text(json, "email");
        UserModel existing = null;
        String emailProblem = DeliverableAddress.problem(email);
        if (emailProblem != null) {
            problems.add(Problems.problem("email", emailProblem));
        } else {
            existing = session.users().getUserByEmail(realm, email.trim());
            if (existing == null) {
                existing = session.users().getUserByUsername(realm, email.trim().toLowerCase());
            }
            if (existing != null && (organizations().isMember(account, existing)
                    || JoinInvitation.pendingIn(session, account).stream().anyMatch(p -> p.row().getEmail().equalsIgnoreCase(email.trim())))) {
                // Already one of this account's people (the administrator sees them in the list anyway).
                throw Problems.conflict("a person with the e-mail address " + email.trim() + " is already in this account");
            }
        }
        List<RoleModel> templates = templates(json, problems);
        if (templates.isEmpty() && problems.stream().noneMatch(p -> p.field().startsWith("templates"))) {
            // A person invited with no job gets in and sees nothing: always a slip, never what was meant.
            problems.add(Problems.problem("templates", "choose at least one role template"));
        }
        Integer days = JsonBody.integer(json, "expiresInDays");
        if (days != null && !ExpiryDays.allowed(days)) {
            problems.add(Problems.problem("expiresInDays", ExpiryDays.OUT_OF_RANGE));
        }
        if (!problems.isEmpty()) {
            throw Problems.invalid(problems);
        }
        return new NewPerson(firstName, lastName, email.trim(), templates, days, existing);
    }

    /**
     * The address belongs to somebody already (another account's person): they get an invitation
     * to join this account and join only by signing in and confirming (JoinInvitation,
     * account/join). Until then they are a pending person of the account under the invitation's
     * id: the answer, GET and the list show them as a newly created person who has not accepted
     * yet, made from what the administrator sent, so nothing tells whether the address existed.
     */
    private Response invitedToJoin(OrganizationModel account, UserModel user, String email, String firstName,
                                   String lastName, List<RoleModel> templates, Integer days) {
        JoinInvitation.Sent sent = JoinInvitation.send(session, realm, account, user, firstName, lastName, templates, days,
                caller.adminAuth().getUser() == null ? "system" : caller.adminAuth().getUser().getId(),
                session.getContext().getUri());
        JoinInvitation.Pending pending = JoinInvitation.pendingById(session, account, sent.invitationId());
        AccountPerson person = pendingPerson(account, pending, false);
        if (!sent.mailed()) {
            person = person.withInvitation(new InvitationState("not-sent", null, null,
                    "the invitation e-mail could not be sent", null));
        }
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("account", account.getAlias());
        change.put("invitedToJoin", true);
        change.put("before", null);
        change.put("after", person);
        change.put("sent", sent.mailed());
        AdminAudit.byCaller(session, caller, OperationType.CREATE, RESOURCE_TYPE,
                "accounts/" + account.getId() + "/people/" + sent.invitationId(), change);
        return Response.status(Response.Status.CREATED).entity(person).build();
    }

    /** Sets the person's role templates in this account to exactly these (other accounts and roles untouched). */
    @PUT
    @Path("{userId}/templates")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountPerson templates(@PathParam("userId") String userId, String body) {
        OrganizationModel account = caller.account(accountParam, AccountPermission.MANAGE_PEOPLE);
        JoinInvitation.Pending pending = pendingOrNull(account, userId);
        UserModel user = pending != null ? null : member(account, userId);
        if (user != null) {
            caller.requireNotSelf(user, "nobody changes their own role templates");
        }
        JsonNode json = JsonBody.object(body, true, Set.of("templates"));
        List<Problem> problems = new ArrayList<>();
        if (!json.has("templates")) {
            problems.add(Problems.problem("templates", "is required (a list, [] for none)"));
        }
        List<RoleModel> wanted = templates(json, problems);
        if (!problems.isEmpty()) {
            throw Problems.invalid(problems);
        }
        if (pending != null) {
            // A pending person: the templates they get on joining.
            List<String> before = pending.templates(account);
            JoinInvitation.setTemplates(account, pending, wanted.stream().map(RoleModel::getName).toList());
            List<String> after = pending.templates(account);
            if (!before.equals(after)) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("account", account.getAlias());
                change.put("what", "templates");
                change.put("before", before);
                change.put("after", after);
                AdminAudit.byCaller(session, caller, OperationType.UPDATE, RESOURCE_TYPE,
                        "accounts/" + account.getId() + "/people/" + pending.id(), change);
            }
            return pendingPerson(account, pending, false);
        }
        List<String> before = AccountTemplates.names(session, account, user);
        AccountTemplates.set(session, account, user, wanted);
        return changed(account, user, "templates", before, AccountTemplates.names(session, account, user));
    }

    /**
     * Sets the person's account roles in this account to exactly these, except that a privileged
     * role ({@link AccountRole#requiresSecondPerson()}) granted by an account person waits for a
     * second person of the account: it is answered in {@code pendingApprovals} and given only when
     * approved (docs/authorizations.md, "Four eyes"). A realm operator's grant takes effect at once.
     */
    @PUT
    @Path("{userId}/account-roles")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountPerson accountRoles(@PathParam("userId") String userId, String body) {
        OrganizationModel account = caller.account(accountParam, AccountPermission.MANAGE_ACCOUNT_ROLES);
        JoinInvitation.Pending pending = pendingOrNull(account, userId);
        UserModel user = pending != null ? null : member(account, userId);
        if (user != null) {
            caller.requireNotSelf(user, "nobody changes their own account roles");
        }
        JsonNode json = JsonBody.object(body, true, Set.of("roles"));
        JsonNode list = json.get("roles");
        List<Problem> problems = new ArrayList<>();
        Set<AccountRole> wanted = new LinkedHashSet<>();
        if (list == null || !list.isArray()) {
            problems.add(Problems.problem("roles", "is required: a list of account-administrator, compliance-officer, auditor"));
        } else {
            for (int i = 0; i < list.size(); i++) {
                JsonNode item = list.get(i);
                AccountRole role = item.isTextual() ? AccountRole.byId(item.asText()).orElse(null) : null;
                if (role == null) {
                    problems.add(Problems.problem("roles[" + i + "]", "one of account-administrator, compliance-officer, auditor"));
                } else {
                    wanted.add(role);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw Problems.invalid(problems);
        }
        if (pending != null) {
            // A pending person: the account roles they get on joining. A privileged one waits for a
            // second person as for any member (four eyes); it can be approved once they have joined.
            List<String> before = pending.accountRoles(account);
            boolean secondPerson = !AccountPermission.MANAGE_ACCOUNT_ROLES.grantedToOperator(caller);
            List<com.maintenanceaccess.approval.Approvals.ApprovalView> waitingForJoiner = new ArrayList<>();
            List<String> onJoining = new ArrayList<>();
            for (AccountRole role : wanted) {
                if (secondPerson && role.requiresSecondPerson() && !before.contains(role.id())) {
                    waitingForJoiner.add(approvals.view(approvals.request(caller, account,
                            com.maintenanceaccess.approval.Approval.Kind.ACCOUNT_ROLE, pending.user(), role.id(),
                            com.maintenanceaccess.approval.Approvals.keyOfRole(role.id())), caller, account));
                } else {
                    onJoining.add(role.id());
                }
            }
            JoinInvitation.setAccountRoles(account, pending, onJoining);
            List<String> after = pending.accountRoles(account);
            if (!before.equals(after)) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("account", account.getAlias());
                change.put("what", "accountRoles");
                change.put("before", before);
                change.put("after", after);
                AdminAudit.byCaller(session, caller, OperationType.UPDATE, RESOURCE_TYPE,
                        "accounts/" + account.getId() + "/people/" + pending.id(), change);
            }
            return pendingPerson(account, pending, false).withPendingApprovals(waitingForJoiner);
        }
        List<String> before = roleIds(account, user);
        boolean fourEyes = !AccountPermission.MANAGE_ACCOUNT_ROLES.grantedToOperator(caller);
        List<com.maintenanceaccess.approval.Approvals.ApprovalView> waiting = new ArrayList<>();
        for (AccountRole role : AccountRole.values()) {
            GroupModel group = KeycloakModelUtils.findGroupByPath(session, realm, role.groupPath(account.getAlias()));
            if (wanted.contains(role) && (group == null || !user.isMemberOf(group)) && fourEyes && role.requiresSecondPerson()) {
                waiting.add(approvals.view(approvals.request(caller, account,
                        com.maintenanceaccess.approval.Approval.Kind.ACCOUNT_ROLE, user, role.id(),
                        com.maintenanceaccess.approval.Approvals.keyOfRole(role.id())), caller, account));
            } else if (wanted.contains(role) && (group == null || !user.isMemberOf(group))) {
                user.joinGroup(group == null ? AccountRoleGrants.roleGroup(session, account, role) : group);
            } else if (!wanted.contains(role) && group != null && user.isMemberOf(group)) {
                user.leaveGroup(group);
            }
        }
        return changed(account, user, "accountRoles", before, roleIds(account, user)).withPendingApprovals(waiting);
    }

    /** Takes the person out of the account: membership and this account's roles (the user stays). */
    @DELETE
    @Path("{userId}")
    public Response remove(@PathParam("userId") String userId) {
        OrganizationModel account = caller.account(accountParam, AccountPermission.MANAGE_PEOPLE);
        JoinInvitation.Pending pending = pendingOrNull(account, userId);
        if (pending != null) {
            // A pending person: the invitation ends (its link dies); the person never joined.
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("account", account.getAlias());
            change.put("before", pendingPerson(account, pending, false));
            change.put("after", null);
            JoinInvitation.withdraw(session, account, pending);
            AdminAudit.byCaller(session, caller, OperationType.DELETE, RESOURCE_TYPE,
                    "accounts/" + account.getId() + "/people/" + pending.id(), change);
            return Response.noContent().build();
        }
        UserModel user = member(account, userId);
        caller.requireNotSelf(user, "nobody removes themselves from an account");
        AccountPerson before = person(account, user, false);
        AccountMembers.removeFromAccount(session, account, user);
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("account", account.getAlias());
        change.put("before", before);
        change.put("after", null);
        audit(OperationType.DELETE, account, user, change);
        return Response.noContent().build();
    }

    // ------------------------------------------------------------------------------------

    private AccountPerson changed(OrganizationModel account, UserModel user, String what, List<String> before,
            List<String> after) {
        if (!before.equals(after)) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("account", account.getAlias());
            change.put("what", what);
            change.put("before", before);
            change.put("after", after);
            audit(OperationType.UPDATE, account, user, change);
        }
        return person(account, user, false);
    }

    private void audit(OperationType operation, OrganizationModel account, UserModel user, Map<String, Object> change) {
        AdminAudit.byCaller(session, caller, operation, RESOURCE_TYPE,
                "accounts/" + account.getId() + "/people/" + user.getId(), change);
    }

    /** A pending person of this account (an invitation to join, by its id), or null. */
    private JoinInvitation.Pending pendingOrNull(OrganizationModel account, String id) {
        return JoinInvitation.pendingById(session, account, id);
    }

    /** A member of this account by id; anybody else does not exist here (404, as an unknown id). */
    private UserModel member(OrganizationModel account, String userId) {
        UserModel user = userId == null ? null : organizations().getMemberById(account, userId);
        if (user == null) {
            throw Problems.notFound("user", userId);
        }
        return user;
    }

    /** The role templates named in {@code templates}: known, each once. All templates may be granted (see grantable). */
    private List<RoleModel> templates(JsonNode json, List<Problem> problems) {
        JsonNode list = json.get("templates");
        List<RoleModel> roles = new ArrayList<>();
        if (list == null) {
            return roles;
        }
        if (!list.isArray()) {
            // null too: "no list" must never read as "no templates" (it would take all access away)
            problems.add(Problems.problem("templates", "must be a list of role template names"));
            return roles;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            RoleModel role = item.isTextual() ? RoleTemplateRoles.byName(realm, item.asText()).orElse(null) : null;
            if (role == null) {
                problems.add(Problems.problem("templates[" + i + "]", "is not the name of a role template"));
            } else if (!roles.contains(role)) {
                roles.add(role);
            }
        }
        return roles;
    }

    private static String name(JsonNode json, String field, List<Problem> problems) {
        JsonNode value = json.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            problems.add(Problems.problem(field, "is required"));
            return null;
        }
        if (value.asText().length() > 255) {
            problems.add(Problems.problem(field, "at most 255 characters"));
        }
        return value.asText().trim();
    }

    private Predicate<UserModel> filter(OrganizationModel account, String state, RoleModel template) {
        Predicate<UserModel> filter = null;
        if (state != null && !state.isBlank()) {
            filter = switch (state) {
                case "deactivated" -> user -> user.getFirstAttribute(Deactivated.ATTRIBUTE) != null;
                case "disabled" -> user -> !user.isEnabled();
                case "invited" -> user -> PeopleInvitations.status(session, realm, user).open();
                default -> user -> user.isEnabled() && user.getFirstAttribute(Deactivated.ATTRIBUTE) == null;
            };
        }
        if (template != null) {
            Predicate<UserModel> holds = user -> AccountTemplates.names(session, account, user).contains(template.getName());
            filter = filter == null ? holds : filter.and(holds);
        }
        return filter;
    }

    AccountPerson person(OrganizationModel account, UserModel user, boolean withHistory) {
        InvitationState invitation = PeopleInvitations.status(session, realm, user);
        Instant lastLogin = LastLogin.of(user);
        return new AccountPerson(user.getId(), user.getUsername(), user.getEmail(), user.getFirstName(), user.getLastName(),
                user.isEnabled(), user.getFirstAttribute(Deactivated.ATTRIBUTE) != null,
                withHistory ? invitation.withHistory(PeopleInvitations.history(user)) : invitation,
                AccountTemplates.names(session, account, user), roleIds(account, user),
                com.maintenanceaccess.scim.ScimUsers.provisioned(user, account), // t26-scim: "provisioned from directory"
                lastLogin == null ? null : lastLogin.toString(), null);
    }

    /**
     * A pending person (an invitation to join) as a person: the same fields as a newly created
     * person who has not accepted yet, made from the invitation (what the administrator sent).
     */
    private static AccountPerson pendingPerson(OrganizationModel account, JoinInvitation.Pending pending, boolean withHistory) {
        OrganizationInvitationModel row = pending.row();
        return new AccountPerson(row.getId(), row.getEmail().toLowerCase(Locale.ROOT), row.getEmail(), row.getFirstName(),
                row.getLastName(), true, false, pending.invitation(account, withHistory), pending.templates(account),
                pending.accountRoles(account), false, null, null);
    }

    private List<String> roleIds(OrganizationModel account, UserModel user) {
        return Arrays.stream(AccountRole.values()).filter(role -> {
            GroupModel group = KeycloakModelUtils.findGroupByPath(session, realm, role.groupPath(account.getAlias()));
            return group != null && user.isMemberOf(group);
        }).map(AccountRole::id).toList();
    }

    private OrganizationProvider organizations() {
        return session.getProvider(OrganizationProvider.class);
    }
}
