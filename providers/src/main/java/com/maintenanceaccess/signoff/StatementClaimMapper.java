package com.maintenanceaccess.signoff;

import com.maintenanceaccess.bundle.ReportsBundleVersion;
import java.util.ArrayList;
import java.util.List;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;

/**
 * Puts the statement the person confirmed at the latest signoff-level login into claim
 * {@value SignoffStatement#CLAIM} (issue 23, "sign what was shown"), and that login's random id
 * into {@value SignoffStatement#STEP_CLAIM} (part of the key of "one authentication signs once"). It comes from the login
 * itself ({@link SignoffPasswordForm} wrote what its page showed into the client session), not
 * from anything the app sends afterwards; {@code POST /mx/signoffs} compares the body with it.
 * A token issued by refresh carries it too, but is never a proof ({@code reauthentication_required}).
 */
public class StatementClaimMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, ReportsBundleVersion {

    public static final String PROVIDER_ID = "mx-signoff-statement-mapper";
    private static final List<ProviderConfigProperty> CONFIG = config();

    private static List<ProviderConfigProperty> config() {
        List<ProviderConfigProperty> config = new ArrayList<>();
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(config, StatementClaimMapper.class);
        return List.copyOf(config);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Signoff statement";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "What the person confirmed on the signoff password page (mx_statement); the signoff endpoint compares the body with it.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mapping, UserSessionModel userSession,
                            KeycloakSession session, ClientSessionContext context) {
        AuthenticatedClientSessionModel clientSession = context.getClientSession();
        String shown = clientSession == null ? null : clientSession.getNote(SignoffPasswordForm.SHOWN_NOTE);
        SignoffStatement.parse(shown).ifPresent(s -> token.getOtherClaims().put(SignoffStatement.CLAIM, s.claim()));
        String step = clientSession == null ? null : clientSession.getNote(SignoffPasswordForm.STEP_NOTE);
        if (step != null) {
            token.getOtherClaims().put(SignoffStatement.STEP_CLAIM, step);
        }
    }
}
