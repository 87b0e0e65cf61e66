package com.maintenanceaccess.signoff;

import com.maintenanceaccess.bundle.ReportsBundleVersion;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.PasswordFormFactory;
import org.keycloak.models.KeycloakSession;

/** {@value #PROVIDER_ID}: the signoff level's password step (realm-config "mx level signoff"). */
public class SignoffPasswordFormFactory extends PasswordFormFactory implements ReportsBundleVersion {

    public static final String PROVIDER_ID = "mx-signoff-password-form";

    @Override
    public Authenticator create(KeycloakSession session) {
        return new SignoffPasswordForm(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Signoff password re-entry (shows what is signed)";
    }

    @Override
    public String getHelpText() {
        return "Asks the signer's password again and shows the statement the app passed as mx_signing.";
    }
}
