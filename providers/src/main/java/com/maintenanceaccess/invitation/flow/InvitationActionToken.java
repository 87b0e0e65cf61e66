package com.maintenanceaccess.invitation.flow;

import java.util.UUID;
import org.keycloak.authentication.actiontoken.DefaultActionToken;

/**
 * The signed invitation link: bound to the user (sub), the address it was sent to (eml) and
 * the invitation's current nonce (the token id). A resend, an address change, a revocation or
 * the acceptance replaces or clears the nonce on the user, so every earlier link stops working.
 */
public class InvitationActionToken extends DefaultActionToken {

    public static final String TOKEN_TYPE = "mx-invitation";

    public InvitationActionToken(String userId, String email, String nonce, int expiresAtEpochSeconds,
            String clientId) {
        super(userId, TOKEN_TYPE, expiresAtEpochSeconds, UUID.fromString(nonce));
        setEmail(email);
        issuedFor(clientId);
    }

    /** For JSON deserialization. */
    private InvitationActionToken() {
    }

    /** The invitation nonce this link was issued for. */
    public String invitationNonce() {
        return getActionVerificationNonce() == null ? null : getActionVerificationNonce().toString();
    }
}
