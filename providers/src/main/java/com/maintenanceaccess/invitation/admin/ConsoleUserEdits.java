package com.maintenanceaccess.invitation.admin;

import com.maintenanceaccess.invitation.InvitationService;
import com.maintenanceaccess.invitation.flow.AcceptInvitationRequiredActionFactory;
import com.maintenanceaccess.invitation.model.Invitation.Actor;
import com.maintenanceaccess.invitation.model.Invitation;
import com.maintenanceaccess.invitation.model.InvitationEvents;
import com.maintenanceaccess.invitation.model.InvitationStatus;
import com.maintenanceaccess.invitation.model.InvitationStore;
import com.maintenanceaccess.kernel.AdminAudit;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Keeps a pending invitation in line with what an administrator changed on the user outside the
 * invitation API (the console's user form, {@code PUT /admin/realms/{r}/users/{id}}), inside the
 * same transaction as that change:
 * <ul>
 * <li>the mx-accept-invitation required action removed: the person could now log in without the
 * link, so the invitation ends (revoked, history {@code required-action-removed}, an event) and
 * its link dies;</li>
 * <li>the address changed: the link dies for good (the nonce is cleared), so restoring the old
 * address does not revive it; a resend mails a new one.</li>
 * </ul>
 * The state and the required action therefore never disagree.
 */
public final class ConsoleUserEdits {

    public static final String ACTION_REMOVED = InvitationEvents.ACTION_REMOVED;

    private ConsoleUserEdits() {
    }

    static void reconcile(KeycloakSession session, RealmModel realm, UserModel user, AdminEvent cause, Actor actor,
            Clock clock) {
        Invitation before = InvitationStore.read(user);
        if (before == null || before.status() != InvitationStatus.PENDING) {
            return;
        }
        Instant now = clock.instant();
        Invitation after;
        String what;
        if (!hasAction(user)) {
            after = before.end(ACTION_REMOVED, actor, now);
            what = ACTION_REMOVED;
        } else if (before.nonce() != null && (user.getEmail() == null || !user.getEmail().equalsIgnoreCase(before.email()))) {
            after = before.killLink("address-changed-outside", actor, now, "from=" + before.email() + " to=" + user.getEmail());
            what = "link-killed";
        } else {
            return;
        }
        InvitationStore.write(user, after);
        Map<String, Object> view = InvitationEvents.representation(new InvitationService(session, realm, clock).view(user, after));
        view.put(InvitationEvents.DETAIL, what);
        view.put("before_status", before.status().value());
        AdminAudit.asFollowUp(session, realm, cause, OperationType.UPDATE, InvitationEvents.RESOURCE_TYPE,
                "mx/invitations/" + user.getId(), view);
    }

    public static boolean hasAction(UserModel user) {
        return AcceptInvitationRequiredActionFactory.pending(user);
    }

    /**
     * Whether the user carries the required action without an invitation that could clear it, in
     * a way only a retry explains: never invited (the mail server was down when the user was
     * created), or the action was removed (which ended the invitation) and is now back. An
     * invitation an administrator revoked or that expired is not re-sent by a console edit: that
     * takes {@code POST /mx/invitations} or a resend.
     */
    static boolean awaitsNewInvitation(UserModel user) {
        if (!hasAction(user)) {
            return false;
        }
        Invitation current = InvitationStore.read(user);
        if (current == null) {
            return true;
        }
        java.util.List<String> history = current.history();
        String last = history.isEmpty() ? "" : history.get(history.size() - 1);
        String[] words = last.split(" ");
        return current.status() == InvitationStatus.REVOKED && words.length > 1 && words[1].equals(ACTION_REMOVED);
    }
}
