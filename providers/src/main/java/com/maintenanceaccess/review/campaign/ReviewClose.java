package com.maintenanceaccess.review.campaign;

import com.maintenanceaccess.account.AccountTemplates;
import com.maintenanceaccess.kernel.AccountRole;
import com.maintenanceaccess.kernel.Authority;
import com.maintenanceaccess.authorization.AuthorizationFeature;
import com.maintenanceaccess.authorization.model.AuthorizationStore;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization;
import com.maintenanceaccess.authorization.AuthorizationEvents;
import com.maintenanceaccess.authorization.rules.AuthorizationChanges;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.maintenanceaccess.kernel.AdminAudit;
import com.maintenanceaccess.authorization.model.AuthorizationJson;
import com.maintenanceaccess.notice.ChangeNotices;
import com.maintenanceaccess.trail.Trail;
import java.time.Clock;
import java.util.Optional;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Applies one item at the close of a review, in the close's transaction: a removal takes the
 * person out of the account's template group or role group, or revokes the authorization through
 * the authorization rules (with its own trail entry and event, reason naming the review).
 * Answers the outcome: {@code kept}, {@code removed}, or {@code gone} (no longer held).
 * Closed by a person ({@code caller}) or by the review job at the end date ({@code caller} null:
 * the events name the bundle's scheduler as actor).
 */
final class ReviewClose {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final OrganizationModel account;
    private final Authority caller;
    private final Clock clock;

    ReviewClose(KeycloakSession session, RealmModel realm, OrganizationModel account, Authority caller, Clock clock) {
        this.session = session;
        this.realm = realm;
        this.account = account;
        this.caller = caller;
        this.clock = clock;
    }

    /**
     * Applies every item of a review that {@code table.close} has just closed (the caller won the
     * compare-and-set), records each outcome and appends the one trail entry of the close; answers
     * that entry's body (for the close's admin event).
     */
    ObjectNode closeAll(AccessReviewTable table, AccessReviewTable.Review review, String by) {
        ArrayNode outcomes = JsonNodeFactory.instance.arrayNode();
        for (ReviewItem item : table.items(review.id())) {
            String outcome = apply(review, item);
            table.outcome(review.id(), item.no(), outcome);
            outcomes.addObject().put("item", item.no()).put("personId", item.personId()).put("kind", item.kind().id())
                    .put("value", item.value()).put("decision", ReviewRules.atClose(item, review.undecided()).id())
                    .put("decided", item.decision() != null).put("outcome", outcome);
        }
        ObjectNode trailed = JsonNodeFactory.instance.objectNode();
        trailed.put("account", account.getId());
        trailed.put("review", review.id());
        trailed.put("by", by);
        trailed.put("undecided", review.undecided().id());
        trailed.set("items", outcomes);
        new Trail(session).append(realm, AccessReviewsResource.TRAIL_CLOSE, review.id(), trailed);
        return trailed;
    }

    String apply(AccessReviewTable.Review review, ReviewItem item) {
        if (ReviewRules.atClose(item, review.undecided()) == ReviewItem.Decision.KEEP) {
            return "kept";
        }
        UserModel person = session.users().getUserById(realm, item.personId());
        if (person == null) {
            return "gone";
        }
        return switch (item.kind()) {
            case TEMPLATE -> leave(person, AccountTemplates.groups(session, account)
                    .filter(group -> item.value().equals(group.getFirstAttribute(AccountTemplates.TEMPLATE))).findFirst());
            case ACCOUNT_ROLE -> leave(person, AccountRole.byId(item.value())
                    .map(role -> KeycloakModelUtils.findGroupByPath(session, realm, role.groupPath(account.getAlias()))));
            case AUTHORIZATION -> revoke(person, review, item);
        };
    }

    private static String leave(UserModel person, Optional<GroupModel> group) {
        if (group.isEmpty() || !person.isMemberOf(group.get())) {
            return "gone";
        }
        person.leaveGroup(group.get());
        return "removed";
    }

    private String revoke(UserModel person, AccessReviewTable.Review review, ReviewItem item) {
        AuthorizationStore.Stored stored = AuthorizationStore.read(person);
        Optional<PersonnelAuthorization> record = AuthorizationChanges.byId(stored.records(), item.value());
        if (record.isEmpty() || record.get().status() == PersonnelAuthorization.Status.REVOKED) {
            return "gone";
        }
        String reason = "access review " + review.id() + (item.comment() == null ? " (undecided)" : ": " + item.comment());
        AuthorizationFeature feature = AuthorizationFeature.of(session);
        AuthorizationChanges.Change change = feature.changes().revoke(stored.records(), item.value(),
                reason.length() > 500 ? reason.substring(0, 500) : reason);
        AuthorizationStore.write(person, stored, change.records());
        if (caller != null) {
            AuthorizationEvents.emit(session, realm, caller.adminAuth(), caller.user().getId(), person, change.action(), change.before(),
                    change.after(), "mx-access-review");
        } else {
            // The job closed the review at its end date: the same trail entry and event, the scheduler as actor.
            ObjectNode representation = JsonNodeFactory.instance.objectNode();
            representation.put("action", change.action());
            representation.put("via", "mx-access-review");
            representation.put("userId", person.getId());
            representation.put("username", person.getUsername());
            representation.put("authorizationId", item.value());
            representation.set("before", change.before() == null ? null : AuthorizationJson.write(change.before(), null));
            representation.set("after", change.after() == null ? null : AuthorizationJson.write(change.after(), null));
            ObjectNode trailed = representation.deepCopy();
            trailed.put("actorId", AdminAudit.SCHEDULER);
            new Trail(session).append(realm, Trail.AUTHORIZATION_CHANGE, person.getId(), trailed);
            AdminAudit.bySystem(session, realm, AdminAudit.SCHEDULER, OperationType.UPDATE, AuthorizationFeature.RESOURCE_TYPE,
                    "users/" + person.getId() + "/authorizations/" + item.value(), representation);
        }
        ChangeNotices.authorizationChanged(session, realm, person, change.action(), change.after(), clock);
        return "removed";
    }
}
