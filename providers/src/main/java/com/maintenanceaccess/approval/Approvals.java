package com.maintenanceaccess.approval;

import com.maintenanceaccess.kernel.AccountPermission;
import com.maintenanceaccess.kernel.Authority;
import com.maintenanceaccess.kernel.Problems;
import com.maintenanceaccess.kernel.AdminAudit;
import jakarta.annotation.Nullable;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Four eyes where authority is made (docs/authorizations.md, "Four eyes"): the features that
 * grant a certifying authority or a privileged account role ask here instead of granting, and
 * the request waits in the account until a second person decides it ({@link ApprovalsResource}).
 * What each kind of grant is, and how it is made on approval, its owner says ({@link ApprovableGrant}).
 */
public final class Approvals {

    /** The admin events' kind ({@code mx_kind}). */
    public static final String RESOURCE_TYPE = "MX_APPROVAL";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Clock clock;
    private final ApprovalSettings settings;
    private final ApprovalTable table;
    private final Map<Approval.Kind, ApprovableGrant> kinds;

    /** {@code kinds}: each {@link Approval.Kind}'s grant, from the feature that owns it. */
    public Approvals(KeycloakSession session, Clock clock, ApprovalSettings settings,
                     Map<Approval.Kind, ApprovableGrant> kinds) {
        this.session = session;
        this.kinds = Map.copyOf(kinds);
        this.realm = session.getContext().getRealm();
        this.clock = clock;
        this.settings = settings;
        this.table = new ApprovalTable(session);
    }

    /**
     * Records a pending request by the caller to grant {@code payload} of {@code kind} to
     * {@code subject} in {@code account}; one admin event (CREATE). 409 when the same grant already
     * waits (asking twice would let two people each approve "their" copy).
     */
    public Approval request(Authority caller, OrganizationModel account, Approval.Kind kind, UserModel subject,
                            String payload, String sameAs) {
        for (Approval waiting : table.pendingFor(realm.getId(), account.getId(), kind, subject.getId())) {
            if (sameAs.equals(key(waiting)) && !waiting.expiredAt(clock.instant())) {
                throw Problems.conflict("the same grant already waits for approval (requested "
                        + waiting.requestedAt() + "): approve or reject that one.");
            }
        }
        Instant now = clock.instant();
        Approval approval = new Approval(UUID.randomUUID().toString(), account.getId(), kind, subject.getId(),
                caller.user().getId(), now, now.plus(settings.lifetime()), payload, Approval.State.PENDING, null, null, null);
        table.insert(realm.getId(), approval);
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("action", "request");
        change.put("before", null);
        change.put("after", view(approval, null, account));
        AdminAudit.byCaller(session, caller, OperationType.CREATE, RESOURCE_TYPE, path(approval), change);
        return approval;
    }

    /** What makes two requests "the same grant", as the kind's owner says (a role; an authorization's type and reference). */
    private String key(Approval a) {
        return kind(a).key(a.payload());
    }

    private ApprovableGrant kind(Approval a) {
        ApprovableGrant kind = kinds.get(a.kind());
        if (kind == null) {
            throw new IllegalStateException("no grant of kind " + a.kind() + " was handed to Approvals");
        }
        return kind;
    }

    /** Makes the grant {@code approval} asked for, by the feature that owns its kind; answers what was granted. */
    Object grant(Authority approver, OrganizationModel account, UserModel person, Approval approval, String requesterName) {
        return kind(approval).grant(session, approver, account, person, approval, requesterName);
    }

    /** Any address move of the same person waits as one request: two would race each other. */
    public static String keyOfAddress(String address) {
        return "address";
    }

    public static String keyOfRole(String roleId) {
        return roleId;
    }

    ApprovalTable table() {
        return table;
    }

    Instant now() {
        return clock.instant();
    }

    static String path(Approval a) {
        return "accounts/" + a.accountId() + "/approvals/" + a.id();
    }

    /** The permission a decider needs in the account, by kind. */
    static AccountPermission decidePermission(Approval.Kind kind) {
        return switch (kind) {
            case AUTHORIZATION -> AccountPermission.MANAGE_AUTHORIZATIONS;
            case ACCOUNT_ROLE -> AccountPermission.MANAGE_ACCOUNT_ROLES;
            case INVITATION_ADDRESS -> AccountPermission.MANAGE_PEOPLE;
        };
    }

    /**
     * A request for a second person's decision, as the API answers it: ids for the client's use, and
     * names and the grant in words (people's names, the authorization type's catalog name, its
     * reference and scope) so that a screen shows no raw ids. {@code mayDecide} is there when the
     * answer is for a caller; {@code granted} only in the answer of an approval (what was granted:
     * the authorization, the invitation or the role).
     */
    public record ApprovalView(String id, ApprovalAccount account, String kind, ApprovalGrant grant, ApprovalPerson person,
                               ApprovalPerson requestedBy, String requestedAt, String expiresAt, String state,
                               boolean expired, @Nullable ApprovalPerson decidedBy, @Nullable String decidedAt,
                               @Nullable String reason, @Nullable Boolean mayDecide, @Nullable Object granted) {

        /** The answer of a decision: this view and what the approval granted (null for a rejection). */
        public ApprovalView withGranted(@Nullable Object what) {
            return new ApprovalView(id, account, kind, grant, person, requestedBy, requestedAt, expiresAt, state, expired,
                    decidedBy, decidedAt, reason, mayDecide, what);
        }
    }

    /** The account a request is in. */
    public record ApprovalAccount(String id, String alias, String name) {
    }

    /** A person by id, with username and name (a deleted one by id only). */
    public record ApprovalPerson(String id, @Nullable String username, @Nullable String name) {
    }

    /** {@code caller} (may be null) adds {@code mayDecide} for that caller. */
    public ApprovalView view(Approval a, Authority caller, OrganizationModel account) {
        Instant now = clock.instant();
        Boolean mayDecide = caller == null ? null : caller.may(account, decidePermission(a.kind()))
                && ApprovalRules.refusal(a, caller.user().getId(), false, now).isEmpty();
        return new ApprovalView(a.id(), new ApprovalAccount(account.getId(), account.getAlias(), account.getName()),
                a.kind().id(), grant(a), person(a.subjectId()), person(a.requestedBy()), a.requestedAt().toString(),
                a.expiresAt().toString(), a.state().id(), a.expiredAt(now),
                a.decidedBy() == null ? null : person(a.decidedBy()),
                a.decidedAt() == null ? null : a.decidedAt().toString(), a.reason(), mayDecide, null);
    }

    private ApprovalGrant grant(Approval a) {
        return kind(a).describe(session, a.payload());
    }

    private ApprovalPerson person(String id) {
        UserModel user = session.users().getUserById(realm, id);
        String name = user == null ? null : String.join(" ", List.of(
                user.getFirstName() == null ? "" : user.getFirstName(),
                user.getLastName() == null ? "" : user.getLastName())).trim();
        return new ApprovalPerson(id, user == null ? null : user.getUsername(),
                name == null || name.isEmpty() ? (user == null ? null : user.getUsername()) : name);
    }
}
