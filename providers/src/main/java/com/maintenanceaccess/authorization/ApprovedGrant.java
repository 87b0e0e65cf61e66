package com.maintenanceaccess.authorization;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.maintenanceaccess.approval.ApprovableGrant;
import com.maintenanceaccess.approval.ApprovalGrant;
import com.maintenanceaccess.approval.Approval;
import com.maintenanceaccess.kernel.Authority;
import com.maintenanceaccess.kernel.Problems;
import com.maintenanceaccess.authorization.model.AuthorizationCodec;
import com.maintenanceaccess.authorization.model.AuthorizationStore;
import com.maintenanceaccess.authorization.model.AuthorizationStore.Stored;
import com.maintenanceaccess.authorization.model.InvalidAuthorizationException;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization;
import com.maintenanceaccess.authorization.rules.AuthorizationChanges.Change;
import java.util.LinkedHashMap;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The grant of a record whose type needs a second person, made when that person approves it
 * ({@code approval/ApprovalsResource}): the record requested is checked again against the
 * person's records now (a reference granted meanwhile, dates that no longer hold: 409, nothing
 * changes), stored, and recorded with both people in the admin event and in the trail.
 * The payload of such a request is the record as stored ({@link AuthorizationCodec}).
 */
public final class ApprovedGrant implements ApprovableGrant {

    private final AuthorizationChangeListener listener;

    /** {@code listener}: who hears of the grant once it is made (the person, by a notice). */
    public ApprovedGrant(AuthorizationChangeListener listener) {
        this.listener = listener;
    }

    /** Two requests for the same type and reference are the same grant. */
    public static String keyOf(PersonnelAuthorization record) {
        return record.type() + "|" + record.reference();
    }

    @Override
    public String key(String storedRecord) {
        return keyOf(AuthorizationCodec.decode(storedRecord));
    }

    /** The type's catalog name, reference, scope, licence category and dates. */
    @Override
    public ApprovalGrant describe(KeycloakSession session, String storedRecord) {
        PersonnelAuthorization record = AuthorizationCodec.decode(storedRecord);
        return ApprovalGrant.authorization(record.type(),
                AuthorizationFeature.of(session).catalog().type(record.type()).map(t -> t.name()).orElse(record.type()),
                record.reference(), record.scope().aircraft(), record.scope().tasks(),
                record.licence() == null ? null : record.licence().category(),
                record.effective() == null ? null : record.effective().toString(),
                record.expiry() == null ? null : record.expiry().toString());
    }

    /** The record granted, in the API form. */
    @Override
    public ObjectNode grant(KeycloakSession session, Authority approver, OrganizationModel account, UserModel person,
                            Approval approval, String requesterName) {
        String storedRecord = approval.payload();
        String approvalId = approval.id();
        String requesterId = approval.requestedBy();
        RealmModel realm = session.getContext().getRealm();
        AuthorizationFeature feature = AuthorizationFeature.of(session);
        Stored stored = AuthorizationStore.read(person);
        Change change;
        try {
            change = feature.changes().grant(stored.records(), AuthorizationCodec.decode(storedRecord), requesterName);
        } catch (InvalidAuthorizationException e) {
            throw Problems.conflict("the requested authorization can no longer be granted as it was asked ("
                    + String.join("; ", e.errors().stream().map(err -> err.field() + ": " + err.message()).toList())
                    + "): reject it and ask again.");
        }
        AuthorizationStore.write(person, stored, change.records());
        ObjectNode approvedBy = JsonNodeFactory.instance.objectNode();
        approvedBy.put("approvalId", approvalId);
        approvedBy.put("requestedBy", requesterId);
        approvedBy.put("approvedBy", approver.user().getId());
        AuthorizationEvents.emit(session, realm, approver.adminAuth(), approver.user().getId(), person, change.action(), null,
                change.after(), "mx-approval", approvedBy);
        // The person hears of a grant made on approval as of one made at once (docs/notices.md).
        listener.changed(session, realm, person, change.action(), change.after(), feature.clock());
        return IssuingAccount.describe(session, feature.view(change.after(), person.isEnabled(), feature.clock().instant()),
                change.after().account());
    }
}
