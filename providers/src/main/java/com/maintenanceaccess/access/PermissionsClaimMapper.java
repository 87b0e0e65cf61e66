package com.maintenanceaccess.access;

import com.maintenanceaccess.account.AccountTemplates;
import com.maintenanceaccess.account.SessionAccount;
import com.maintenanceaccess.bundle.ReportsBundleVersion;
import java.util.ArrayList;
import java.util.List;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;

/**
 * Puts the permissions ({@code <area>:<action>}, sorted) of the role templates the user holds
 * in the token's account ({@link SessionAccount}) into one compact claim, {@code mx_perms} by
 * default. Added to the maintenance app client, so only that client's tokens carry it. The
 * templates are the account's organization groups ({@link AccountTemplates}); their permissions
 * come from the importer's composite roles, read from the realm cache.
 */
public class PermissionsClaimMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, TokenIntrospectionTokenMapper, ReportsBundleVersion {

    public static final String PROVIDER_ID = "mx-permissions-mapper";
    public static final String DEFAULT_CLAIM = "mx_perms";

    private static final List<ProviderConfigProperty> CONFIG = config();

    private static List<ProviderConfigProperty> config() {
        List<ProviderConfigProperty> config = new ArrayList<>();
        OIDCAttributeMapperHelper.addTokenClaimNameConfig(config);
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(config, PermissionsClaimMapper.class);
        return List.copyOf(config);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Maintenance permissions";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "The user's effective maintenance permissions (<area>:<action>) as one array claim.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mapping, UserSessionModel userSession,
                            KeycloakSession session, ClientSessionContext clientSessionCtx) {
        // The templates held in the token's account only; no account (several, none chosen), no
        // permissions. Realm-level template roles (before the migration) count in no account.
        UserModel user = userSession.getUser();
        List<String> permissions = SessionAccount.of(session, user, clientSessionCtx)
                .map(account -> AccountTemplates.permissions(AccountTemplates.held(session, account, user)))
                .orElse(List.of());
        // Always an array (empty when the user holds no permission), so clients need no null check.
        String claim = mapping.getConfig().getOrDefault(OIDCAttributeMapperHelper.TOKEN_CLAIM_NAME, DEFAULT_CLAIM);
        token.getOtherClaims().put(claim == null || claim.isBlank() ? DEFAULT_CLAIM : claim, permissions);
    }
}
