package com.maintenanceaccess.access;

import com.maintenanceaccess.bundle.ReportsBundleVersion;
import java.util.ArrayList;
import java.util.List;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;

/**
 * Puts the user's effective permissions ({@code <area>:<action>}, sorted) into one compact
 * claim, {@code mx_perms} by default. Added to the maintenance app client, so only that
 * client's tokens carry it. It takes the roles the token is scoped to (so a client scope
 * left out of the request also leaves its permissions out) and keeps those the importer
 * made from the access catalog.
 */
public class PermissionsClaimMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, TokenIntrospectionTokenMapper, ReportsBundleVersion {

    public static final String PROVIDER_ID = "mx-permissions-mapper";
    public static final String DEFAULT_CLAIM = "mx_perms";
    /** Marks permission roles; the same value the importer writes. */
    static final String MANAGED = "mx.managed";
    static final String MANAGED_BY_CATALOG = "access-catalog";

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
        List<String> permissions = clientSessionCtx.getRolesStream()
                .filter(role -> !role.isClientRole())
                .filter(role -> MANAGED_BY_CATALOG.equals(role.getFirstAttribute(MANAGED)))
                .map(RoleModel::getName)
                .distinct()
                .sorted()
                .toList();
        // Always an array (empty when the user holds no permission), so clients need no null check.
        String claim = mapping.getConfig().getOrDefault(OIDCAttributeMapperHelper.TOKEN_CLAIM_NAME, DEFAULT_CLAIM);
        token.getOtherClaims().put(claim == null || claim.isBlank() ? DEFAULT_CLAIM : claim, permissions);
    }
}
