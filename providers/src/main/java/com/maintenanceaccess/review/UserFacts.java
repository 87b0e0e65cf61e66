package com.maintenanceaccess.review;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the access checks need to know about one user, read once from Keycloak
 * ({@link UserFactsReader}) so that the rules ({@link AccessExplainer}, {@link SetupReview})
 * are plain code.
 *
 * @param invitationStatus pending, accepted, expired or revoked; null when never invited
 * @param templates        role templates the user holds (managed composite realm roles), with their flags
 * @param permissions      effective {@code <area>:<action>} permissions
 * @param validAuthorizationTypes personnel authorization types whose records are usable at signoff now (the signoff
 *                                check's rules, {@code RecordUsability}: recency counts)
 * @param authorizationsExpiring  (type, expiry) of valid authorizations, for reviews
 * @param standing                what else decides whether the person can log in and is in the right
 *                                place (see {@link Standing})
 */
public record UserFacts(
        String id,
        String username,
        String firstName,
        String lastName,
        String email,
        boolean enabled,
        String invitationStatus,
        Instant invitationSentAt,
        List<Account> accounts,
        List<Template> templates,
        Set<String> permissions,
        Set<String> validAuthorizationTypes,
        List<Expiring> authorizationsExpiring,
        Standing standing) {

    /** Facts without a {@link Standing} (nothing more known), as the rules' unit tests build them. */
    public UserFacts(String id, String username, String firstName, String lastName, String email, boolean enabled,
                     String invitationStatus, Instant invitationSentAt, List<Account> accounts, List<Template> templates,
                     Set<String> permissions, Set<String> validAuthorizationTypes, List<Expiring> authorizationsExpiring) {
        this(id, username, firstName, lastName, email, enabled, invitationStatus, invitationSentAt, accounts, templates,
                permissions, validAuthorizationTypes, authorizationsExpiring, Standing.NONE);
    }

    public UserFacts withStanding(Standing newStanding) {
        return new UserFacts(id, username, firstName, lastName, email, enabled, invitationStatus, invitationSentAt,
                accounts, templates, permissions, validAuthorizationTypes, authorizationsExpiring, newStanding);
    }

    public UserFacts {
        standing = standing == null ? Standing.NONE : standing;
        accounts = List.copyOf(accounts);
        templates = List.copyOf(templates);
        permissions = Set.copyOf(permissions);
        validAuthorizationTypes = Set.copyOf(validAuthorizationTypes);
        authorizationsExpiring = List.copyOf(authorizationsExpiring);
    }

    /**
     * An account the user is a member of, with what it has switched on now; {@code name} is what a
     * person reads (the organization's name; its alias when it has none), the alias what a client
     * addresses it by.
     */
    public record Account(String id, String alias, String name, boolean enabled, Set<String> features, boolean setupModeNow) {
        public Account {
            features = Set.copyOf(features);
            name = name == null || name.isBlank() ? alias : name;
        }

        public Account(String id, String alias, boolean enabled, Set<String> features, boolean setupModeNow) {
            this(id, alias, null, enabled, features, setupModeNow);
        }
    }

    /** A role template held, with the flags the importer put on its role. */
    public record Template(String name, boolean privileged, String requiresAuthorization) {
    }

    /** An account by id, alias and name (as {@link Account}). */
    public record AccountRef(String id, String alias, String name) {
        public AccountRef {
            name = name == null || name.isBlank() ? alias : name;
        }

        public AccountRef(String id, String alias) {
            this(id, alias, null);
        }
    }

    /** A record that cannot be used at signoff, and the signoff check's reasons why. */
    public record Unusable(String type, String reference, List<String> reasons) {
        public Unusable {
            reasons = List.copyOf(reasons);
        }
    }

    /** An administrator's acknowledgement that the person needs these privileged templates. */
    public record Acknowledgement(Set<String> templates, String by, Instant at, String reason) {
        public Acknowledgement {
            templates = Set.copyOf(templates);
        }
    }

    /**
     * @param awaitingInvitation     the user carries the mx-accept-invitation required action: every login
     *                               stops there until a link from a pending invitation is used
     * @param invitationAccount      the account the invitation was for, or null
     * @param emailDomainAccount     the account whose domains include the user's e-mail domain, or null
     * @param unusableAuthorizations records that cannot be used at signoff now, with why
     * @param privilegedPaths        per privileged template held, every path that grants it (direct,
     *                               composite of a role, group, parent group)
     * @param acknowledgement        the acknowledgement of privileged access on record, or null
     */
    public record Standing(boolean awaitingInvitation, AccountRef invitationAccount, AccountRef emailDomainAccount,
                           List<Unusable> unusableAuthorizations,
                           java.util.Map<String, List<PrivilegePaths.PrivilegePath>> privilegedPaths,
                           Acknowledgement acknowledgement) {
        public static final Standing NONE = new Standing(false, null, null, List.of(), java.util.Map.of(), null);

        public Standing {
            unusableAuthorizations = List.copyOf(unusableAuthorizations);
            privilegedPaths = java.util.Map.copyOf(privilegedPaths);
        }
    }

    /** A currently valid authorization and when it ends. */
    public record Expiring(String type, String reference, Instant validUntil) {
    }

    public boolean invitationAccepted() {
        return invitationStatus == null || invitationStatus.equals("accepted");
    }

    /**
     * Why the user cannot log in although no pending invitation explains it: the required action
     * is set (every login stops at it) but there is no pending invitation whose link would clear it,
     * e.g. the user was created with the action while the mail server was down. Empty otherwise.
     */
    public java.util.Optional<String> cannotLogIn() {
        if (!standing.awaitingInvitation() || "pending".equals(invitationStatus)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("cannot log in: the \"Accept invitation\" required action (mx-accept-invitation) is set but "
                + (invitationStatus == null ? "no invitation was ever sent (was the mail server down?)"
                        : "the invitation is " + invitationStatus + ", so no link can clear it"));
    }
}
