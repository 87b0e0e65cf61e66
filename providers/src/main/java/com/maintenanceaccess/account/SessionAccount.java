package com.maintenanceaccess.account;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.organization.protocol.mappers.oidc.OrganizationScope;

/**
 * The account (organization) a token is issued for: the one place that decides it, for every
 * mapper that puts account-specific claims into the maintenance app's tokens
 * ({@code mx_account}, {@code mx_perms}, {@code mx_auth}).
 *
 * <p>The organization chosen at login ({@code scope=openid organization:demo-mro}); without
 * that scope, the user's only enabled account. A person in several accounts who chose none
 * gets no account: nothing account-specific goes into the token rather than a guess or the
 * union of what they hold in each.
 */
public final class SessionAccount {

    /** Provider id of Keycloak's organization membership mapper, the mark of an organization client scope. */
    static final String ORGANIZATION_MAPPER = "oidc-organization-membership-mapper";

    private SessionAccount() {
    }

    public static Optional<OrganizationModel> of(KeycloakSession session, UserModel user, ClientSessionContext context) {
        // Three mappers ask for one token: decide once per token (the key names user and scopes).
        String key = "mx.session-account:" + user.getId() + ":" + context.getScopeString();
        Object known = session.getAttribute(key);
        if (known instanceof CachedAccount cached) {
            return cached.account();
        }
        Optional<OrganizationModel> account = resolve(session, user, context);
        session.setAttribute(key, new CachedAccount(account));
        return account;
    }

    private record CachedAccount(Optional<OrganizationModel> account) {
    }

    private static Optional<OrganizationModel> resolve(KeycloakSession session, UserModel user, ClientSessionContext context) {
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        if (organizations == null || !organizations.isEnabled()) {
            return Optional.empty();
        }
        List<OrganizationModel> accounts = candidates(organizations, user, session, context)
                .filter(OrganizationModel::isEnabled)
                .limit(2)
                .toList();
        return accounts.size() == 1 ? Optional.of(accounts.get(0)) : Optional.empty();
    }

    private static Stream<OrganizationModel> candidates(OrganizationProvider organizations, UserModel user,
                                                        KeycloakSession session, ClientSessionContext context) {
        // Parsing the scope parameter for an organization scope costs more than the rest of the
        // mappers (profiled, docs/benchmarks.md); it can only find one if a client scope of this
        // token carries Keycloak's organization membership mapper, which the cached scopes tell.
        boolean organizationScopeGranted = context.getClientScopesStream()
                .anyMatch(scope -> scope.getProtocolMappersStream()
                        .anyMatch(mapper -> ORGANIZATION_MAPPER.equals(mapper.getProtocolMapper())));
        String scopes = context.getScopeString();
        OrganizationScope scope = organizationScopeGranted ? OrganizationScope.valueOfScope(session, scopes) : null;
        return scope == null ? organizations.getByMember(user) : scope.resolveOrganizations(user, scopes, session);
    }
}
