package com.maintenanceaccess.invitation.flow;

/**
 * Whether an identity provider vouches for the address an invitation was sent to. A plain rule:
 * the brokered address must equal the invited one (ignoring case), the realm's administrator must
 * have marked the provider as verifying addresses ("Trust email"), and the provider must not say
 * the opposite for this person (an OpenID Connect {@code email_verified} claim of {@code false}).
 */
final class BrokeredEmail {

    enum Verdict { MATCH, MISMATCH, UNVERIFIED }

    private BrokeredEmail() {
    }

    /**
     * @param invitedEmail the address on the invitation (and the user)
     * @param brokeredEmail the address the identity provider reported
     * @param providerTrusted the provider's "Trust email" setting
     * @param emailVerifiedClaim the provider's {@code email_verified} claim, {@code null} when it sent none
     */
    static Verdict judge(String invitedEmail, String brokeredEmail, boolean providerTrusted, Boolean emailVerifiedClaim) {
        if (invitedEmail == null || invitedEmail.isBlank() || brokeredEmail == null
                || !brokeredEmail.equalsIgnoreCase(invitedEmail)) {
            return Verdict.MISMATCH;
        }
        if (!providerTrusted || Boolean.FALSE.equals(emailVerifiedClaim)) {
            return Verdict.UNVERIFIED;
        }
        return Verdict.MATCH;
    }
}
