package com.maintenanceaccess.review;

import java.util.List;
import java.util.Optional;

/**
 * "The correct account" for explain and the setup review alike: being a member of some enabled
 * account is not enough. The person must be a member of the account their invitation was for,
 * and of the account whose domains include their e-mail domain (Organizations → Domains).
 */
final class AccountMatch {

    private AccountMatch() {
    }

    /** What is wrong with the person's membership beyond "no enabled account", or empty. */
    static Optional<Evidence> mismatch(UserFacts user) {
        UserFacts.AccountRef invited = user.standing().invitationAccount();
        if (invited != null && !memberOf(user, invited)) {
            String text = "invited into account " + invited.alias() + " but a member of " + memberships(user);
            EvidenceParam account = EvidenceParam.accounts(List.of(invited.name()));
            return Optional.of(user.accounts().isEmpty() ? Evidence.of(text, "invitedIntoNoMember", account)
                    : Evidence.of(text, "invitedInto", account, memberParam(user)));
        }
        UserFacts.AccountRef domain = user.standing().emailDomainAccount();
        if (domain != null && !memberOf(user, domain)) {
            String text = "e-mail " + user.email() + " is in a domain of account " + domain.alias()
                    + " but the user is a member of " + memberships(user);
            EvidenceParam email = EvidenceParam.text(user.email());
            EvidenceParam account = EvidenceParam.accounts(List.of(domain.name()));
            return Optional.of(user.accounts().isEmpty() ? Evidence.of(text, "emailDomainOfNoMember", email, account)
                    : Evidence.of(text, "emailDomainOf", email, account, memberParam(user)));
        }
        return Optional.empty();
    }

    /** The accounts the person is a member of (none: a key of its own says so). */
    private static EvidenceParam memberParam(UserFacts user) {
        return EvidenceParam.accounts(user.accounts().stream().map(UserFacts.Account::name).toList());
    }

    static String fix(UserFacts user) {
        return "Make the user a member of their own maintenance organisation (Organizations → Members), "
                + "or correct their e-mail address if it is wrong.";
    }

    private static boolean memberOf(UserFacts user, UserFacts.AccountRef account) {
        return user.accounts().stream().anyMatch(a -> a.enabled() && a.id().equals(account.id()));
    }

    private static String memberships(UserFacts user) {
        return user.accounts().isEmpty() ? "no account"
                : String.join(", ", user.accounts().stream().map(UserFacts.Account::alias).toList());
    }
}
