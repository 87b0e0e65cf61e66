package com.maintenanceaccess.review.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.maintenanceaccess.kernel.AccountPermission;
import com.maintenanceaccess.kernel.Authority;
import com.maintenanceaccess.kernel.JsonBody;
import com.maintenanceaccess.kernel.Problems;
import com.maintenanceaccess.kernel.AdminAudit;
import com.maintenanceaccess.authorization.model.AuthorizationStore;
import com.maintenanceaccess.kernel.Csv;
import com.maintenanceaccess.authorization.rules.AuthorizationChanges;
import com.maintenanceaccess.trail.Trail;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.Nullable;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * {@code /realms/{realm}/mx/accounts/{account}/reviews}: access reviews with recorded decisions
 * (issue 25, item 2; docs/access-review.md, "Reviews with decisions"). An account administrator
 * starts one (a snapshot of what every member holds in the account), reviewers decide each item
 * (keep or remove, with a comment: administrators templates and account roles, compliance officers
 * authorizations, nobody their own), the administrator closes it and the removals are applied.
 * Every decision and the close are trail entries and admin events; the auditor reads and exports it.
 */
@Produces(MediaType.APPLICATION_JSON)
public class AccessReviewsResource {

    public static final String RESOURCE_TYPE = "MX_ACCESS_REVIEW";
    public static final String TRAIL_DECISION = Trail.REVIEW_DECISION;
    public static final String TRAIL_CLOSE = Trail.REVIEW_CLOSED;
    static final int DEFAULT_DAYS = 30;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Authority caller;
    private final String accountParam;
    private final Clock clock;
    private final AccessReviewTable table;

    public AccessReviewsResource(KeycloakSession session, Authority caller, String accountParam, Clock clock) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.caller = caller;
        this.accountParam = accountParam;
        this.clock = clock;
        this.table = new AccessReviewTable(session, realm.getId());
    }

    /** Starts a review: {@code {"days": 30}} optional (its end date); 201 with the review. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "201", description = "the review started, with its items",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccessReviewAnswer.class)))
    public Response start(String body) {
        OrganizationModel account = caller.account(accountParam, AccountPermission.MANAGE_PEOPLE);
        JsonNode json = JsonBody.object(body, false, Set.of("days"));
        int days = DEFAULT_DAYS;
        if (json.has("days")) {
            JsonNode given = json.get("days");
            if (!given.isIntegralNumber() || !given.canConvertToInt() || given.asInt() < 1 || given.asInt() > 365) {
                throw Problems.invalid("days", "a whole number of days from 1 to 365");
            }
            days = json.get("days").asInt();
        }
        Instant now = clock.instant();
        AccessReviewTable.Review review = new AccessReviewTable.Review(UUID.randomUUID().toString(), account.getId(), "open",
                caller.user().getUsername(), now.toEpochMilli(), now.plus(Duration.ofDays(days)).toEpochMilli(), null,
                ReviewSettings.undecided(account));
        List<ReviewItem> items = new ReviewSnapshot(session, realm, account).items();
        table.insert(review, items);
        AccessReviewAnswer answer = view(review, items, null);
        AdminAudit.byCaller(session, caller, OperationType.CREATE, RESOURCE_TYPE,
                "accounts/" + account.getId() + "/reviews/" + review.id(), summary(review, items));
        return Response.status(Response.Status.CREATED).entity(answer).build();
    }

    @GET
    public List<AccessReviewHead> list() {
        OrganizationModel account = caller.account(accountParam, AccountPermission.VIEW_PEOPLE);
        return table.reviews(account.getId()).stream().map(review -> head(review, table.items(review.id()))).toList();
    }

    @GET
    @Path("{review}")
    public AccessReviewAnswer get(@PathParam("review") String reviewId) {
        OrganizationModel account = caller.account(accountParam, AccountPermission.VIEW_PEOPLE);
        AccessReviewTable.Review review = review(account, reviewId);
        return view(review, table.items(review.id()), account.getName());
    }

    /** {@code {"decision": "keep"|"remove", "comment": "…"}}: once per item, by the item's reviewer. */
    @POST
    @Path("{review}/items/{no}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccessReviewItem decide(@PathParam("review") String reviewId, @PathParam("no") String no, String body) {
        OrganizationModel account = caller.account(accountParam, AccountPermission.VIEW_PEOPLE);
        AccessReviewTable.Review review = review(account, reviewId);
        ReviewItem item = table.items(review.id()).stream().filter(i -> String.valueOf(i.no()).equals(no)).findFirst()
                .orElseThrow(() -> Problems.notFound("review item", no));
        AccountPermission decides = ReviewRules.decides(item.kind());
        if (!caller.may(account, decides)) {
            throw Problems.forbidden(decides.missing());
        }
        if (item.personId().equals(caller.user().getId())) {
            throw Problems.forbidden("nobody reviews their own access: another reviewer of the account decides this item.");
        }
        JsonNode json = JsonBody.object(body, true, Set.of("decision", "comment"));
        String decision = json.path("decision").isTextual() ? json.get("decision").asText() : null;
        String comment = json.path("comment").isTextual() ? json.get("comment").asText() : null;
        ReviewRules.invalid(decision, comment).ifPresent(problem -> {
            throw Problems.invalid(problem[0], problem[1]);
        });
        if (!review.open()) {
            throw Problems.conflict("the review is closed; nothing was changed.");
        }
        long at = clock.instant().toEpochMilli();
        ReviewItem.Decision chosen = ReviewItem.Decision.byId(decision);
        if (!table.decide(review.id(), item.no(), chosen, comment.trim(), caller.user().getUsername(), at)) {
            throw Problems.conflict("this item was decided already; nothing was changed.");
        }
        ObjectNode trailed = JsonNodeFactory.instance.objectNode();
        trailed.put("account", account.getId());
        trailed.put("review", review.id());
        trailed.put("item", item.no());
        trailed.put("kind", item.kind().id());
        trailed.put("value", item.value());
        trailed.put("label", item.label());
        trailed.put("decision", chosen.id());
        trailed.put("comment", comment.trim());
        trailed.put("by", caller.user().getUsername());
        trailed.put("actorId", caller.user().getId());
        new Trail(session).append(realm, TRAIL_DECISION, item.personId(), trailed);
        AdminAudit.byCaller(session, caller, OperationType.UPDATE, RESOURCE_TYPE,
                "accounts/" + account.getId() + "/reviews/" + review.id() + "/items/" + item.no(), trailed);
        return itemView(review, account, table.items(review.id()).get(item.no() - 1));
    }

    /** Closes the review (its administrator): removals decided, and undecided items as the account says, are applied. */
    @POST
    @Path("{review}/close")
    public AccessReviewAnswer close(@PathParam("review") String reviewId, String body) {
        OrganizationModel account = caller.account(accountParam, AccountPermission.MANAGE_PEOPLE);
        JsonBody.object(body, false, Set.of());
        AccessReviewTable.Review review = review(account, reviewId);
        if (!table.close(review.id(), clock.instant().toEpochMilli())) {
            throw Problems.conflict("the review is closed already; nothing was changed.");
        }
        ObjectNode trailed = new ReviewClose(session, realm, account, caller, clock).closeAll(table, review,
                caller.user().getUsername());
        AdminAudit.byCaller(session, caller, OperationType.ACTION, RESOURCE_TYPE,
                "accounts/" + account.getId() + "/reviews/" + review.id() + "/close", trailed);
        return view(table.review(review.id()).orElseThrow(), table.items(review.id()), null);
    }

    /** The review as CSV, for the account's auditor (and its administrator). */
    @GET
    @Path("{review}/export")
    @Produces("text/csv")
    public Response export(@PathParam("review") String reviewId) {
        OrganizationModel account = caller.account(accountParam, AccountPermission.VIEW_REPORT);
        AccessReviewTable.Review review = review(account, reviewId);
        StringBuilder csv = new StringBuilder(Csv.line(List.of("item", "username", "kind", "access", "decision", "comment",
                "decidedBy", "decidedAt", "outcome")));
        for (ReviewItem item : table.items(review.id())) {
            UserModel person = session.users().getUserById(realm, item.personId());
            List<String> cells = new ArrayList<>(List.of(String.valueOf(item.no()), person == null ? item.personId() : person.getUsername(),
                    item.kind().id(), item.label(), item.decision() == null ? "" : item.decision().id(),
                    nonNull(item.comment()), nonNull(item.decidedBy()),
                    item.decidedAt() == null ? "" : Instant.ofEpochMilli(item.decidedAt()).toString(), nonNull(item.outcome())));
            csv.append(Csv.line(cells));
        }
        return Response.ok(csv.toString(), "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"access-review-" + review.id() + ".csv\"").build();
    }

    // --------------------------------------------------------------------------------------

    /** The account's review; another account's (or none) is 404, as an unknown id. */
    private AccessReviewTable.Review review(OrganizationModel account, String reviewId) {
        return table.review(reviewId).filter(r -> r.accountId().equals(account.getId()))
                .orElseThrow(() -> Problems.notFound("review", reviewId));
    }

    private AccessReviewHead head(AccessReviewTable.Review review, List<ReviewItem> items) {
        return new AccessReviewHead(review.id(), review.accountId(), review.status(), review.startedBy(),
                Instant.ofEpochMilli(review.startedAt()).toString(), Instant.ofEpochMilli(review.endsAt()).toString(),
                review.closedAt() == null ? null : Instant.ofEpochMilli(review.closedAt()).toString(),
                review.undecided().id(), ReviewJob.SCHEDULE.equals(review.startedBy()), items.size(),
                items.stream().filter(item -> item.decision() == null).count());
    }

    /** The review with its items; {@code accountName} only where one review is read (GET). */
    private AccessReviewAnswer view(AccessReviewTable.Review review, List<ReviewItem> items, String accountName) {
        AccessReviewHead head = head(review, items);
        OrganizationModel account = session.getProvider(org.keycloak.organization.OrganizationProvider.class)
                .getById(review.accountId());
        return new AccessReviewAnswer(head.id(), head.account(), head.status(), head.startedBy(), head.startedAt(),
                head.endsAt(), head.closedAt(), head.undecided(), head.scheduled(), head.itemCount(), head.undecidedCount(),
                items.stream().map(item -> itemView(review, account, item)).toList(), accountName);
    }

    private AccessReviewItem itemView(AccessReviewTable.Review review, OrganizationModel account, ReviewItem item) {
        UserModel person = session.users().getUserById(realm, item.personId());
        // The type and reference people read (the value is the record's id).
        PersonnelAuthorization record = item.kind() == ReviewItem.Kind.AUTHORIZATION && person != null
                ? AuthorizationChanges.byId(AuthorizationStore.read(person).records(), item.value()).orElse(null) : null;
        // Whether the caller may decide it now, and if not, why (the page says it in words).
        String whyNot = null;
        if (!review.open() || item.decision() != null) {
            whyNot = "decided";
        } else if (item.personId().equals(caller.user().getId())) {
            whyNot = "own";
        } else if (account == null || !caller.may(account, ReviewRules.decides(item.kind()))) {
            whyNot = ReviewRules.decides(item.kind()) == AccountPermission.MANAGE_AUTHORIZATIONS ? "officer" : "administrator";
        }
        return new AccessReviewItem(item.no(), item.personId(), person == null ? null : person.getUsername(),
                person == null ? null : name(person), record == null ? null : record.type(),
                record == null ? null : record.reference(), whyNot == null, whyNot, item.kind().id(), item.value(),
                item.label(), ReviewRules.decides(item.kind()) == AccountPermission.MANAGE_AUTHORIZATIONS
                        ? "compliance-officer" : "account-administrator",
                item.decision() == null ? null : item.decision().id(), item.comment(), item.decidedBy(),
                item.decidedAt() == null ? null : Instant.ofEpochMilli(item.decidedAt()).toString(), item.outcome());
    }

    /**
     * A review as listed (GET …/reviews): its state and counts. A field without a value is written as null
     * (these answers have always had every field).
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AccessReviewHead(String id, String account, String status, String startedBy, String startedAt,
                                   String endsAt, @Nullable String closedAt, String undecided, boolean scheduled,
                                   int itemCount, long undecidedCount) {
    }

    /** A review with its items (started, read, closed); {@code accountName} is there only when one review is read. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AccessReviewAnswer(String id, String account, String status, String startedBy, String startedAt,
                                     String endsAt, @Nullable String closedAt, String undecided, boolean scheduled,
                                     int itemCount, long undecidedCount, List<AccessReviewItem> items,
                                     @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) String accountName) {
    }

    /**
     * One item: whose access, what ({@code type} and {@code reference} only for a personnel authorization
     * that still exists), whether the caller may decide it now ({@code whyNot}: decided, own, administrator,
     * officer), the decision and its outcome.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AccessReviewItem(int no, String personId, @Nullable String username, @Nullable String name,
                                   @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) String type,
                                   @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) String reference,
                                   boolean mayDecide, @Nullable String whyNot, String kind, String value, String label,
                                   String reviewer, @Nullable String decision, @Nullable String comment,
                                   @Nullable String decidedBy, @Nullable String decidedAt, @Nullable String outcome) {
    }

    private static ObjectNode summary(AccessReviewTable.Review review, List<ReviewItem> items) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("review", review.id());
        node.put("items", items.size());
        node.put("endsAt", Instant.ofEpochMilli(review.endsAt()).toString());
        return node;
    }

    private static String name(UserModel user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return name.isEmpty() ? user.getUsername() : name;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
