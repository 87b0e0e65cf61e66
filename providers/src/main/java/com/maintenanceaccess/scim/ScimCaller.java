package com.maintenanceaccess.scim;

import com.maintenanceaccess.kernel.AdminAudit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * The authority of a SCIM request, decided in one place: the caller is a provisioning token,
 * and it acts in its one account only. {@link #authenticate} answers 401 for anything that is
 * not a usable token of this realm (no header, a realm access token, unknown, revoked, expired)
 * and 404 when the path names any account other than the token's, as if that account did not
 * exist. Every target (user, group) is then looked up inside {@link #account()} only.
 */
public record ScimCaller(ScimToken token, OrganizationModel account, Clock clock) {

    /** Last use is written at most this often: a sync of thousands of users is not thousands of writes. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    static ScimCaller authenticate(KeycloakSession session, String accountParam, Clock clock) {
        String header = session.getContext().getRequestHeaders().getHeaderString("Authorization");
        String secret = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
        ScimTokenTable table = new ScimTokenTable(session);
        Instant now = clock.instant();
        ScimTokenTable.Stored stored = ScimSecret.tokenId(secret).flatMap(table::byId)
                .filter(row -> ScimSecret.matches(secret, row.secretHash()))
                .filter(row -> row.token().usable(now))
                .orElseThrow(ScimError::unauthorized);
        ScimToken token = stored.token();
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        OrganizationModel account = organizations == null ? null : organizations.getById(token.accountId());
        if (account == null || accountParam == null
                || !(accountParam.equals(account.getAlias()) || accountParam.equals(account.getId()))) {
            throw ScimError.notFound("account", accountParam);
        }
        if (token.lastUsed() == null || token.lastUsed().plus(TOUCH_EVERY).isBefore(now)) {
            ScimTokenTable.touchApart(session, session.getContext().getRealm().getId(), token.id(), now, now.minus(TOUCH_EVERY));
        }
        return new ScimCaller(token, account, clock);
    }

    /** The actor in events and deactivation records: the token's name (docs/scim.md, "Traceability"). */
    String actor() {
        return token.name();
    }

    /**
     * One admin event per write, with the token's name as actor ({@link AdminAudit#bySystem}: no
     * user acted, the token did), the token's id and account, before and after.
     */
    void audit(KeycloakSession session, OperationType operation, String kind, String path, Object before, Object after) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("account", account.getAlias());
        change.put("token", Map.of("id", token.id(), "name", token.name()));
        change.put("before", before);
        change.put("after", after);
        AdminAudit.bySystem(session, session.getContext().getRealm(), actor(), operation, kind,
                "accounts/" + account.getId() + "/scim/v2/" + path, change);
    }
}
