package com.maintenanceaccess.signoff;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.PasswordForm;
import org.keycloak.models.KeycloakSession;

/**
 * Keycloak's password re-entry form, telling the signer what they are signing: the app passes
 * the statement as the authorization request parameter {@value #PARAMETER}, which Keycloak
 * keeps as a client note of the login; the maintenance theme's {@code login-password.ftl}
 * shows it (escaped) above the password field.
 */
public class SignoffPasswordForm extends PasswordForm {

    /** The request parameter the app sends; Keycloak keeps up to 2,000 characters of it. */
    public static final String PARAMETER = "mx_signing";
    static final String CLIENT_NOTE = "client_request_param_" + PARAMETER;
    static final int MAX_SHOWN = 300;

    public SignoffPasswordForm(KeycloakSession session) {
        super(session);
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        tellWhatIsSigned(context);
        super.authenticate(context);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        tellWhatIsSigned(context);
        super.action(context);
    }

    /**
     * The statement as a form attribute. {@code context.form()} hands out the session's one
     * LoginFormsProvider, so the attribute is there when the parent class renders the page
     * (first time or after a wrong password).
     */
    private static void tellWhatIsSigned(AuthenticationFlowContext context) {
        String statement = context.getAuthenticationSession().getClientNote(CLIENT_NOTE);
        if (statement != null && !statement.isBlank()) {
            context.form().setAttribute("mxSigning",
                    statement.length() > MAX_SHOWN ? statement.substring(0, MAX_SHOWN) + "…" : statement);
        }
    }
}
