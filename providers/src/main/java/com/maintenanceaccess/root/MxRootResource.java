package com.maintenanceaccess.root;

import com.maintenanceaccess.access.AccessCatalog;
import com.maintenanceaccess.access.AccessCatalogStore;
import com.maintenanceaccess.account.AccountsResource;
import com.maintenanceaccess.approval.AccountRoleGrant;
import com.maintenanceaccess.approval.Approval;
import com.maintenanceaccess.approval.Approvals;
import com.maintenanceaccess.authorization.ApprovedGrant;
import com.maintenanceaccess.authorization.rest.ComplianceResource;
import com.maintenanceaccess.authorization.rest.PersonnelAuthorizationsResource;
import com.maintenanceaccess.authorization.rest.SignoffCheckResource;
import com.maintenanceaccess.bundle.BundleVersion;
import com.maintenanceaccess.invitation.ApprovedAddressMove;
import com.maintenanceaccess.invitation.admin.InvitationsResource;
import com.maintenanceaccess.kernel.Authority;
import com.maintenanceaccess.me.AuthorizationCatalogResource;
import com.maintenanceaccess.me.MyAuthorizationsResource;
import com.maintenanceaccess.notice.ChangeNotices;
import com.maintenanceaccess.people.AccountPeopleResource;
import com.maintenanceaccess.people.TeamResource;
import com.maintenanceaccess.people.UnassignedPeopleResource;
import com.maintenanceaccess.review.AccessReviewResource;
import com.maintenanceaccess.review.MyAccessResource;
import com.maintenanceaccess.review.UserAccessResource;
import com.maintenanceaccess.roletemplate.RoleTemplatesResource;
import com.maintenanceaccess.signoff.SignoffsResource;
import com.maintenanceaccess.trail.TrailResource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The root of {@code /realms/{realm}/mx}. Each feature hangs its resource here with a
 * sub-resource locator; the locator authenticates the caller ({@link Authority}) before it
 * descends, so no feature resource is reachable without a valid bearer token of this realm,
 * and each resource asks the same {@link Authority} what the caller may do to its target.
 */
public class MxRootResource {

    private final KeycloakSession session;
    private final Clock clock;
    private final MxFeatures features;

    MxRootResource(KeycloakSession session, Clock clock, MxFeatures features) {
        this.session = session;
        this.clock = clock;
        this.features = features;
    }

    @Path("accounts")
    public AccountsResource accounts() {
        RealmModel realm = session.getContext().getRealm();
        return new AccountsResource(session, Authority.authenticate(session),
                () -> AccessCatalogStore.read(realm).map(AccessCatalog::features).orElse(Set.of()), clock);
    }

    // Other features' resources under an account, mounted here rather than by account/AccountsResource,
    // so that the account feature does not mount them (a path with more literal characters wins).

    /** The account's people (docs/accounts.md): list, create-and-invite, templates, account roles, removal. */
    @Path("accounts/{account}/people")
    public AccountPeopleResource accountPeople(@PathParam("account") String account) {
        return new AccountPeopleResource(session, Authority.authenticate(session), account, approvals());
    }

    /** A whole team at once: invite from CSV (preview, then invite) and the people as CSV. */
    @Path("accounts/{account}/team")
    public TeamResource accountTeam(@PathParam("account") String account) {
        return new TeamResource(session, Authority.authenticate(session), account, approvals());
    }

    /** Grants of the account that wait for a second person (docs/authorizations.md, "Four eyes"). */
    @Path("accounts/{account}/approvals")
    public com.maintenanceaccess.approval.ApprovalsResource accountApprovals(@PathParam("account") String account) {
        return new com.maintenanceaccess.approval.ApprovalsResource(session, Authority.authenticate(session), account,
                approvals());
    }

    /** t26-scim: the account's provisioning tokens (docs/scim.md): create (secret shown once), list, revoke. */
    @Path("accounts/{account}/scim-tokens")
    public com.maintenanceaccess.scim.ScimTokensResource scimTokens(@PathParam("account") String account) {
        return new com.maintenanceaccess.scim.ScimTokensResource(session, Authority.authenticate(session), account, clock);
    }

    /** t26-scim: how the account's directory provisions people (invitation mail or not, group mapping). */
    @Path("accounts/{account}/provisioning-settings")
    public com.maintenanceaccess.scim.ScimSettingsResource provisioningSettings(@PathParam("account") String account) {
        return new com.maintenanceaccess.scim.ScimSettingsResource(session, Authority.authenticate(session), account);
    }

    /**
     * t26-scim: the account's SCIM 2.0 service provider (docs/scim.md). Not authenticated here:
     * its caller is a provisioning token of that account, not a bearer token of the realm
     * ({@code scim/ScimCaller}); and a provisioning token is refused by every other /mx endpoint.
     */
    @Path("accounts/{account}/scim/v2")
    public com.maintenanceaccess.scim.ScimResource scim(@PathParam("account") String account) {
        return new com.maintenanceaccess.scim.ScimResource(session, account, clock);
    }

    /** Which bundle this realm runs: for operators, so only to realm administrators. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public BundleInfo info() {
        Authority.authenticate(session).requireViewRealm();
        return new BundleInfo("maintenance-access", BundleVersion.VALUE, session.getContext().getRealm().getName());
    }

    /** The bundle's name and version, and the realm asked. */
    public record BundleInfo(String bundle, String version, String realm) {
    }

    /**
     * The OpenAPI description of /mx that the build generated from these resources (the typed
     * contract, docs/architecture.md). Without a token: it says what the endpoints are, as docs/ does,
     * not who holds what.
     */
    @GET
    @Path("openapi.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response openApi() {
        InputStream description = MxRootResource.class.getResourceAsStream("/META-INF/mx-openapi.json");
        if (description == null) {
            // Only a jar built without providers/pom.xml's generator lacks it: a fault of the build.
            throw new IllegalStateException("META-INF/mx-openapi.json is missing from the providers jar");
        }
        return Response.ok(description, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** People the start-up migration could not put into one account (realm operators with view-users). */
    @Path("migration")
    public UnassignedPeopleResource migration() {
        return new UnassignedPeopleResource(session, Authority.authenticate(session));
    }

    /** Roles as code: plan and apply the access catalog and role templates (realm operators with manage-realm). */
    @Path("role-templates")
    public RoleTemplatesResource roleTemplates() {
        return new RoleTemplatesResource(session, Authority.authenticate(session).requireManageRealm());
    }

    /** Invitations of users: list, invite, resend, revoke, change address (docs/invitations.md). */
    @Path("invitations")
    public InvitationsResource invitations() {
        return new InvitationsResource(session, Authority.authenticate(session), clock, approvals());
    }

    // Personnel authorizations (docs/authorizations.md): one person's records, the signoff
    // check for the maintenance app, and the realm-wide compliance views.
    @Path("users/{userId}/authorizations")
    public PersonnelAuthorizationsResource personnelAuthorizations(@PathParam("userId") String userId) {
        return new PersonnelAuthorizationsResource(session, Authority.authenticate(session), userId, approvals(),
                ChangeNotices::authorizationChanged);
    }

    @Path("signoff-check")
    public SignoffCheckResource signoffCheck() {
        return new SignoffCheckResource(session, Authority.authenticate(session));
    }

    @Path("authorizations")
    public ComplianceResource complianceViews() {
        return new ComplianceResource(session, Authority.authenticate(session));
    }

    /** The caller's own personnel authorizations as readable text, and their invitation state. */
    @Path("me/authorizations")
    public MyAuthorizationsResource myAuthorizations() {
        return new MyAuthorizationsResource(session, Authority.authenticate(session));
    }

    /** The personnel-authorization catalog the server validates against (the workspace's form). */
    @Path("authorizations/catalog")
    public AuthorizationCatalogResource authorizationCatalog() {
        return new AuthorizationCatalogResource(session, Authority.authenticate(session));
    }

    /** Who the caller is, whether they are a realm operator, and their roles in each of their accounts. */
    @Path("me")
    public MeResource me() {
        return new MeResource(session, Authority.authenticate(session));
    }

    /** Why a user can or cannot reach a page, what they reach, and the access review report. */
    @Path("access")
    public AccessReviewResource access() {
        return new AccessReviewResource(session, Authority.authenticate(session), clock);
    }

    /** A user's setup review, deactivation and reactivation (docs/access-review.md). */
    @Path("users/{userId}")
    public UserAccessResource userAccess(@PathParam("userId") String userId) {
        return new UserAccessResource(session, Authority.authenticate(session), userId, clock);
    }

    /**
     * Signatures (docs/signoffs.md). Not authenticated here: a signoff authenticates its signer
     * from the proof token itself, so that a refused proof is recorded, not just answered 401.
     */
    @Path("signoffs")
    public SignoffsResource signoffs() {
        return new SignoffsResource(session, features.signoff().settings(), clock);
    }

    /** The tamper-evident trail: verify and export (docs/signoffs.md). */
    @Path("trail")
    public TrailResource trail() {
        return new TrailResource(session, Authority.authenticate(session), clock, features.trail().retentionYears());
    }

    /** The caller's own pages and why each is open or not (the reference app's navigation). */
    @Path("my-access")
    public MyAccessResource myAccess() {
        return new MyAccessResource(session, Authority.authenticate(session), clock);
    }

    /** Grants that wait for a second person of the account (four eyes), on the bundle's clock. */
    private Approvals approvals() {
        return new Approvals(session, clock, features.approval().settings(), Map.of(
                Approval.Kind.ACCOUNT_ROLE, new AccountRoleGrant(),
                Approval.Kind.AUTHORIZATION, new ApprovedGrant(ChangeNotices::authorizationChanged),
                Approval.Kind.INVITATION_ADDRESS, new ApprovedAddressMove()));
    }

    // ---- t25-notices: access reviews with decisions (docs/access-review.md) ----

    /** Reviews of one account: start, decide, close, export. */
    @Path("accounts/{account}/reviews")
    public com.maintenanceaccess.review.campaign.AccessReviewsResource accessReviews(@PathParam("account") String account) {
        return new com.maintenanceaccess.review.campaign.AccessReviewsResource(session, Authority.authenticate(session),
                account, clock);
    }

    // ---- t25-notices: notices (docs/notices.md) ----

    /** Run the notice job now, list failed notices (realm operators). */
    @Path("notifications")
    public com.maintenanceaccess.notice.NotificationsResource notifications() {
        return new com.maintenanceaccess.notice.NotificationsResource(session, Authority.authenticate(session), clock,
                features.notice().sources());
    }
}
