package com.maintenanceaccess.review;

import com.maintenanceaccess.kernel.LastLogin;
import com.maintenanceaccess.kernel.QueryParams;
import org.keycloak.models.utils.RoleUtils;
import org.keycloak.models.OrganizationModel;
import com.maintenanceaccess.account.RoleTemplateRoles;
import com.maintenanceaccess.account.AccountTemplates;
import com.maintenanceaccess.access.AccessCatalog;
import com.maintenanceaccess.access.AccessCatalogStore;
import com.maintenanceaccess.kernel.AccountPermission;
import com.maintenanceaccess.kernel.Authority;
import com.maintenanceaccess.kernel.Authority.AccountScope;
import com.maintenanceaccess.kernel.Problems;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/**
 * {@code /realms/{realm}/mx/access}: why a user can or cannot reach a page (explain), what
 * they can reach (account administrators, compliance officers and auditors of the user's
 * account), and the access review report of one account (account administrators and auditors;
 * {@code account=} chooses) or of the realm (realm operators with view-users).
 */
public class AccessReviewResource {

    static final int MAX_PAGE = 500;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Clock clock;

    private final Authority caller;

    public AccessReviewResource(KeycloakSession session, Authority caller, Clock clock) {
        this.caller = caller;
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.clock = clock;
    }

    @GET
    @Path("explain")
    @Produces(MediaType.APPLICATION_JSON)
    public AccessExplainer.Explanation explain(@QueryParam("user") String user, @QueryParam("page") String page,
                                               @QueryParam("account") String account) {
        AccessCatalog catalog = catalog();
        if (page == null || page.isBlank()) {
            throw badRequest("page", "required, the id of a page or action of the access catalog");
        }
        AccessCatalog.Page target = catalog.page(page).orElseThrow(() -> badRequest("page", "unknown page or action '"
                + page + "' (GET /mx/access/pages lists them)"));
        return AccessExplainer.explain(facts(user, account), target);
    }

    @GET
    @Path("reachable")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> reachable(@QueryParam("user") String user, @QueryParam("account") String account) {
        UserFacts facts = facts(user, account);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("user", facts.id());
        answer.put("username", facts.username());
        answer.put("pages", AccessExplainer.reachable(facts, catalog()).stream().map(AccessCatalog.Page::id).toList());
        return answer;
    }

    @GET
    @Path("pages")
    @Produces(MediaType.APPLICATION_JSON)
    public List<AccessCatalog.Page> pages() {
        caller.requireSomeRole();
        return catalog().pages();
    }

    /**
     * The access review, one page of users at a time (ordered as Keycloak lists users), with
     * the realm-wide count of administrators on every page.
     */
    @GET
    @Path("report")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public Response report(@QueryParam("format") String format, @QueryParam("first") String first,
                           @QueryParam("max") String max, @QueryParam("inactiveDays") String inactiveDays,
                           @QueryParam("pendingDays") String pendingDays, @QueryParam("expiringDays") String expiringDays,
                           @QueryParam("account") String account) {
        AccountScope scope = caller.scope(account, AccountPermission.VIEW_REPORT);
        List<Problems.Problem> problems = new ArrayList<>();
        int from = QueryParams.integer("first", first, 0, 0, Integer.MAX_VALUE, problems);
        int size = QueryParams.integer("max", max, 100, 1, MAX_PAGE, problems);
        AccessReport.Thresholds thresholds = new AccessReport.Thresholds(
                QueryParams.integer("inactiveDays", inactiveDays, 90, 1, 3650, problems),
                QueryParams.integer("pendingDays", pendingDays, 7, 1, 3650, problems),
                QueryParams.integer("expiringDays", expiringDays, 30, 1, 3650, problems));
        String type = format == null ? "json" : format;
        if (!type.equals("json") && !type.equals("csv")) {
            problems.add(Problems.problem("format", "must be json or csv"));
        }
        if (!problems.isEmpty()) {
            return Problems.badRequestResponse(problems);
        }
        Instant now = clock.instant();
        UserFactsReader reader = new UserFactsReader(session);
        List<AccessReport.Finding> findings = new ArrayList<>();
        // One account's report pages through its members (Keycloak's member search), not the realm.
        List<UserModel> users = (scope.wholeRealm()
                ? session.users().searchForUserStream(realm, Map.of(UserModel.INCLUDE_SERVICE_ACCOUNT, "false"), from, size + 1)
                : scope.organizations().getMembersStream(scope.account(), (String) null, false, from, size + 1))
                .toList();
        boolean more = users.size() > size;
        for (UserModel user : users.subList(0, Math.min(size, users.size()))) {
            Instant created = user.getCreatedTimestamp() == null ? null : Instant.ofEpochMilli(user.getCreatedTimestamp());
            // An account's report counts what people hold in that account only: its templates and the
            // records it issued.
            findings.addAll(AccessReport.findings(reader.read(user, scope.wholeRealm() ? null : scope.account(), now,
                    issuer -> scope.holds(user, issuer)), LastLogin.of(user), created, thresholds, now));
        }
        if (type.equals("csv")) {
            return Response.ok(AccessReport.csv(findings), "text/csv")
                    .header("X-Administrators", administrators(scope))
                    .header("X-Next-First", more ? String.valueOf(from + size) : null)
                    .build();
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("generatedAt", now.toString());
        answer.put("thresholds", thresholds);
        answer.put("administrators", administrators(scope));
        answer.put("first", from);
        answer.put("max", size);
        answer.put("next", more ? from + size : null);
        Map<String, Long> counts = new LinkedHashMap<>();
        AccessReport.CATEGORIES.forEach(category -> counts.put(category,
                findings.stream().filter(finding -> finding.category().equals(category)).count()));
        answer.put("counts", counts);
        answer.put("findings", findings);
        return Response.ok(answer, MediaType.APPLICATION_JSON).build();
    }

    /**
     * Holders of a privileged role template in the scope: members of the account's template groups
     * whose template is or includes a privileged one (every account's for the realm), not a user
     * scan; the realm count also has realm-level (unassigned) holders, which count in no account.
     */
    private int administrators(AccountScope scope) {
        Set<String> holders = new HashSet<>();
        List<OrganizationModel> accounts = scope.wholeRealm()
                ? scope.organizations().getAllStream().toList() : List.of(scope.account());
        for (OrganizationModel account : accounts) {
            AccountTemplates.groups(session, account)
                    .filter(group -> RoleTemplateRoles.byName(realm, group.getFirstAttribute(AccountTemplates.TEMPLATE))
                            .map(role -> RoleUtils.expandCompositeRoles(Set.of(role)).stream().anyMatch(PrivilegePaths::isPrivilegedTemplate))
                            .orElse(false))
                    .forEach(group -> session.users().getGroupMembersStream(realm, group).forEach(user -> holders.add(user.getId())));
        }
        if (scope.wholeRealm()) {
            realm.getRolesStream()
                    .filter(role -> "true".equals(role.getFirstAttribute(UserFactsReader.PRIVILEGED)))
                    .forEach(role -> collectHolders(role, holders, new HashSet<>(), scope));
        }
        return holders.size();
    }

    /** Direct holders of a role, and holders of composites that contain it. */
    private void collectHolders(RoleModel role, Set<String> holders, Set<String> seen, AccountScope scope) {
        if (!seen.add(role.getId())) {
            return;
        }
        session.users().getRoleMembersStream(realm, role).filter(scope::contains).forEach(user -> holders.add(user.getId()));
        realm.getRolesStream().filter(candidate -> candidate.isComposite() && candidate.hasRole(role)
                && !candidate.getId().equals(role.getId())).forEach(parent -> collectHolders(parent, holders, seen, scope));
    }

    private UserFacts facts(String user, String account) {
        if (user == null || user.isBlank()) {
            throw badRequest("user", "required, a user id or username");
        }
        UserModel found = session.users().getUserById(realm, user);
        if (found == null) {
            found = session.users().getUserByUsername(realm, user);
        }
        if (found == null) {
            throw Problems.notFound("user", user);
        }
        caller.requireInAccount(found, AccountPermission.VIEW_PEOPLE, user);
        UserModel person = found;
        OrganizationModel inAccount = ReviewAccount.of(session, caller, found, account, AccountPermission.VIEW_PEOPLE);
        return new UserFactsReader(session).read(found, inAccount, clock.instant(),
                issuer -> ReviewAccount.shows(inAccount, issuer) && caller.mayOnRecord(person, issuer, AccountPermission.VIEW_PEOPLE));
    }

    private AccessCatalog catalog() {
        return AccessCatalogStore.read(realm).orElseThrow(() -> badRequest(
                "catalog", "no access catalog applied to this realm yet (POST /mx/role-templates/apply)"));
    }

    private static BadRequestException badRequest(String field, String message) {
        return new BadRequestException(Problems.badRequestResponse(List.of(Problems.problem(field, message))));
    }
}
