package com.maintenanceaccess.review.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
        ObjectNode answer = view(review, items);
        AdminAudit.byCaller(session, caller, OperationType.CREATE, RESOURCE_TYPE,
                "accounts/" + account.getId() + "/reviews/" + review.id(), summary(review, items));
        return Response.status(Response.Status.CREATED).entity(answer).build();
    }

    @GET
    public ArrayNode list() {
        OrganizationModel account = caller.account(accountParam, AccountPermission.VIEW_PEOPLE);
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        table.reviews(account.getId()).forEach(review -> list.add(head(review, table.items(review.id()))));
        return list;
    }

    @GET
    @Path("{review}")
    public ObjectNode get(@PathParam("review") String reviewId) {
        OrganizationModel account = caller.account(accountParam, AccountPermission.VIEW_PEOPLE);
        AccessReviewTable.Review review = review(account, reviewId);
        ObjectNode view = view(review, table.items(review.id()));
        view.put("accountName", account.getName());
        return view;
    }

    /** {@code {"decision": "keep"|"remove", "comment": "…"}}: once per item, by the item's reviewer. */
    @POST
    @Path("{review}/items/{no}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    public ObjectNode decide(@PathParam("review") String reviewId, @PathParam("no") String no, String body) {
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
    public ObjectNode close(@PathParam("review") String reviewId, String body) {
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
        return view(table.review(review.id()).orElseThrow(), table.items(review.id()));
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

    private ObjectNode head(AccessReviewTable.Review review, List<ReviewItem> items) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", review.id());
        node.put("account", review.accountId());
        node.put("status", review.status());
        node.put("startedBy", review.startedBy());
        node.put("startedAt", Instant.ofEpochMilli(review.startedAt()).toString());
        node.put("endsAt", Instant.ofEpochMilli(review.endsAt()).toString());
        node.put("closedAt", review.closedAt() == null ? null : Instant.ofEpochMilli(review.closedAt()).toString());
        node.put("undecided", review.undecided().id());
        node.put("scheduled", ReviewJob.SCHEDULE.equals(review.startedBy()));
        node.put("itemCount", items.size());
        node.put("undecidedCount", items.stream().filter(item -> item.decision() == null).count());
        return node;
    }

    private ObjectNode view(AccessReviewTable.Review review, List<ReviewItem> items) {
        ObjectNode node = head(review, items);
        ArrayNode list = node.putArray("items");
        OrganizationModel account = session.getProvider(org.keycloak.organization.OrganizationProvider.class)
                .getById(review.accountId());
        items.forEach(item -> list.add(itemView(review, account, item)));
        return node;
    }

    private ObjectNode itemView(AccessReviewTable.Review review, OrganizationModel account, ReviewItem item) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("no", item.no());
        node.put("personId", item.personId());
        UserModel person = session.users().getUserById(realm, item.personId());
        node.put("username", person == null ? null : person.getUsername());
        node.put("name", person == null ? null : name(person));
        if (item.kind() == ReviewItem.Kind.AUTHORIZATION && person != null) {
            // The type and reference people read (the value is the record's id).
            AuthorizationChanges.byId(AuthorizationStore.read(person).records(), item.value()).ifPresent(record -> {
                node.put("type", record.type());
                node.put("reference", record.reference());
            });
        }
        // Whether the caller may decide it now, and if not, why (the page says it in words).
        String whyNot = null;
        if (!review.open() || item.decision() != null) {
            whyNot = "decided";
        } else if (item.personId().equals(caller.user().getId())) {
            whyNot = "own";
        } else if (account == null || !caller.may(account, ReviewRules.decides(item.kind()))) {
            whyNot = ReviewRules.decides(item.kind()) == AccountPermission.MANAGE_AUTHORIZATIONS ? "officer" : "administrator";
        }
        node.put("mayDecide", whyNot == null);
        node.put("whyNot", whyNot);
        node.put("kind", item.kind().id());
        node.put("value", item.value());
        node.put("label", item.label());
        node.put("reviewer", ReviewRules.decides(item.kind()) == AccountPermission.MANAGE_AUTHORIZATIONS
                ? "compliance-officer" : "account-administrator");
        node.put("decision", item.decision() == null ? null : item.decision().id());
        node.put("comment", item.comment());
        node.put("decidedBy", item.decidedBy());
        node.put("decidedAt", item.decidedAt() == null ? null : Instant.ofEpochMilli(item.decidedAt()).toString());
        node.put("outcome", item.outcome());
        return node;
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
