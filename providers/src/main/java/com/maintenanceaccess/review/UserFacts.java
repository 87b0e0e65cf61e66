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
 * @param validAuthorizationTypes personnel authorization types valid now
 * @param authorizationsExpiring  (type, expiry) of valid authorizations, for reviews
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
        List<Expiring> authorizationsExpiring) {

    public UserFacts {
        accounts = List.copyOf(accounts);
        templates = List.copyOf(templates);
        permissions = Set.copyOf(permissions);
        validAuthorizationTypes = Set.copyOf(validAuthorizationTypes);
        authorizationsExpiring = List.copyOf(authorizationsExpiring);
    }

    /** An account the user is a member of, with what it has switched on now. */
    public record Account(String id, String alias, boolean enabled, Set<String> features, boolean setupModeNow) {
        public Account {
            features = Set.copyOf(features);
        }
    }

    /** A role template held, with the flags the importer put on its role. */
    public record Template(String name, boolean privileged, String requiresAuthorization) {
    }

    /** A currently valid authorization and when it ends. */
    public record Expiring(String type, String reference, Instant validUntil) {
    }

    public boolean invitationAccepted() {
        return invitationStatus == null || invitationStatus.equals("accepted");
    }
}
