package com.maintenanceaccess.invitation;

import com.maintenanceaccess.invitation.flow.AcceptInvitationRequiredActionFactory;
import com.maintenanceaccess.invitation.flow.InvitationAcceptance;
import com.maintenanceaccess.invitation.model.ExpiryDays;
import com.maintenanceaccess.invitation.model.Invitation.Actor;
import com.maintenanceaccess.invitation.model.Invitation;
import com.maintenanceaccess.invitation.model.InvitationDetails;
import com.maintenanceaccess.invitation.model.InvitationEvents;
import com.maintenanceaccess.invitation.model.InvitationPage;
import com.maintenanceaccess.invitation.model.InvitationSettings;
import com.maintenanceaccess.invitation.model.InvitationStatus;
import com.maintenanceaccess.invitation.model.InvitationStore;
import com.maintenanceaccess.invitation.model.InvitationView;
import com.maintenanceaccess.invitation.model.SignInState;
import com.maintenanceaccess.kernel.Authority;
import com.maintenanceaccess.kernel.DeliverableAddress;
import com.maintenanceaccess.kernel.LastLogin;
import com.maintenanceaccess.kernel.Problems;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.services.resources.admin.AdminAuth;

/**
 * The administrator's invitation operations inside one request transaction. Each one checks
 * everything first (throwing a refusal ({@link com.maintenanceaccess.kernel.Problems}) before any write), then writes the
 * state, sends the e-mail and emits one admin event. A failing e-mail throws too; the caller
 * rolls the transaction back so that nothing changes.
 *
 * <p>Every "now" (writes and expiry decisions alike) comes from the one clock its creator passes
 * ({@link com.maintenanceaccess.bundle.MxClockSpi}).
 */
public final class InvitationService {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final InvitationSettings settings;
    private final Clock clock;

    public InvitationService(KeycloakSession session, RealmModel realm, Clock clock) {
        this.session = session;
        this.realm = realm;
        this.settings = InvitationSettings.of(session);
        this.clock = clock;
    }

    /**
     * Who acts on an invitation: an administrator (their admin auth), or a non-person actor the
     * bundle names itself (a provisioning token of an account: id and name), whose events are
     * {@link com.maintenanceaccess.kernel.AdminAudit#bySystem} events with that name as actor.
     */
    public record By(AdminAuth auth, String id, String name) {
        public static By admin(AdminAuth auth) {
            return new By(auth, null, null);
        }

        public static By system(String id, String name) {
            return new By(null, id, name);
        }

        Actor actor() {
            return auth != null ? InvitationService.actor(auth) : new Actor(id, name);
        }
    }

    public InvitationView invite(String userId, Integer expiresInDays, String account, AdminAuth actor, UriInfo uri) {
        return invite(userId, expiresInDays, account, By.admin(actor), uri);
    }

    public InvitationView invite(String userId, Integer expiresInDays, String account, By actor, UriInfo uri) {
        UserModel user = requireUser(userId, "userId", true);
        requireNotYetIn(user);
        int days = ExpiryDays.resolve(expiresInDays, realm.getAttribute(ExpiryDays.REALM_ATTRIBUTE));
        String accountId = account == null ? null : resolveAccount(account).getId();
        Invitation before = InvitationStore.read(user);
        Invitation after = Invitation.send(before, user.getEmail(), days, accountId, actor.actor(), clock.instant(),
                newNonce());
        return apply(user, before, after, "sent", actor, uri, OperationType.CREATE);
    }

    public InvitationView resend(String userId, Integer expiresInDays, AdminAuth actor, UriInfo uri) {
        UserModel user = requireUser(userId, "userId", true);
        Invitation before = requireInvitation(user);
        requireNotYetIn(user);
        int days = ExpiryDays.resolve(expiresInDays, realm.getAttribute(ExpiryDays.REALM_ATTRIBUTE));
        Invitation after = before.resend(user.getEmail(), days, actor(actor), clock.instant(), newNonce());
        claimLink(user, before, "resend", By.admin(actor));
        return apply(user, before, after, "resent", By.admin(actor), uri, OperationType.ACTION);
    }

    public InvitationView revoke(String userId, AdminAuth actor) {
        return revoke(userId, By.admin(actor));
    }

    public InvitationView revoke(String userId, By actor) {
        UserModel user = requireUser(userId, "userId", false);
        Invitation before = requireInvitation(user);
        Invitation after = before.revoke(actor.actor(), clock.instant());
        claimLink(user, before, "revoke", actor);
        return apply(user, before, after, "revoked", actor, null, OperationType.ACTION);
    }

    /** The checks of an address move, without moving: what a request for approval is checked against. */
    public void checkAddressChange(String userId, String email, AdminAuth actor) {
        UserModel user = requireUser(userId, "userId", true);
        Invitation before = requireInvitation(user);
        requireNotYetIn(user);
        String address = checkedAddress(user, email);
        before.changeAddress(address, actor(actor), clock.instant(), "check"); // refuses a state that cannot move
    }

    public InvitationView changeAddress(String userId, String email, AdminAuth actor, UriInfo uri) {
        UserModel user = requireUser(userId, "userId", true);
        Invitation before = requireInvitation(user);
        requireNotYetIn(user);
        String address = checkedAddress(user, email);
        // A person created from an address has it as username too (the People page does that): a typo
        // corrected in the address must not live on as the name they log in with. A username chosen
        // apart from the address stays.
        boolean usernameFollows = usernameFollows(user);
        Invitation after = before.changeAddress(address, actor(actor), clock.instant(), newNonce());
        claimLink(user, before, "address-change", By.admin(actor));
        if (usernameFollows) {
            user.setUsername(address.toLowerCase(java.util.Locale.ROOT));
        }
        user.setEmail(address);
        user.setEmailVerified(false);
        return apply(user, before, after, "address-changed", By.admin(actor), uri, OperationType.UPDATE);
    }

    /** A deliverable address nobody else has (as address, or as the username it would become). */
    private String checkedAddress(UserModel user, String email) {
        String problem = DeliverableAddress.problem(email);
        if (problem != null) {
            throw Problems.invalid("email", "email " + problem);
        }
        String address = email.trim();
        UserModel holder = session.users().getUserByEmail(realm, address);
        if (holder != null && !holder.getId().equals(user.getId()) && !realm.isDuplicateEmailsAllowed()) {
            throw Problems.conflict("another user of this realm already has this address.");
        }
        if (usernameFollows(user)) {
            UserModel named = session.users().getUserByUsername(realm, address.toLowerCase(java.util.Locale.ROOT));
            if (named != null && !named.getId().equals(user.getId())) {
                throw Problems.conflict("another user of this realm already has this address.");
            }
        }
        return address;
    }

    private static boolean usernameFollows(UserModel user) {
        String previous = user.getEmail();
        return previous != null && previous.trim().equalsIgnoreCase(user.getUsername());
    }

    public InvitationView get(String userId) {
        UserModel user = requireUser(userId, "userId", false);
        return view(user, requireInvitation(user));
    }

    /** Everybody ever invited, filtered in memory (a realm's invitations are hundreds, not millions). */
    public InvitationPage list(InvitationFilter filter, java.util.function.Predicate<UserModel> visible) {
        Instant now = clock.instant();
        List<InvitationStatus> stored = filter.status() == null ? List.of(InvitationStatus.values())
                : filter.status() == InvitationStatus.EXPIRED
                        ? List.of(InvitationStatus.PENDING, InvitationStatus.EXPIRED) : List.of(filter.status());
        List<InvitationView> matching = stored.stream()
                .flatMap(status -> session.users().searchForUserByUserAttributeStream(realm, Invitation.STATUS,
                        status.value()))
                .distinct()
                .filter(visible)
                .map(user -> Map.entry(user, InvitationStore.read(user)))
                .filter(entry -> entry.getValue() != null && filter.matches(entry.getValue(),
                        entry.getValue().effectiveStatus(now), now))
                .sorted(Comparator.comparing((Map.Entry<UserModel, Invitation> entry) ->
                        Objects.requireNonNullElse(entry.getValue().sentAt(), Instant.EPOCH)).reversed()
                        .thenComparing(entry -> entry.getKey().getId()))
                .map(entry -> view(entry.getKey(), entry.getValue()))
                .toList();
        return new InvitationPage(matching.size(), filter.first(), filter.max(),
                matching.stream().skip(filter.first()).limit(filter.max()).toList());
    }

    // ------------------------------------------------------------------------------------

    /**
     * Compare-and-set against an acceptance in flight: the change claims the live link's nonce
     * the same way acceptance does ({@link InvitationAcceptance#claim}, atomic and cluster-wide),
     * so of a change and an acceptance racing on one link exactly one wins. The loser answers 409
     * and changes nothing; its attempt is kept as an admin event of its own (written in a
     * transaction of its own, because this one rolls back), next to the winner's.
     */
    private void claimLink(UserModel user, Invitation before, String attempt, By actor) {
        if (before.nonce() == null || new InvitationAcceptance(session, clock).claimUntilRollback(before)) {
            return;
        }
        Map<String, Object> refused = InvitationEvents.representation(view(user, before));
        refused.put("refused", attempt);
        refused.put("because", "the invitation was accepted at the same moment");
        String userId = user.getId();
        String realmId = realm.getId();
        org.keycloak.models.utils.KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(),
                session.getContext(), job -> event(job, job.realms().getRealm(realmId), actor,
                        OperationType.ACTION, userId, attempt + "-refused", before.status().value(), refused));
        throw Problems.conflict("the invitation was accepted at the same moment, so the "
                + attempt + " lost.");
    }

    private InvitationView apply(UserModel user, Invitation before, Invitation after, String what,
            By actor, UriInfo uri, OperationType operation) {
        InvitationStore.write(user, after);
        if (after.status() == InvitationStatus.PENDING) {
            // Until the invitee accepts through the link, every login stops at this required action.
            user.addRequiredAction(AcceptInvitationRequiredActionFactory.PROVIDER_ID);
            String link = InvitationLink.build(session, realm, user, after, uri, settings);
            InvitationMailer.send(session, realm, user, after, link, InvitationDetails.of(session, realm, user, after));
        }
        InvitationView view = view(user, after);
        event(session, realm, actor, operation, user.getId(), what,
                before == null ? null : before.effectiveStatus(clock.instant()).value(), view);
        return view;
    }

    private static void event(KeycloakSession session, RealmModel realm, By actor, OperationType operation, String userId,
            String what, String beforeStatus, Object view) {
        if (actor.auth() != null) {
            InvitationEvents.admin(session, realm, actor.auth(), operation, userId, what, beforeStatus, view);
        } else {
            InvitationEvents.bySystem(session, realm, actor.name(), operation, userId, what, beforeStatus, view);
        }
    }

    public InvitationView view(UserModel user, Invitation invitation) {
        return new InvitationView(user.getId(), user.getUsername(), user.getFirstName(), user.getLastName(),
                invitation.email(), invitation.effectiveStatus(clock.instant()).value(), string(invitation.sentAt()),
                string(invitation.expiresAt()), string(invitation.acceptedAt()), invitation.invitedBy(),
                invitation.invitedByName(), invitation.account(), invitation.history(), null);
    }

    private UserModel requireUser(String userId, String field, boolean mustBeEnabled) {
        if (userId == null || userId.isBlank()) {
            throw Problems.invalid(field, field + " is required");
        }
        UserModel user = session.users().getUserById(realm, userId.trim());
        if (user == null) {
            throw Problems.missing("no user with this id in realm " + realm.getName());
        }
        if (mustBeEnabled && !user.isEnabled()) {
            throw Problems.invalid(field, "the user is disabled: enable the user before inviting");
        }
        return user;
    }

    /** 409 for a person who already gets in: an invitation would be a way to take their login ({@link SignInState}). */
    private void requireNotYetIn(UserModel user) {
        SignInState state = new SignInState(
                user.credentialManager().getStoredCredentialsStream().findAny().isPresent(),
                session.users().getFederatedIdentitiesStream(realm, user).findAny().isPresent(),
                user.getFirstAttribute(LastLogin.ATTRIBUTE) != null,
                Authority.isRealmOperator(realm, user));
        state.refusal().ifPresent(reason -> {
            throw Problems.conflict(reason + ".");
        });
    }

    private Invitation requireInvitation(UserModel user) {
        Invitation invitation = InvitationStore.read(user);
        if (invitation == null) {
            throw Problems.missing("the user has no invitation");
        }
        return invitation;
    }

    private OrganizationModel resolveAccount(String idOrAlias) {
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        if (organizations == null || !organizations.isEnabled()) {
            throw Problems.invalid("account", "accounts (organizations) are not enabled in this realm");
        }
        OrganizationModel account = organizations.getById(idOrAlias.trim());
        if (account == null) {
            account = organizations.getByAlias(idOrAlias.trim());
        }
        if (account == null) {
            throw Problems.invalid("account", "no account with this id or alias: " + idOrAlias);
        }
        return account;
    }

    public static Actor actor(AdminAuth auth) {
        UserModel user = auth.getUser();
        return user == null ? Actor.SYSTEM : new Actor(user.getId(), InvitationDetails.displayName(user));
    }

    private static String newNonce() {
        return UUID.randomUUID().toString();
    }

    private static String string(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
