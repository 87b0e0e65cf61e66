package com.maintenanceaccess.authorization;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.maintenanceaccess.kernel.Authority;
import com.maintenanceaccess.kernel.Problems;
import com.maintenanceaccess.authorization.model.AuthorizationCodec;
import com.maintenanceaccess.authorization.model.AuthorizationStore;
import com.maintenanceaccess.authorization.model.AuthorizationStore.Stored;
import com.maintenanceaccess.authorization.model.InvalidAuthorizationException;
import com.maintenanceaccess.authorization.rules.AuthorizationChanges.Change;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The grant of a record whose type needs a second person, made when that person approves it
 * ({@code approval/ApprovalsResource}): the record requested is checked again against the
 * person's records now (a reference granted meanwhile, dates that no longer hold: 409, nothing
 * changes), stored, and recorded with both people in the admin event and in the trail.
 */
public final class ApprovedGrant {

    private ApprovedGrant() {
    }

    /** The record granted, in the API form. */
    public static ObjectNode apply(KeycloakSession session, Authority approver, UserModel person, String storedRecord,
                             String approvalId, String requesterId, String requesterName) {
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
        ObjectNode approval = JsonNodeFactory.instance.objectNode();
        approval.put("approvalId", approvalId);
        approval.put("requestedBy", requesterId);
        approval.put("approvedBy", approver.user().getId());
        AuthorizationEvents.emit(session, realm, approver.adminAuth(), approver.user().getId(), person, change.action(), null,
                change.after(), "mx-approval", approval);
        // The person hears of a grant made on approval as of one made at once (docs/notices.md).
        com.maintenanceaccess.notice.ChangeNotices.authorizationChanged(session, realm, person, change.action(),
                change.after(), feature.clock());
        return IssuingAccount.describe(session, feature.view(change.after(), person.isEnabled(), feature.clock().instant()),
                change.after().account());
    }
}
