package com.maintenanceaccess.review;

import com.maintenanceaccess.kernel.AccountPermission;
import com.maintenanceaccess.kernel.Authority;
import com.maintenanceaccess.kernel.Problems;
import java.util.List;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * Which account a question about one person is asked in (explain, reachable pages, setup review,
 * privileged acknowledgement): role templates are held per account, so the answer differs.
 * {@code account=} names it; without it, the person's only account the caller may look at; a
 * realm operator asking about a person in several accounts (or none) gets the realm view (null).
 * An account person who shares several accounts with the person must say which (400).
 */
final class ReviewAccount {

    private ReviewAccount() {
    }

    /** Whether a record issued by {@code issuer} belongs in a view of {@code inAccount} (null: the realm view, every account). */
    static boolean shows(OrganizationModel inAccount, String issuer) {
        return inAccount == null || inAccount.getId().equals(issuer);
    }

    static OrganizationModel of(KeycloakSession session, Authority caller, UserModel target, String accountParam,
                                AccountPermission permission) {
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        if (organizations == null || !organizations.isEnabled()) {
            return null;
        }
        if (accountParam != null && !accountParam.isBlank()) {
            OrganizationModel account = caller.account(accountParam.trim(), permission);
            if (!organizations.isMember(account, target)) {
                throw Problems.notFound("user", target.getId());
            }
            return account;
        }
        boolean operator = permission.grantedToOperator(caller);
        List<OrganizationModel> candidates = (operator ? organizations.getByMember(target).toList() : caller.sharedAccounts(target))
                .stream().filter(account -> caller.may(account, permission)).toList();
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (operator || candidates.isEmpty()) {
            return null;
        }
        throw Problems.invalid("account", "the person is in several of your accounts: say which one (account=<id or alias>)");
    }
}
