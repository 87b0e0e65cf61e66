package com.maintenanceaccess.authorization.token;

import com.maintenanceaccess.account.SessionAccount;
import com.maintenanceaccess.authorization.AuthorizationFeature;
import com.maintenanceaccess.authorization.model.AuthorizationStore;
import com.maintenanceaccess.authorization.model.DecodedValues;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization;
import com.maintenanceaccess.authorization.rules.RecordUsability;
import com.maintenanceaccess.bundle.MxClockSpi;
import com.maintenanceaccess.bundle.ReportsBundleVersion;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;

/**
 * Adds the person's personnel authorizations issued by the token's account ({@link SessionAccount})
 * that can be used at issue time (the signoff
 * check's rules, {@link RecordUsability}, so recency counts and a leaver gets none) as a compact claim
 * (default {@code mx_auth}, see {@link AuthorizationClaim}). It reads the user model's
 * attribute, which the user cache holds: no database query per token once the cache is warm.
 * A token keeps the claim until it expires, so clients should also honour each entry's
 * {@code exp}, and the signoff check remains the authority for a controlled signoff.
 */
public class AuthorizationClaimMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper, ReportsBundleVersion {

    public static final String PROVIDER_ID = "mx-personnel-authorizations-mapper";
    public static final String DEFAULT_CLAIM = "mx_auth";

    private static final List<ProviderConfigProperty> CONFIG = config();

    private static List<ProviderConfigProperty> config() {
        List<ProviderConfigProperty> config = new ArrayList<>();
        OIDCAttributeMapperHelper.addTokenClaimNameConfig(config);
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(config, AuthorizationClaimMapper.class);
        return List.copyOf(config);
    }

    /** The one clock ({@link MxClockSpi}), set when the server starts (or by a unit test). */
    private Clock clock;
    /** Decoded records by stored value; this instance serves every token (it is its own factory). */
    private final DecodedValues decoded = new DecodedValues(20_000);

    public AuthorizationClaimMapper() {
    }

    AuthorizationClaimMapper(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        clock = MxClockSpi.clock(factory);
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mapping, UserSessionModel userSession,
                            KeycloakSession session, ClientSessionContext clientSessionCtx) {
        UserModel user = userSession.getUser();
        // Only the records the token's account issued (SessionAccount: the organization chosen at
        // login, else the only one); a person in several accounts who chose none gets none.
        String account = SessionAccount.of(session, user, clientSessionCtx).map(OrganizationModel::getId).orElse(null);
        List<PersonnelAuthorization> records = account == null ? List.of()
                : AuthorizationStore.read(user, decoded::decode).records().stream().filter(a -> a.issuedBy(account)).toList();
        RecordUsability usability = new RecordUsability(AuthorizationFeature.of(session).catalog());
        List<?> claim = AuthorizationClaim.of(usability, records, user.isEnabled(), clock.instant());
        // Always a list, even of one or none: OIDCAttributeMapperHelper.mapClaim would flatten a
        // one-element list to an object and drop an empty one, and clients need one shape.
        String name = mapping.getConfig().get(OIDCAttributeMapperHelper.TOKEN_CLAIM_NAME);
        token.getOtherClaims().put(name == null || name.isBlank() ? DEFAULT_CLAIM : name, claim);
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getDisplayType() {
        return "Personnel authorizations (valid now)";
    }

    @Override
    public String getHelpText() {
        return "Adds the user's personnel authorizations that are valid at issue time as a compact list claim.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
