package com.maintenanceaccess.invitation.join;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.keycloak.authentication.actiontoken.DefaultActionToken;

/**
 * The link of an invitation to join an account for a person who exists already: bound to the
 * person (sub), the address it was sent to (eml), the account (org) and Keycloak's invitation row
 * (the token id, {@code ORG_INVITATION.ID}). Unlike Keycloak's own {@code ORGIVT} link it makes
 * nobody a member by itself: it opens the login, and only the invited person, signed in with their
 * own credentials, confirms ({@link JoinAccountRequiredAction}).
 */
public class JoinActionToken extends DefaultActionToken {

    public static final String TOKEN_TYPE = "mx-join";

    @JsonProperty("org")
    private String accountId;

    public JoinActionToken(String userId, String email, String accountId, String invitationId, int expiresAt,
                           String clientId) {
        super(userId, TOKEN_TYPE, expiresAt, null);
        setEmail(email);
        issuedFor(clientId);
        id(invitationId);
        this.accountId = accountId;
    }

    /** For JSON deserialization. */
    private JoinActionToken() {
    }

    public String accountId() {
        return accountId;
    }
}
