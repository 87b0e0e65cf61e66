package com.maintenanceaccess.invitation.flow;

import com.maintenanceaccess.bundle.MxClockSpi;
import com.maintenanceaccess.bundle.ReportsBundleVersion;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** The {@code mx-invitation-idp-link} authenticator for first-broker-login flows. Stateless but for the clock: one instance. */
public class InvitationIdpLinkAuthenticatorFactory implements AuthenticatorFactory, ReportsBundleVersion {

    public static final String PROVIDER_ID = "mx-invitation-idp-link";
    private InvitationIdpLinkAuthenticator instance;

    @Override
    public Authenticator create(KeycloakSession session) {
        return instance;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Accept invitation with identity provider";
    }

    @Override
    public String getHelpText() {
        return "First broker login: accepts a pending invitation when the person chose an identity provider on the "
                + "invitation page and the provider vouches for the invited e-mail address; stops people with a pending "
                + "invitation otherwise; steps aside for everybody else.";
    }

    @Override
    public String getReferenceCategory() {
        return null;
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        // It steps aside for ordinary broker logins: only useful next to the default steps.
        return new Requirement[] {Requirement.ALTERNATIVE, Requirement.DISABLED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        instance = new InvitationIdpLinkAuthenticator(MxClockSpi.clock(factory));
    }

    @Override
    public void close() {
    }
}
