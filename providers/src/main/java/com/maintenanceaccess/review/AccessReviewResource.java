package com.maintenanceaccess.review;

import com.maintenanceaccess.kernel.LastLogin;
import com.maintenanceaccess.kernel.QueryParams;
import com.maintenanceaccess.kernel.ThemeMessages;
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
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.Nullable;
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
    public Reachable reachable(@QueryParam("user") String user, @QueryParam("account") String account) {
        UserFacts facts = facts(user, account);
        return new Reachable(facts.id(), facts.username(),
                AccessExplainer.reachable(facts, catalog()).stream().map(AccessCatalog.Page::id).toList());
    }

    /** The person and the ids of the pages and actions of the access catalog they can reach. */
    public record Reachable(String user, String username, List<String> pages) {
    }

    @GET
    @Path("pages")
    @Produces(MediaType.APPLICATION_JSON)
    public List<AccessCatalog.Page> pages() {
        caller.requireSomeRole();
        return catalog().pages();
    }

    /**
     * The applied catalog with its words (issue 24): modules (and their features), areas, actions
     * and pages with their descriptions in English and further languages, so that a client names a
     * permission, an area, a feature or a page in the reader's language. Any role in the realm, as
     * the pages.
     */
    @GET
    @Path("catalog")
    @Produces(MediaType.APPLICATION_JSON)
    public AccessCatalog catalogWithWords() {
        caller.requireSomeRole();
        return catalog();
    }

    /**
     * The access review, one page of users at a time (ordered as Keycloak lists users), with
     * the realm-wide count of administrators on every page.
     */
    @GET
    @Path("report")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @ApiResponse(responseCode = "200", description = "one page of the report (format=json), or its findings as CSV"
            + " (format=csv; the administrators and the next page's first in the headers X-Administrators, X-Next-First)",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccessReportPage.class)),
                    @Content(mediaType = "text/csv")})
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
            // The detail in the language the request asks for (Accept-Language; English without it),
            // names in words: docs/access-review.md, "The report as CSV".
            java.util.Locale language = ThemeMessages.requested(session, realm);
            EvidenceWords words = new EvidenceWords(ThemeMessages.account(session, realm, language), language,
                    AccessCatalogStore.read(realm).orElse(null));
            return Response.ok(AccessReport.csv(findings, words::parts), "text/csv")
                    .header("Content-Language", language.toLanguageTag())
                    .header("X-Administrators", administrators(scope))
                    .header("X-Next-First", more ? String.valueOf(from + size) : null)
                    .build();
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        AccessReport.CATEGORIES.forEach(category -> counts.put(category,
                findings.stream().filter(finding -> finding.category().equals(category)).count()));
        return Response.ok(new AccessReportPage(now.toString(), thresholds, administrators(scope), from, size,
                more ? from + size : null, counts, findings), MediaType.APPLICATION_JSON).build();
    }

    /**
     * One page of the access review (format=json): its thresholds, the scope's administrators, the
     * page ({@code next}: the next page's first, absent on the last page), the findings of each category and the findings.
     */
    public record AccessReportPage(String generatedAt, AccessReport.Thresholds thresholds, int administrators, int first,
                                   int max, @Nullable Integer next, Map<String, Long> counts,
                                   List<AccessReport.Finding> findings) {
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
