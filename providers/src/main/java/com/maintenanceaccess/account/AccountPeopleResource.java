package com.maintenanceaccess.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.api.AccountPermission;
import com.maintenanceaccess.api.AccountRole;
import com.maintenanceaccess.api.Authority;
import com.maintenanceaccess.api.JsonBody;
import com.maintenanceaccess.api.Problems;
import com.maintenanceaccess.api.Problems.Problem;
import com.maintenanceaccess.audit.AdminAudit;
import com.maintenanceaccess.invitation.admin.PeopleInvitations;
import com.maintenanceaccess.review.LastLogin;
import com.maintenanceaccess.review.UserAccessResource;
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
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.userprofile.UserProfileProvider;
import org.keycloak.userprofile.ValidationException;
import org.keycloak.utils.EmailValidationUtil;

/**
 * {@code /realms/{realm}/mx/accounts/{account}/people}: the account's people for the account
 * console. Reading: any account role of the account; writing: its account administrators
 * (account roles: also its administrators); realm operators with view-users / manage-users.
 * Nobody changes their own templates, account roles or membership. Every write emits one
 * {@value #RESOURCE_TYPE} admin event with before and after.
 */
@Produces(MediaType.APPLICATION_JSON)
public class AccountPeopleResource {

    public static final String RESOURCE_TYPE = "MX_ACCOUNT_PERSON";
    static final int MAX_PAGE = 100;
    static final int SCAN_PAGE = 500;
    static final Set<String> STATES = Set.of("active", "deactivated", "invited", "disabled");

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Authority caller;
    private final String accountParam;
    private final com.maintenanceaccess.approval.Approvals approvals;

    AccountPeopleResource(KeycloakSession session, Authority caller, String accountParam,
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
    public Map<String, Object> list(@QueryParam("search") String search, @QueryParam("state") String state,
            @QueryParam("template") String template, @QueryParam("first") String first, @QueryParam("max") String max) {
        OrganizationModel account = caller.account(accountParam, AccountPermission.VIEW_PEOPLE);
        List<Problem> problems = new ArrayList<>();
        int from = number("first", first, 0, 0, Integer.MAX_VALUE, problems);
        int size = number("max", max, 20, 1, MAX_PAGE, problems);
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
        List<UserModel> page = new ArrayList<>();
        Long total;
        Predicate<UserModel> filter = filter(account, state, templateRole);
        if (filter == null) {
            page.addAll(organizations.getMembersStream(account, text, false, from, size).toList());
            total = text == null ? organizations.getMembersCount(account) : null;
        } else {
            int skipped = 0;
            for (int offset = 0; page.size() < size; offset += SCAN_PAGE) {
                List<UserModel> members = organizations.getMembersStream(account, text, false, offset, SCAN_PAGE).toList();
                for (UserModel member : members) {
                    if (filter.test(member) && skipped++ >= from && page.size() < size) {
                        page.add(member);
                    }
                }
                if (members.size() < SCAN_PAGE) {
                    break;
                }
            }
            total = null;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("first", from);
        answer.put("max", size);
        answer.put("total", total);
        answer.put("people", page.stream().map(user -> person(account, user, false)).toList());
        return answer;
    }

    @GET
    @Path("{userId}")
    public Map<String, Object> get(@PathParam("userId") String userId) {
        OrganizationModel account = caller.account(accountParam, AccountPermission.VIEW_PEOPLE);
        return person(account, member(account, userId), true);
    }

    /**
     * Creates the person and invites them, in this order: user (through the user profile, so its
     * rules apply), role templates, membership, invitation. Any refusal rolls all of it back; a
     * failing e-mail keeps the person with invitation status {@code not-sent} (resend retries).
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        OrganizationModel account = caller.account(accountParam, AccountPermission.MANAGE_PEOPLE);
        JsonNode json = JsonBody.object(body, true, Set.of("firstName", "lastName", "email", "templates", "expiresInDays"));
        List<Problem> problems = new ArrayList<>();
        String firstName = name(json, "firstName", problems);
        String lastName = name(json, "lastName", problems);
        String email = JsonBody.text(json, "email");
        UserModel existing = null;
        if (email == null || !EmailValidationUtil.isValidEmail(email.trim())) {
            problems.add(Problems.problem("email", "must be an e-mail address"));
        } else {
            existing = session.users().getUserByEmail(realm, email.trim());
            if (existing == null) {
                existing = session.users().getUserByUsername(realm, email.trim().toLowerCase());
            }
            if (existing != null && organizations().isMember(account, existing)) {
                // Already one of this account's people (the administrator sees them in the list anyway).
                throw Problems.conflict("a person with the e-mail address " + email.trim() + " is already in this account");
            }
        }
        List<RoleModel> templates = templates(json, problems);
        Integer days = JsonBody.integer(json, "expiresInDays");
        if (days != null && (days < 1 || days > 30)) {
            problems.add(Problems.problem("expiresInDays", "must be between 1 and 30"));
        }
        if (!problems.isEmpty()) {
            throw Problems.invalid(problems);
        }
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
        Map<String, Object> person = person(account, user, false);
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("account", account.getAlias());
        change.put("before", null);
        change.put("after", person);
        change.put("invitation", invitation);
        audit(OperationType.CREATE, account, user, change);
        return Response.status(Response.Status.CREATED).entity(person).build();
    }

    /**
     * The address belongs to somebody already (another account's person): they get Keycloak's
     * invitation to join this account and join only by accepting it (JoinInvitation). The answer
     * has the status and shape of a new person's, made from what the administrator sent, so it
     * tells nothing about the address or the person's other accounts.
     */
    private Response invitedToJoin(OrganizationModel account, UserModel user, String email, String firstName,
                                   String lastName, List<RoleModel> templates, Integer days) {
        boolean sent = JoinInvitation.send(session, realm, account, user, templates, session.getContext().getUri());
        java.time.Instant now = com.maintenanceaccess.bundle.MxClockSpi.clock(session).instant();
        Map<String, Object> invitation = new LinkedHashMap<>();
        invitation.put("status", sent ? "pending" : "not-sent");
        invitation.put("expiresAt", sent ? now.plus(java.time.Duration.ofDays(
                com.maintenanceaccess.invitation.model.ExpiryDays.resolve(days,
                        realm.getAttribute(com.maintenanceaccess.invitation.model.ExpiryDays.REALM_ATTRIBUTE)))).toString() : null);
        invitation.put("sentAt", sent ? now.toString() : null);
        invitation.put("failure", sent ? null : "the invitation e-mail could not be sent");
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("id", user.getId());
        person.put("username", email.toLowerCase());
        person.put("email", email);
        person.put("firstName", firstName);
        person.put("lastName", lastName);
        person.put("enabled", true);
        person.put("deactivated", false);
        person.put("invitation", invitation);
        person.put("templates", templates.stream().map(RoleModel::getName).sorted().toList());
        person.put("accountRoles", List.of());
        person.put("lastLogin", null);
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("account", account.getAlias());
        change.put("invitedToJoin", true);
        change.put("templatesOnJoining", templates.stream().map(RoleModel::getName).sorted().toList());
        change.put("sent", sent);
        audit(OperationType.ACTION, account, user, change);
        return Response.status(Response.Status.CREATED).entity(person).build();
    }

    /** Sets the person's role templates in this account to exactly these (other accounts and roles untouched). */
    @PUT
    @Path("{userId}/templates")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> templates(@PathParam("userId") String userId, String body) {
        OrganizationModel account = caller.account(accountParam, AccountPermission.MANAGE_PEOPLE);
        UserModel user = member(account, userId);
        caller.requireNotSelf(user, "nobody changes their own role templates");
        JsonNode json = JsonBody.object(body, true, Set.of("templates"));
        List<Problem> problems = new ArrayList<>();
        if (!json.has("templates")) {
            problems.add(Problems.problem("templates", "is required (a list, [] for none)"));
        }
        List<RoleModel> wanted = templates(json, problems);
        if (!problems.isEmpty()) {
            throw Problems.invalid(problems);
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
    public Map<String, Object> accountRoles(@PathParam("userId") String userId, String body) {
        OrganizationModel account = caller.account(accountParam, AccountPermission.MANAGE_ACCOUNT_ROLES);
        UserModel user = member(account, userId);
        caller.requireNotSelf(user, "nobody changes their own account roles");
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
        List<String> before = roleIds(account, user);
        boolean fourEyes = !AccountPermission.MANAGE_ACCOUNT_ROLES.grantedToOperator(caller);
        List<Map<String, Object>> pending = new ArrayList<>();
        for (AccountRole role : AccountRole.values()) {
            GroupModel group = KeycloakModelUtils.findGroupByPath(session, realm, role.groupPath(account.getAlias()));
            if (wanted.contains(role) && (group == null || !user.isMemberOf(group)) && fourEyes && role.requiresSecondPerson()) {
                pending.add(approvals.view(approvals.request(caller, account,
                        com.maintenanceaccess.approval.Approval.Kind.ACCOUNT_ROLE, user, role.id(),
                        com.maintenanceaccess.approval.Approvals.keyOfRole(role.id())), caller, account));
            } else if (wanted.contains(role) && (group == null || !user.isMemberOf(group))) {
                user.joinGroup(group == null ? roleGroup(account, role) : group);
            } else if (!wanted.contains(role) && group != null && user.isMemberOf(group)) {
                user.leaveGroup(group);
            }
        }
        Map<String, Object> answer = changed(account, user, "accountRoles", before, roleIds(account, user));
        answer.put("pendingApprovals", pending);
        return answer;
    }

    /** Takes the person out of the account: membership and this account's roles (the user stays). */
    @DELETE
    @Path("{userId}")
    public Response remove(@PathParam("userId") String userId) {
        OrganizationModel account = caller.account(accountParam, AccountPermission.MANAGE_PEOPLE);
        UserModel user = member(account, userId);
        caller.requireNotSelf(user, "nobody removes themselves from an account");
        Map<String, Object> before = person(account, user, false);
        // This account's templates and account roles, nothing else (Keycloak's removeMember also
        // leaves the organization's groups; said here so that the rule does not hang on that).
        AccountTemplates.set(session, account, user, List.of());
        for (AccountRole role : AccountRole.values()) {
            GroupModel group = KeycloakModelUtils.findGroupByPath(session, realm, role.groupPath(account.getAlias()));
            if (group != null && user.isMemberOf(group)) {
                user.leaveGroup(group);
            }
        }
        organizations().removeMember(account, user);
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("account", account.getAlias());
        change.put("before", before);
        change.put("after", null);
        audit(OperationType.DELETE, account, user, change);
        return Response.noContent().build();
    }

    // ------------------------------------------------------------------------------------

    private Map<String, Object> changed(OrganizationModel account, UserModel user, String what, List<String> before,
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
                problems.add(Problems.problem("templates[" + i + "]", "not a role template (GET grantable-templates lists them)"));
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
                case "deactivated" -> user -> user.getFirstAttribute(UserAccessResource.DEACTIVATED) != null;
                case "disabled" -> user -> !user.isEnabled();
                case "invited" -> user -> Set.of("pending", "expired", "not-sent")
                        .contains(PeopleInvitations.status(session, realm, user).get("status"));
                default -> user -> user.isEnabled() && user.getFirstAttribute(UserAccessResource.DEACTIVATED) == null;
            };
        }
        if (template != null) {
            Predicate<UserModel> holds = user -> AccountTemplates.names(session, account, user).contains(template.getName());
            filter = filter == null ? holds : filter.and(holds);
        }
        return filter;
    }

    Map<String, Object> person(OrganizationModel account, UserModel user, boolean withHistory) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("id", user.getId());
        person.put("username", user.getUsername());
        person.put("email", user.getEmail());
        person.put("firstName", user.getFirstName());
        person.put("lastName", user.getLastName());
        person.put("enabled", user.isEnabled());
        person.put("deactivated", user.getFirstAttribute(UserAccessResource.DEACTIVATED) != null);
        Map<String, Object> invitation = PeopleInvitations.status(session, realm, user);
        if (withHistory) {
            invitation.put("history", PeopleInvitations.history(user));
        }
        person.put("invitation", invitation);
        person.put("templates", AccountTemplates.names(session, account, user));
        person.put("accountRoles", roleIds(account, user));
        Instant lastLogin = LastLogin.of(user);
        person.put("lastLogin", lastLogin == null ? null : lastLogin.toString());
        return person;
    }

    private List<String> roleIds(OrganizationModel account, UserModel user) {
        return Arrays.stream(AccountRole.values()).filter(role -> {
            GroupModel group = KeycloakModelUtils.findGroupByPath(session, realm, role.groupPath(account.getAlias()));
            return group != null && user.isMemberOf(group);
        }).map(AccountRole::id).toList();
    }

    /** The group of an account role, made (with its parents) the first time the role is granted. */
    private GroupModel roleGroup(OrganizationModel account, AccountRole role) {
        GroupModel root = KeycloakModelUtils.findGroupByPath(session, realm, "/" + AccountRole.ROOT_GROUP);
        if (root == null) {
            root = session.groups().createGroup(realm, AccountRole.ROOT_GROUP);
        }
        GroupModel accountGroup = KeycloakModelUtils.findGroupByPath(session, realm, "/" + AccountRole.ROOT_GROUP + "/" + account.getAlias());
        if (accountGroup == null) {
            accountGroup = session.groups().createGroup(realm, account.getAlias(), root);
        }
        return session.groups().createGroup(realm, role.id(), accountGroup);
    }

    private OrganizationProvider organizations() {
        return session.getProvider(OrganizationProvider.class);
    }

    private static int number(String field, String value, int fallback, int min, int max, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                problems.add(Problems.problem(field, "must be between " + min + " and " + max));
            }
            return n;
        } catch (NumberFormatException e) {
            problems.add(Problems.problem(field, "'" + value + "' is not a whole number"));
            return fallback;
        }
    }
}
