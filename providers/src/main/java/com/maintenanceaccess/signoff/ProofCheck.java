package com.maintenanceaccess.signoff;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a token proves that its person just re-authenticated at the signoff level
 * for this app. The server does this itself (CVE-2026-97176: a requested {@code acr} can be
 * downgraded through the SSO cookie, so the level the app asked for is not evidence).
 * Signature, session and reuse are checked by the caller; these are the claims.
 */
public final class ProofCheck {

    /**
     * The claims that matter, as read from a token whose signature was verified. {@code grantType}
     * is the grant that issued the token, as Keycloak encodes it in the token id ({@code jti}):
     * only {@value #CODE_GRANT} (the code of the step-up login itself) is a fresh authentication.
     */
    public record Claims(String issuer, String type, String authorizedParty, String acr, Long authTime, Long expires,
                         String tokenId, String subject, String grantType) {
    }

    /** The one grant whose token proves a fresh authentication: the step-up login's code. */
    public static final String CODE_GRANT = "authorization_code";

    public enum Reason {
        WRONG_ISSUER, NOT_AN_ACCESS_TOKEN, WRONG_CLIENT, TOKEN_EXPIRED, NOT_SIGNOFF_LEVEL, NO_AUTH_TIME,
        REAUTHENTICATION_TOO_OLD, REAUTHENTICATION_REQUIRED, NO_TOKEN_ID, NO_SUBJECT, OTHER_PERSON;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final SignoffSettings settings;

    public ProofCheck(SignoffSettings settings) {
        this.settings = settings;
    }

    /** Reasons against the token, empty when it is a valid proof; {@code signer} may be null (not named). */
    public List<Reason> reasons(Claims c, String expectedIssuer, String signer, Instant now) {
        List<Reason> reasons = new ArrayList<>();
        if (!expectedIssuer.equals(c.issuer())) {
            reasons.add(Reason.WRONG_ISSUER);
        }
        if (!"Bearer".equals(c.type())) {
            reasons.add(Reason.NOT_AN_ACCESS_TOKEN);
        }
        if (!settings.clientId().equals(c.authorizedParty())) {
            reasons.add(Reason.WRONG_CLIENT);
        }
        if (c.expires() == null || now.getEpochSecond() >= c.expires()) {
            reasons.add(Reason.TOKEN_EXPIRED);
        }
        if (!settings.acr().equals(c.acr())) {
            reasons.add(Reason.NOT_SIGNOFF_LEVEL);
        }
        if (c.authTime() == null) {
            reasons.add(Reason.NO_AUTH_TIME);
        } else if (now.getEpochSecond() - c.authTime() > settings.authWindow().toSeconds()) {
            reasons.add(Reason.REAUTHENTICATION_TOO_OLD);
        }
        // A token from a refresh (or any grant but the step-up's code) repeats the authentication's
        // acr and auth_time without the person being there again (issue 23): not a signature's proof.
        if (!CODE_GRANT.equals(c.grantType())) {
            reasons.add(Reason.REAUTHENTICATION_REQUIRED);
        }
        if (c.tokenId() == null || c.tokenId().isBlank()) {
            reasons.add(Reason.NO_TOKEN_ID);
        }
        if (c.subject() == null) {
            reasons.add(Reason.NO_SUBJECT);
        } else if (signer != null && !signer.equals(c.subject())) {
            reasons.add(Reason.OTHER_PERSON);
        }
        return reasons;
    }
}
