package com.maintenanceaccess.notice;

import com.maintenanceaccess.account.NoticeSettings;
import com.maintenanceaccess.kernel.AccountRole;
import com.maintenanceaccess.authorization.AuthorizationFeature;
import com.maintenanceaccess.authorization.model.AuthorizationStore;
import com.maintenanceaccess.authorization.model.ExpiryIndex;
import com.maintenanceaccess.authorization.model.ExpiryQuery;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization;
import com.maintenanceaccess.authorization.rules.AuthorizationCatalog;
import com.maintenanceaccess.authorization.rules.RecordUsability;
import com.maintenanceaccess.invitation.model.Invitation;
import com.maintenanceaccess.invitation.model.InvitationStatus;
import com.maintenanceaccess.invitation.model.InvitationStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
    /** Lines a digest mail lists; it counts the rest. */
    static final int DIGEST_LINES = 25;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Instant now;
    private final OrganizationProvider organizations;
    private final Map<String, Optional<OrganizationModel>> accounts = new HashMap<>();
    private final Map<String, List<UserModel>> roleHolders = new HashMap<>();
    private final Map<String, List<DigestLine>> digestLines = new LinkedHashMap<>();
    private final AuthorizationCatalog catalog;
    private final RecordUsability usability;

    NoticeCollector(KeycloakSession session, RealmModel realm, Instant now) {
        this.session = session;
        this.realm = realm;
        this.now = now;
        this.organizations = session.getProvider(OrganizationProvider.class);
        this.catalog = AuthorizationFeature.of(session).catalog();
        this.usability = new RecordUsability(catalog);
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

    /**
     * One pass over the expiry index from {@link NoticePlan#LATE_DAYS} ago on: a record near its
     * lapse (within a year) is read for its lapse notices, a record of a type that asks recency
     * also for the day its recency lapses; both feed the officers' weekly digest.
     */
    private void lapses(List<Notice> notices) {
        ExpiryQuery index = new ExpiryQuery(session);
        Instant from = now.minus(Duration.ofDays(NoticePlan.LATE_DAYS));
        Instant lapseHorizon = now.plus(Duration.ofDays(NoticeSettings.MAX_DAYS + 1L));
        String horizonKey = ExpiryIndex.key(lapseHorizon);
        for (int first = 0; ; first += PAGE) {
            List<ExpiryQuery.Hit> page = index.page(realm, from, null, null, first, PAGE);
            for (ExpiryQuery.Hit hit : page) {
                // Index values start with the fixed-width lapse instant: string order is time order.
                if (hit.indexValue().compareTo(horizonKey) < 0 || asksRecency(hit)) {
                    UserModel person = session.users().getUserById(realm, hit.userId());
                    if (person != null && person.isEnabled()) {
                        String recordId = ExpiryIndex.recordId(hit.indexValue());
                        AuthorizationStore.read(person).records().stream()
                                .filter(record -> record.id().equals(recordId))
                                .findFirst()
                                .ifPresent(record -> record(person, record, notices));
                    }
                }
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        digests(notices);
    }

    private boolean asksRecency(ExpiryQuery.Hit hit) {
        return catalog.type(ExpiryIndex.type(hit.indexValue())).map(AuthorizationCatalog.TypeRule::requiresRecency)
                .orElse(false);
    }

    private void record(UserModel person, PersonnelAuthorization record, List<Notice> notices) {
        if (record.status() != PersonnelAuthorization.Status.ACTIVE || record.account() == null) {
            return;
        }
        OrganizationModel account = account(record.account());
        if (account == null || !organizations.isMember(account, person)) {
            return;
        }
        NoticeSettings settings = NoticeSettings.fromAttributes(account.getAttributes());
        Instant until = record.validUntil();
        boolean byLicence = record.licence() != null && until.equals(record.licence().end());
        NoticePlan.lapse(until, now, settings.leadDays()).ifPresent(key -> tell(person, record, account, settings,
                key.startsWith("lapsed:") ? NoticeKind.LAPSED_TO_PERSON : NoticeKind.LAPSING_TO_PERSON,
                key.startsWith("lapsed:") ? NoticeKind.LAPSED_TO_OFFICER : NoticeKind.LAPSING_TO_OFFICER,
                key, until, byLicence, notices));
        Instant digestEnd = now.plus(Duration.ofDays(NoticePlan.DIGEST_DAYS));
        if (!until.isBefore(now) && until.isBefore(digestEnd)) {
            digest(account, person, record, until, byLicence ? "licence" : "authorization");
        }
        // Recency: the first day the signoff check's rule refuses the record, while it is still valid by its dates.
        if (!now.isBefore(until)) {
            return;
        }
        LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate lastDay = today.plusDays(Math.max(settings.leadDays().get(0), NoticePlan.DIGEST_DAYS));
        LocalDate lastValidDay = until.minusSeconds(1).atOffset(ZoneOffset.UTC).toLocalDate();
        Optional<LocalDate> day = usability.recencyLapse(record, today.minusDays(NoticePlan.LATE_DAYS),
                lastDay.isBefore(lastValidDay) ? lastDay : lastValidDay);
        if (day.isEmpty()) {
            return;
        }
        Instant lapse = day.get().atStartOfDay(ZoneOffset.UTC).toInstant();
        NoticePlan.recencyLapse(day.get(), now, settings.leadDays()).ifPresent(key -> tell(person, record, account,
                settings,
                key.startsWith("recency-lapsed:") ? NoticeKind.RECENCY_LAPSED_TO_PERSON : NoticeKind.RECENCY_LAPSING_TO_PERSON,
                key.startsWith("recency-lapsed:") ? NoticeKind.RECENCY_LAPSED_TO_OFFICER : NoticeKind.RECENCY_LAPSING_TO_OFFICER,
                key, lapse, false, notices));
        if (!lapse.isBefore(now.truncatedTo(java.time.temporal.ChronoUnit.DAYS)) && lapse.isBefore(digestEnd)) {
            digest(account, person, record, lapse, "recency");
        }
    }

    /** The notice to the person and its copies to the account's compliance officers (never their own record). */
    private void tell(UserModel person, PersonnelAuthorization record, OrganizationModel account, NoticeSettings settings,
            NoticeKind toPerson, NoticeKind toOfficer, String key, Instant until, boolean byLicence, List<Notice> notices) {
        Notice.Facts facts = new Notice.Facts(name(person), person.getEmail(), account.getName(), record.type(),
                record.reference(), until, NoticePlan.daysLeft(until, now), byLicence, null);
        if (person.getEmail() != null) {
            notices.add(new Notice(toPerson, record.id(), key, person.getId(), facts));
        }
        if (settings.toOfficers()) {
            for (UserModel officer : holders(account, AccountRole.COMPLIANCE_OFFICER)) {
                if (!officer.getId().equals(person.getId())) {
                    notices.add(new Notice(toOfficer, record.id(), key, officer.getId(), facts));
                }
            }
        }
    }

    // ---- the officers' weekly digest -----------------------------------------------------

    private record DigestLine(String personId, Notice.Item item) {
    }

    private void digest(OrganizationModel account, UserModel person, PersonnelAuthorization record, Instant until,
            String what) {
        digestLines.computeIfAbsent(account.getId(), key -> new ArrayList<>()).add(new DigestLine(person.getId(),
                new Notice.Item(name(person), record.type(), record.reference(), until, what)));
    }

    /** Once per ISO week, to each compliance officer of an account with something lapsing in the next 60 days. */
    private void digests(List<Notice> notices) {
        String key = NoticePlan.digestKey(now);
        digestLines.forEach((accountId, lines) -> {
            OrganizationModel account = account(accountId);
            if (!NoticeSettings.fromAttributes(account.getAttributes()).toOfficers()) {
                return;
            }
            for (UserModel officer : holders(account, AccountRole.COMPLIANCE_OFFICER)) {
                List<Notice.Item> items = lines.stream()
                        .filter(line -> !line.personId().equals(officer.getId()))
                        .map(DigestLine::item)
                        .sorted(Comparator.comparing(Notice.Item::until).thenComparing(Notice.Item::personName)
                                .thenComparing(Notice.Item::reference))
                        .toList();
                if (items.isEmpty()) {
                    continue;
                }
                List<Notice.Item> shown = items.size() > DIGEST_LINES ? items.subList(0, DIGEST_LINES) : items;
                Notice.Facts facts = new Notice.Facts(null, null, account.getName(), null, null, null,
                        NoticePlan.DIGEST_DAYS, false, null, shown, items.size() - shown.size());
                notices.add(new Notice(NoticeKind.DIGEST_TO_OFFICER, accountId, key, officer.getId(), facts));
            }
        });
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
