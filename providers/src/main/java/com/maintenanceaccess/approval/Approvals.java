package com.maintenanceaccess.approval;

import com.maintenanceaccess.authorization.AuthorizationFeature;
import com.maintenanceaccess.authorization.model.AuthorizationCodec;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization;
import com.maintenanceaccess.kernel.AccountPermission;
import com.maintenanceaccess.kernel.AdminAudit;
import com.maintenanceaccess.kernel.Authority;
import com.maintenanceaccess.kernel.Problems;
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
 */
public final class Approvals {

    /** The admin events' kind ({@code mx_kind}). */
    public static final String RESOURCE_TYPE = "MX_APPROVAL";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Clock clock;
    private final ApprovalSettings settings;
    private final ApprovalTable table;

    public Approvals(KeycloakSession session, Clock clock, ApprovalSettings settings) {
        this.session = session;
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

    /** What makes two requests "the same grant": the role, or the authorization's type and reference. */
    static String key(Approval a) {
        if (a.kind() == Approval.Kind.ACCOUNT_ROLE) {
            return a.payload();
        }
        if (a.kind() == Approval.Kind.INVITATION_ADDRESS) {
            return keyOfAddress(a.payload());
        }
        PersonnelAuthorization record = AuthorizationCodec.decode(a.payload());
        return record.type() + "|" + record.reference();
    }

    /** Any address move of the same person waits as one request: two would race each other. */
    public static String keyOfAddress(String address) {
        return "address";
    }

    public static String keyOfRole(String roleId) {
        return roleId;
    }

    public static String keyOfRecord(PersonnelAuthorization record) {
        return record.type() + "|" + record.reference();
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

    /**
     * What the request would grant: an account role ({@code role}), an invitation's new address
     * ({@code address}), or a personnel authorization (the other fields).
     */
    public record ApprovalGrant(@Nullable String role, @Nullable String address, @Nullable String type,
                                @Nullable String typeName, @Nullable String reference, @Nullable List<String> aircraft,
                                @Nullable List<String> tasks, @Nullable String licenceCategory, @Nullable String effective,
                                @Nullable String expiry) {
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
        if (a.kind() == Approval.Kind.ACCOUNT_ROLE) {
            return new ApprovalGrant(a.payload(), null, null, null, null, null, null, null, null, null);
        }
        if (a.kind() == Approval.Kind.INVITATION_ADDRESS) {
            return new ApprovalGrant(null, a.payload(), null, null, null, null, null, null, null, null);
        }
        PersonnelAuthorization record = AuthorizationCodec.decode(a.payload());
        return new ApprovalGrant(null, null, record.type(),
                AuthorizationFeature.of(session).catalog().type(record.type()).map(t -> t.name()).orElse(record.type()),
                record.reference(), record.scope().aircraft(), record.scope().tasks(),
                record.licence() == null ? null : record.licence().category(),
                record.effective() == null ? null : record.effective().toString(),
                record.expiry() == null ? null : record.expiry().toString());
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
