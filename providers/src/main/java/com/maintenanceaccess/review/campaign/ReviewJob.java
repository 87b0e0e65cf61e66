package com.maintenanceaccess.review.campaign;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.maintenanceaccess.kernel.AccountPermission;
import com.maintenanceaccess.kernel.AccountRole;
import com.maintenanceaccess.kernel.AdminAudit;
import com.maintenanceaccess.notice.Notice;
import com.maintenanceaccess.notice.NoticeKind;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.organization.OrganizationProvider;

/**
 * The access reviews' part of the notice job (issue 25, item 2; docs/access-review.md): per account,
 * in a transaction of its own, (1) closes the open reviews whose end date has come (undecided items
 * as the review's setting says), (2) starts the review the schedule ({@code mx.review.every-months})
 * has due, and (3) answers the reminders due to reviewers with open items, which the notice job
 * claims and sends through its ledger (once per review, reminder day and reviewer).
 *
 * <p>Exactly once also on two nodes: the close is the review's compare-and-set ({@code STATUS =
 * 'open'}); a scheduled review's id is derived from the account and the start it is due for, so a
 * second start of the same one fails on the primary key and is dropped.
 */
public final class ReviewJob {

    /** {@code STARTED_BY} of a review the schedule started. */
    public static final String SCHEDULE = "mx:schedule";

    private static final Logger LOG = Logger.getLogger(ReviewJob.class);

    private final KeycloakSessionFactory factory;
    private final Clock clock;

    public ReviewJob(KeycloakSessionFactory factory, Clock clock) {
        this.factory = factory;
        this.clock = clock;
    }

    /** Closes and starts what is due in the realm's accounts; answers the reminders due now. */
    public List<Notice> run(String realmId, Instant now) {
        List<String> accountIds = KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> {
            session.getContext().setRealm(session.realms().getRealm(realmId));
            return session.getProvider(OrganizationProvider.class).getAllStream().map(OrganizationModel::getId).toList();
        });
        List<Notice> reminders = new ArrayList<>();
        for (String accountId : accountIds) {
            try {
                closeEnded(realmId, accountId, now);
                startScheduled(realmId, accountId, now);
                reminders.addAll(KeycloakModelUtils.runJobInTransactionWithResult(factory,
                        session -> in(session, realmId, accountId, (realm, account, table) -> reminders(session, realm, account, table, now))));
            } catch (RuntimeException e) {
                // One account's failure (or a start another node won) does not stop the others; the next run tries again.
                LOG.warnf("access reviews of account %s in realm %s: %s", accountId, realmId, e.getMessage());
            }
        }
        return reminders;
    }

    private interface InAccount<T> {
        T run(RealmModel realm, OrganizationModel account, AccessReviewTable table);
    }

    private static <T> T in(KeycloakSession session, String realmId, String accountId, InAccount<T> work) {
        RealmModel realm = session.realms().getRealm(realmId);
        session.getContext().setRealm(realm);
        OrganizationModel account = session.getProvider(OrganizationProvider.class).getById(accountId);
        if (account == null) {
            return null;
        }
        return work.run(realm, account, new AccessReviewTable(session, realmId));
    }

    /** Each open review past its end date: closed, in its own transaction (the close and its removals together). */
    private void closeEnded(String realmId, String accountId, Instant now) {
        List<String> ended = KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> in(session, realmId, accountId,
                (realm, account, table) -> table.reviews(accountId).stream()
                        .filter(review -> review.open() && review.endsAt() <= now.toEpochMilli())
                        .map(AccessReviewTable.Review::id).toList()));
        for (String reviewId : ended == null ? List.<String>of() : ended) {
            KeycloakModelUtils.runJobInTransaction(factory, session -> in(session, realmId, accountId, (realm, account, table) -> {
                AccessReviewTable.Review review = table.review(reviewId).orElseThrow();
                if (!table.close(reviewId, now.toEpochMilli())) {
                    return null; // closed meanwhile, by its administrator or another node
                }
                ObjectNode trailed = new ReviewClose(session, realm, account, null, clock).closeAll(table, review, AdminAudit.SCHEDULER);
                AdminAudit.bySystem(session, realm, AdminAudit.SCHEDULER, OperationType.ACTION, AccessReviewsResource.RESOURCE_TYPE,
                        "accounts/" + accountId + "/reviews/" + reviewId + "/close", trailed);
                return null;
            }));
        }
    }

    /** The review the schedule has due, if any: a snapshot as an administrator's start takes. */
    private void startScheduled(String realmId, String accountId, Instant now) {
        KeycloakModelUtils.runJobInTransaction(factory, session -> in(session, realmId, accountId, (realm, account, table) -> {
            List<AccessReviewTable.Review> reviews = table.reviews(accountId);
            Instant last = reviews.isEmpty() ? null : Instant.ofEpochMilli(reviews.get(0).startedAt());
            Optional<Instant> due = ReviewSchedule.due(last, ReviewSettings.everyMonths(account), now);
            if (due.isEmpty()) {
                return null;
            }
            String dueFor = last == null ? "first" : due.get().toString();
            String id = UUID.nameUUIDFromBytes((realmId + "/" + accountId + "/scheduled/" + dueFor)
                    .getBytes(StandardCharsets.UTF_8)).toString();
            if (table.review(id).isPresent()) {
                return null;
            }
            AccessReviewTable.Review review = new AccessReviewTable.Review(id, accountId, "open", SCHEDULE, now.toEpochMilli(),
                    now.plus(Duration.ofDays(AccessReviewsResource.DEFAULT_DAYS)).toEpochMilli(), null,
                    ReviewSettings.undecided(account));
            List<ReviewItem> items = new ReviewSnapshot(session, realm, account).items();
            table.insert(review, items);
            ObjectNode summary = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            summary.put("review", id).put("items", items.size()).put("scheduled", true)
                    .put("endsAt", Instant.ofEpochMilli(review.endsAt()).toString());
            AdminAudit.bySystem(session, realm, AdminAudit.SCHEDULER, OperationType.CREATE, AccessReviewsResource.RESOURCE_TYPE,
                    "accounts/" + accountId + "/reviews/" + id, summary);
            return null;
        }));
    }

    /** Per open review on a reminder day: each reviewer of the account with items they may decide (not their own). */
    private static List<Notice> reminders(KeycloakSession session, RealmModel realm, OrganizationModel account,
            AccessReviewTable table, Instant now) {
        List<Notice> notices = new ArrayList<>();
        List<UserModel> administrators = null;
        List<UserModel> officers = null;
        for (AccessReviewTable.Review review : table.reviews(account.getId())) {
            Optional<Integer> day = review.open() ? ReviewSchedule.reminderDay(Instant.ofEpochMilli(review.endsAt()), now)
                    : Optional.empty();
            if (day.isEmpty()) {
                continue;
            }
            List<ReviewItem> open = table.items(review.id()).stream().filter(item -> item.decision() == null).toList();
            if (administrators == null) {
                administrators = holders(session, realm, account, AccountRole.ACCOUNT_ADMINISTRATOR);
                officers = holders(session, realm, account, AccountRole.COMPLIANCE_OFFICER);
            }
            List<UserModel> reviewers = new ArrayList<>(administrators);
            officers.stream().filter(officer -> reviewers.stream().noneMatch(r -> r.getId().equals(officer.getId())))
                    .forEach(reviewers::add);
            for (UserModel reviewer : reviewers) {
                boolean administrator = administrators.stream().anyMatch(r -> r.getId().equals(reviewer.getId()));
                boolean officer = officers.stream().anyMatch(r -> r.getId().equals(reviewer.getId()));
                long theirs = open.stream().filter(item -> !item.personId().equals(reviewer.getId()))
                        .filter(item -> ReviewRules.decides(item.kind()) == AccountPermission.MANAGE_AUTHORIZATIONS ? officer : administrator)
                        .count();
                if (theirs == 0) {
                    continue;
                }
                notices.add(new Notice(NoticeKind.REVIEW_REMINDER, review.id(), "review-reminder:" + day.get(), reviewer.getId(),
                        new Notice.Facts(name(reviewer), reviewer.getEmail(), account.getName(), null, null,
                                Instant.ofEpochMilli(review.endsAt()), theirs, false, null)));
            }
        }
        return notices;
    }

    /** Enabled members of the account holding the role there, with an e-mail address. */
    private static List<UserModel> holders(KeycloakSession session, RealmModel realm, OrganizationModel account, AccountRole role) {
        GroupModel group = KeycloakModelUtils.findGroupByPath(session, realm, role.groupPath(account.getAlias()));
        if (group == null) {
            return List.of();
        }
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        return session.users().getGroupMembersStream(realm, group).filter(UserModel::isEnabled)
                .filter(user -> user.getEmail() != null).filter(user -> organizations.isMember(account, user)).toList();
    }

    private static String name(UserModel user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return name.isEmpty() ? user.getUsername() : name;
    }
}
