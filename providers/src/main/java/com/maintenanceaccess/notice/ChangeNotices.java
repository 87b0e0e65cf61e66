package com.maintenanceaccess.notice;

import com.maintenanceaccess.authorization.model.PersonnelAuthorization;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * Tells a person at once when one of their authorizations is granted, suspended, reinstated or
 * revoked, and when they are deactivated. The notice is claimed and sent after the change's
 * transaction committed (a change that rolls back tells nobody), in transactions of its own
 * through {@link NoticeJob#deliver}: the same ledger row, so it goes out once, and a failed
 * send is tried again by the next runs of the notice job from the row.
 */
public final class ChangeNotices {

    private static final Map<String, NoticeKind> BY_ACTION = Map.of("grant", NoticeKind.GRANTED,
            "suspend", NoticeKind.SUSPENDED, "reinstate", NoticeKind.REINSTATED, "revoke", NoticeKind.REVOKED);

    private ChangeNotices() {
    }

    /** After a write of the authorization API ({@code action} grant, update, suspend, reinstate, revoke). */
    public static void authorizationChanged(KeycloakSession session, RealmModel realm, UserModel person, String action,
            PersonnelAuthorization after, Clock clock) {
        NoticeKind kind = BY_ACTION.get(action);
        if (kind == null || after == null) {
            return;
        }
        Instant now = clock.instant();
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        OrganizationModel account = organizations == null || after.account() == null ? null
                : organizations.getById(after.account());
        Notice.Facts facts = new Notice.Facts(null, person.getEmail(), account == null ? "" : account.getName(),
                after.type(), after.reference(), after.validUntil(), 0, false, after.statusReason());
        afterCommit(session, realm, clock, new Notice(kind, after.id(), kind.id() + ":" + now.toEpochMilli(),
                person.getId(), facts));
    }

    /** After the people API deactivated a person. */
    public static void deactivated(KeycloakSession session, RealmModel realm, UserModel person, String reason, Clock clock) {
        Instant now = clock.instant();
        Notice.Facts facts = new Notice.Facts(null, person.getEmail(), "", null, null, now, 0, false, reason);
        afterCommit(session, realm, clock, new Notice(NoticeKind.DEACTIVATED, person.getId(),
                NoticeKind.DEACTIVATED.id() + ":" + now.toEpochMilli(), person.getId(), facts));
    }

    private static void afterCommit(KeycloakSession session, RealmModel realm, Clock clock, Notice notice) {
        if (notice.facts().personEmail() == null) {
            return; // nobody to tell (a person without an address)
        }
        String realmId = realm.getId();
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                new NoticeJob(session.getKeycloakSessionFactory(), clock, List.of()).deliver(realmId, notice);
            }

            @Override
            protected void rollbackImpl() {
            }
        });
    }
}
