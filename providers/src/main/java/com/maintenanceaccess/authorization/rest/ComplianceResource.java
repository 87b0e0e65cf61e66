package com.maintenanceaccess.authorization.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.maintenanceaccess.authorization.AuthorizationRecordView;
import com.maintenanceaccess.kernel.AccountPermission;
import com.maintenanceaccess.kernel.Authority;
import com.maintenanceaccess.kernel.Authority.AccountScope;
import com.maintenanceaccess.kernel.Problems;
import com.maintenanceaccess.kernel.AdminAudit;
import com.maintenanceaccess.authorization.AuthorizationFeature;
import com.maintenanceaccess.authorization.model.AuthorizationStore;
import com.maintenanceaccess.authorization.model.ExpiryIndex;
import com.maintenanceaccess.authorization.model.ExpiryQuery;
import com.maintenanceaccess.authorization.rules.AuthorizationChanges;
import com.maintenanceaccess.kernel.QueryParams;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.Nullable;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * {@code /realms/{realm}/mx/authorizations}: compliance views of one account (compliance officers
 * and auditors of it; {@code account=} chooses when they act in several) or of the realm (realm
 * operators with view-users). Expiring and expired are paged from the expiry index; the roster
 * ({@link Roster}) walks the index of one type in pages and keeps only records usable at signoff now, so none of them reads
 * users that hold no matching authorization. Scoped to an account, the index is walked until
 * the page is full of that account's records: an account's views hold only the records it issued.
 */
public class ComplianceResource {

    static final int MAX_PAGE = 500;
    static final int MAX_DAYS = 3660;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Authority caller;
    private final AuthorizationFeature feature;

    public ComplianceResource(KeycloakSession session, Authority caller) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.caller = caller;
        this.feature = AuthorizationFeature.of(session);
    }

    /** Records (not revoked) whose validity ends within the next {@code days} days, soonest first. */
    @GET
    @Path("expiring")
    @Produces(MediaType.APPLICATION_JSON)
    public List<ExpiryRow> expiring(@QueryParam("days") String days, @QueryParam("first") String first,
                              @QueryParam("max") String max, @QueryParam("account") String account) {
        AccountScope scope = caller.scope(account, AccountPermission.VIEW_AUTHORIZATIONS);
        int n = QueryParams.integer("days", days, 30, 1, MAX_DAYS);
        Instant now = feature.clock().instant();
        return rows(scope, now, now.plus(Duration.ofDays(n)), QueryParams.integer("first", first, 0, 0, Integer.MAX_VALUE),
                QueryParams.integer("max", max, 100, 1, MAX_PAGE), now);
    }

    /** Records (not revoked) whose validity has already ended, most recently ended first in index order. */
    @GET
    @Path("expired")
    @Produces(MediaType.APPLICATION_JSON)
    public List<ExpiryRow> expired(@QueryParam("first") String first, @QueryParam("max") String max,
                             @QueryParam("account") String account) {
        AccountScope scope = caller.scope(account, AccountPermission.VIEW_AUTHORIZATIONS);
        Instant now = feature.clock().instant();
        return rows(scope, null, now, QueryParams.integer("first", first, 0, 0, Integer.MAX_VALUE),
                QueryParams.integer("max", max, 100, 1, MAX_PAGE), now);
    }

    /**
     * The roster of one type for auditors: {@code staff=current} (default) lists the people who
     * may certify now, {@code staff=former} the leavers whose records are kept (see {@link Roster}).
     */
    @GET
    @Path("roster")
    @ApiResponse(responseCode = "200", description = "the roster (format=json), or its CSV (format=csv)", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RosterAnswer.class)),
            @Content(mediaType = "text/csv")})
    public Response roster(@QueryParam("type") @DefaultValue("certifying-staff") String type,
                           @QueryParam("format") @DefaultValue("json") String format,
                           @QueryParam("staff") @DefaultValue("current") String staffParam,
                           @QueryParam("account") String account) {
        AccountScope scope = caller.scope(account, AccountPermission.VIEW_AUTHORIZATIONS);
        if (feature.catalog().type(type).isEmpty()) {
            throw Problems.invalid("type", "unknown authorization type '" + type + "'");
        }
        if (!format.equals("json") && !format.equals("csv")) {
            throw Problems.invalid("format", "must be json or csv");
        }
        Roster.Staff staff = Roster.Staff.parse(staffParam);
        if (staff == null) {
            throw Problems.invalid("staff", "must be current or former");
        }
        Instant now = feature.clock().instant();
        List<RosterCsv.Row> rows = new Roster(session, realm, feature).rows(staff, type, now, scope::holds);
        if (format.equals("csv")) {
            return Response.ok(RosterCsv.csv(rows), "text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"roster-" + type
                            + (staff == Roster.Staff.FORMER ? "-former" : "") + ".csv\"").build();
        }
        RosterAnswer body = new RosterAnswer(type, staff.name().toLowerCase(java.util.Locale.ROOT), now.toString(),
                rows.size(), rows.stream().map(RosterCsv::json).toList());
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }

    /**
     * Rebuilds the expiry index of every holder of records. Needed only for records that
     * arrived without the API or the admin console, e.g. by realm import or partial import.
     */
    @POST
    @Path("reindex")
    @Produces(MediaType.APPLICATION_JSON)
    public ReindexAnswer reindex() {
        caller.requireRealmCompliance();
        ExpiryQuery query = new ExpiryQuery(session);
        int users = 0;
        for (int first = 0; ; first += MAX_PAGE) {
            List<String> ids = query.holders(realm, first, MAX_PAGE);
            for (String id : ids) {
                UserModel user = session.users().getUserById(realm, id);
                if (user != null) {
                    AuthorizationStore.reindex(user, AuthorizationStore.read(user).records());
                    users++;
                }
            }
            if (ids.size() < MAX_PAGE) {
                break;
            }
        }
        AdminAudit.byAdmin(session, realm, caller.adminAuth(), session.getContext().getConnection(), OperationType.ACTION,
                AuthorizationFeature.RESOURCE_TYPE, "authorizations/reindex", null,
                Map.of("action", "reindex", "users", String.valueOf(users)));
        return new ReindexAnswer(users);
    }

    /**
     * One page of index hits ending in [from, until): for the whole realm straight from the index;
     * for one account the index is walked in pages, skipping other people's records and the
     * records other accounts issued, until the page is full.
     */
    private List<ExpiryRow> rows(AccountScope scope, Instant from, Instant until, int first, int max, Instant now) {
        ExpiryQuery query = new ExpiryQuery(session);
        List<ExpiryRow> rows = new ArrayList<>();
        if (scope.wholeRealm()) {
            query.page(realm, from, until, null, first, max).forEach(hit -> row(hit, scope, now, rows));
            return rows;
        }
        int skipped = 0;
        for (int offset = 0; rows.size() < max; offset += MAX_PAGE) {
            List<ExpiryQuery.Hit> hits = query.page(realm, from, until, null, offset, MAX_PAGE);
            for (ExpiryQuery.Hit hit : hits) {
                if (rows.size() < max && inScope(hit, scope) && skipped++ >= first) {
                    row(hit, scope, now, rows);
                }
            }
            if (hits.size() < MAX_PAGE) {
                break;
            }
        }
        return rows;
    }

    private boolean inScope(ExpiryQuery.Hit hit, AccountScope scope) {
        UserModel user = session.users().getUserById(realm, hit.userId());
        return user != null && record(user, hit).filter(a -> scope.holds(user, a.account())).isPresent();
    }

    private void row(ExpiryQuery.Hit hit, AccountScope scope, Instant now, List<ExpiryRow> rows) {
        UserModel user = session.users().getUserById(realm, hit.userId());
        if (user == null) {
            return;
        }
        record(user, hit).filter(a -> scope.holds(user, a.account())).ifPresent(a -> {
            rows.add(new ExpiryRow(user.getId(), user.getUsername(), user.getFirstName(), user.getLastName(),
                    a.validUntil().toString(), AuthorizationRecordView.of(a, now)));
        });
    }

    private static java.util.Optional<com.maintenanceaccess.authorization.model.PersonnelAuthorization> record(
            UserModel user, ExpiryQuery.Hit hit) {
        return AuthorizationChanges.byId(AuthorizationStore.read(user).records(), ExpiryIndex.recordId(hit.indexValue()));
    }

    /** One row of the expiring and expired views: the holder and the record (every field written, null when empty). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ExpiryRow(String userId, String username, @Nullable String firstName, @Nullable String lastName,
                            String validUntil, AuthorizationRecordView authorization) {
    }

    /** The roster of one type (format=json): who may certify now ({@code staff=current}) or the leavers ({@code former}). */
    public record RosterAnswer(String type, String staff, String generatedAt, int count, List<RosterCsv.RosterEntry> entries) {
    }

    /** POST /mx/authorizations/reindex: how many holders' expiry index was rebuilt. */
    public record ReindexAnswer(int users) {
    }
}
