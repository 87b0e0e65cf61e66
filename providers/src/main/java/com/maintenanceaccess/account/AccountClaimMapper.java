package com.maintenanceaccess.account;

import com.maintenanceaccess.bundle.MxClockSpi;
import com.maintenanceaccess.bundle.ReportsBundleVersion;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;

/**
 * Puts the account a token is for into claim {@value #CLAIM}:
 * {@code {"id": …, "alias": "demo-mro", "features": ["planning"], "setup": true}}.
 *
 * <p>Which account: the one Keycloak's {@code organization} scope selects when the client
 * asks for it ({@code organization:demo-mro}); without that scope, the user's only
 * account. A person in several accounts who did not choose one gets no claim rather than
 * a guess. Setup mode is reported as it is at issuance, so it ends in tokens by itself at
 * its end date.
 */
public class AccountClaimMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper, ReportsBundleVersion {

    public static final String PROVIDER_ID = "mx-account-mapper";
    public static final String CLAIM = "mx_account";
    private static final List<ProviderConfigProperty> CONFIG = config();

    private static List<ProviderConfigProperty> config() {
        List<ProviderConfigProperty> config = new ArrayList<>();
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(config, AccountClaimMapper.class);
        return List.copyOf(config);
    }

    /** The one clock ({@link MxClockSpi}), set when the server starts. */
    private Clock clock;

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        clock = MxClockSpi.clock(factory);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Maintenance account";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "The maintenance account (organization) the token is for, its enabled features and setup mode.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mapping, UserSessionModel userSession,
                            KeycloakSession session, ClientSessionContext context) {
        SessionAccount.of(session, userSession.getUser(), context)
                .ifPresent(account -> token.getOtherClaims().put(CLAIM, claim(account)));
    }

    private Map<String, Object> claim(OrganizationModel account) {
        AccountSettings settings = AccountSettings.fromAttributes(account.getAttributes());
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("id", account.getId());
        claim.put("alias", account.getAlias());
        claim.put("features", List.copyOf(new java.util.TreeSet<>(settings.features())));
        claim.put("setup", settings.inSetupModeAt(clock.instant()));
        return claim;
    }
}
