package com.maintenanceaccess.invitation.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a person already has to get in, and whether that rules out an invitation.
 *
 * <p>An invitation is a way in for whoever holds its link: sending one, sending it again or
 * moving it to another address hands a login to that address. For a person who has not yet got
 * in that is the point; for one who has (a password or an identity-provider link, a past login,
 * a realm operator's role) it would let an administrator take their login over: invite them,
 * move the invitation to her own address, accept it and sign in their name. Such a person's
 * address changes only through their own verified e-mail change or a realm operator in the
 * admin console (docs/invitations.md, "Who can be invited").
 *
 * @param credential     a stored credential (a password, OTP, passkey …)
 * @param identityLink   a link to an identity provider
 * @param signedInBefore a login was ever recorded
 * @param realmOperator  holds a role of the realm's realm-management client
 */
public record SignInState(boolean credential, boolean identityLink, boolean signedInBefore, boolean realmOperator) {

    /** Why no invitation may reach this person, or empty when one may. */
    public Optional<String> refusal() {
        List<String> reasons = new ArrayList<>();
        if (credential) {
            reasons.add("has a password or another credential");
        }
        if (identityLink) {
            reasons.add("signs in through an identity provider");
        }
        if (signedInBefore) {
            reasons.add("has signed in before");
        }
        if (realmOperator) {
            reasons.add("is a realm operator");
        }
        if (reasons.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("this person already " + String.join(", ", reasons)
                + ": an invitation would hand their login to whoever holds the link. Their address changes"
                + " only through their own verified e-mail change or a realm operator");
    }
}
