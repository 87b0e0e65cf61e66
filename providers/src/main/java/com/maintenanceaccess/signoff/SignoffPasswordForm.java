package com.maintenanceaccess.signoff;

import java.util.Optional;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.PasswordForm;
import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Keycloak's password re-entry form, telling the signer what they are signing: the app passes
 * the statement (a {@link SignoffStatement}, JSON) as the authorization request parameter
 * {@value #PARAMETER}, which Keycloak keeps as a client note of the login; the maintenance
 * theme's {@code login-password.ftl} shows it in plain language (escaped) above the password
 * field.
 *
 * <p>The statement shown is also written to the login's client note {@value #SHOWN_NOTE}, which
 * Keycloak copies to the client session when the login completes; {@link StatementClaimMapper}
 * puts it into the step-up's token. Every signoff-level login passes this form, so the note is
 * always the statement of the latest signoff authentication (empty when the app sent none or
 * one the server cannot read: nothing can be signed with that login).
 */
public class SignoffPasswordForm extends PasswordForm {

    /** The request parameter the app sends; Keycloak keeps up to 2,000 characters of it. */
    public static final String PARAMETER = "mx_signing";
    static final String CLIENT_NOTE = "client_request_param_" + PARAMETER;
    /** The statement shown at this login, normalised JSON, or empty. */
    public static final String SHOWN_NOTE = "mx_statement_shown";
    /**
     * A random id of this signoff-level login, new at every password entry: with the session and
     * {@code auth_time} it names the authentication that may sign once (two step-ups within one
     * second share an {@code auth_time}, never this id).
     */
    public static final String STEP_NOTE = "mx_signoff_step";

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
     * The statement as form attributes. {@code context.form()} hands out the session's one
     * LoginFormsProvider, so the attributes are there when the parent class renders the page
     * (first time or after a wrong password).
     */
    private static void tellWhatIsSigned(AuthenticationFlowContext context) {
        AuthenticationSessionModel login = context.getAuthenticationSession();
        String raw = login.getClientNote(CLIENT_NOTE);
        Optional<SignoffStatement> statement = SignoffStatement.parse(raw);
        login.setClientNote(SHOWN_NOTE, statement.map(s -> s.json().toString()).orElse(""));
        login.setClientNote(STEP_NOTE, java.util.UUID.randomUUID().toString());
        if (statement.isPresent()) {
            context.form().setAttribute("mxStatement", statement.get().shown());
        } else {
            // Shown as a warning: the person may log in, but that login signs nothing.
            context.form().setAttribute("mxStatementUnreadable", raw != null && !raw.isBlank());
            context.form().setAttribute("mxStatementMissing", true);
        }
    }
}
