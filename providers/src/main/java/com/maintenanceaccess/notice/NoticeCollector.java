package com.maintenanceaccess.notice;

import com.maintenanceaccess.api.AccountRole;
import com.maintenanceaccess.authorization.model.AuthorizationStore;
import com.maintenanceaccess.authorization.model.ExpiryIndex;
import com.maintenanceaccess.authorization.model.ExpiryQuery;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization;
import com.maintenanceaccess.invitation.model.Invitation;
import com.maintenanceaccess.invitation.model.InvitationStatus;
import com.maintenanceaccess.invitation.model.InvitationStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.organization.OrganizationProvider;

/**
 * Finds the notices due in one realm at one instant, reading only what can be due: the expiry
 * index's range from {@link NoticePlan#LATE_DAYS} ago to a year ahead (the database pages it) and
 * the users whose invitation is pending. Everything is per account: a record notice goes to its
 * person and to the compliance officers of the account that issued it, an invitation's notes to
 * the administrators of the account it invites to, and only while the person is a member of it.
 */
final class NoticeCollector {

    private static final int PAGE = 500;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Instant now;
    private final OrganizationProvider organizations;
    private final Map<String, Optional<OrganizationModel>> accounts = new HashMap<>();
    private final Map<String, List<UserModel>> roleHolders = new HashMap<>();

    NoticeCollector(KeycloakSession session, RealmModel realm, Instant now) {
        this.session = session;
        this.realm = realm;
        this.now = now;
        this.organizations = session.getProvider(OrganizationProvider.class);
    }

    List<Notice> due() {
        List<Notice> notices = new ArrayList<>();
        if (organizations == null || !realm.isOrganizationsEnabled()) {
            return notices;
        }
        lapses(notices);
        invitations(notices);
        return notices;
    }

    // ---- authorizations ------------------------------------------------------------------

    private void lapses(List<Notice> notices) {
        ExpiryQuery index = new ExpiryQuery(session);
        Instant from = now.minus(Duration.ofDays(NoticePlan.LATE_DAYS));
        Instant to = now.plus(Duration.ofDays(NoticeSettings.MAX_DAYS + 1L));
        for (int first = 0; ; first += PAGE) {
            List<ExpiryQuery.Hit> page = index.page(realm, from, to, null, first, PAGE);
            for (ExpiryQuery.Hit hit : page) {
                UserModel person = session.users().getUserById(realm, hit.userId());
                if (person != null && person.isEnabled()) {
                    String recordId = ExpiryIndex.recordId(hit.indexValue());
                    AuthorizationStore.read(person).records().stream()
                            .filter(record -> record.id().equals(recordId))
                            .findFirst()
                            .ifPresent(record -> lapse(person, record, notices));
                }
            }
            if (page.size() < PAGE) {
                return;
            }
        }
    }

    private void lapse(UserModel person, PersonnelAuthorization record, List<Notice> notices) {
        if (record.status() != PersonnelAuthorization.Status.ACTIVE || record.account() == null) {
            return;
        }
        OrganizationModel account = account(record.account());
        if (account == null || !organizations.isMember(account, person)) {
            return;
        }
        NoticeSettings settings = NoticeSettings.fromAttributes(account.getAttributes());
        Instant until = record.validUntil();
        Optional<String> key = NoticePlan.lapse(until, now, settings.leadDays());
        if (key.isEmpty()) {
            return;
        }
        boolean lapsed = key.get().startsWith("lapsed:");
        boolean byLicence = record.licence() != null && until.equals(record.licence().end());
        Notice.Facts facts = new Notice.Facts(name(person), person.getEmail(), account.getName(), record.type(),
                record.reference(), until, NoticePlan.daysLeft(until, now), byLicence, null);
        if (person.getEmail() != null) {
            notices.add(new Notice(lapsed ? NoticeKind.LAPSED_TO_PERSON : NoticeKind.LAPSING_TO_PERSON, record.id(),
                    key.get(), person.getId(), facts));
        }
        if (settings.toOfficers()) {
            for (UserModel officer : holders(account, AccountRole.COMPLIANCE_OFFICER)) {
                if (!officer.getId().equals(person.getId())) {
                    notices.add(new Notice(lapsed ? NoticeKind.LAPSED_TO_OFFICER : NoticeKind.LAPSING_TO_OFFICER,
                            record.id(), key.get(), officer.getId(), facts));
                }
            }
        }
    }

    // ---- invitations ---------------------------------------------------------------------

    private void invitations(List<Notice> notices) {
        session.users().searchForUserByUserAttributeStream(realm, Invitation.STATUS, InvitationStatus.PENDING.value())
                .toList()
                .forEach(invitee -> invitation(invitee, notices));
    }

    private void invitation(UserModel invitee, List<Notice> notices) {
        Invitation invitation = InvitationStore.read(invitee);
        if (invitation == null || invitation.status() != InvitationStatus.PENDING) {
            return;
        }
        OrganizationModel account = invitation.account() == null ? null : account(invitation.account());
        NoticeSettings settings = account == null ? NoticeSettings.defaults()
                : NoticeSettings.fromAttributes(account.getAttributes());
        String accountName = account == null ? null : account.getName();
        Optional<String> reminder = NoticePlan.invitationReminder(invitation.sentAt(), invitation.expiresAt(), now,
                settings.invitationDays());
        if (reminder.isPresent()) {
            Notice.Facts facts = new Notice.Facts(name(invitee), invitation.email(), accountName, null, null,
                    invitation.expiresAt(), invitation.ageInDays(now), false, null);
            if (invitee.isEnabled() && invitee.getEmail() != null) {
                notices.add(new Notice(NoticeKind.INVITATION_REMINDER, invitee.getId(), reminder.get(), invitee.getId(), facts));
            }
            if (account != null && settings.toAdministrators()) {
                holders(account, AccountRole.ACCOUNT_ADMINISTRATOR).forEach(admin -> notices.add(new Notice(
                        NoticeKind.INVITATION_PENDING_TO_ADMINISTRATOR, invitee.getId(), reminder.get(), admin.getId(), facts)));
            }
        }
        Optional<String> expired = NoticePlan.invitationExpired(invitation.expiresAt(), now);
        if (expired.isPresent() && account != null && settings.toAdministrators()) {
            Notice.Facts facts = new Notice.Facts(name(invitee), invitation.email(), accountName, null, null,
                    invitation.expiresAt(), invitation.ageInDays(now), false, null);
            holders(account, AccountRole.ACCOUNT_ADMINISTRATOR).forEach(admin -> notices.add(new Notice(
                    NoticeKind.INVITATION_EXPIRED_TO_ADMINISTRATOR, invitee.getId(), expired.get(), admin.getId(), facts)));
        }
    }

    // ---- people and accounts -------------------------------------------------------------

    private OrganizationModel account(String id) {
        return accounts.computeIfAbsent(id, key -> Optional.ofNullable(organizations.getById(key))).orElse(null);
    }

    /** Enabled members of the account holding the role there (the role counts only for members). */
    private List<UserModel> holders(OrganizationModel account, AccountRole role) {
        return roleHolders.computeIfAbsent(account.getId() + "/" + role.id(), key -> {
            GroupModel group = KeycloakModelUtils.findGroupByPath(session, realm, role.groupPath(account.getAlias()));
            if (group == null) {
                return List.of();
            }
            return session.users().getGroupMembersStream(realm, group)
                    .filter(UserModel::isEnabled)
                    .filter(user -> user.getEmail() != null)
                    .filter(user -> organizations.isMember(account, user))
                    .toList();
        });
    }

    private static String name(UserModel user) {
        String first = user.getFirstName() == null ? "" : user.getFirstName();
        String last = user.getLastName() == null ? "" : user.getLastName();
        String name = (first + " " + last).trim();
        return name.isEmpty() ? user.getUsername() : name;
    }
}
