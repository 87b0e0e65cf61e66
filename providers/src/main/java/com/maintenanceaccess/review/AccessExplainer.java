package com.maintenanceaccess.review;

import com.maintenanceaccess.access.AccessCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Walks the product article's checks for one user and one page or action of the access
 * catalog, in the article's order. Every check is evaluated (not only up to the first
 * failure) so an administrator sees everything that stands in the way at once.
 */
public final class AccessExplainer {

    public static final String INVITATION = "invitation-accepted";
    public static final String ENABLED = "user-enabled";
    public static final String ACCOUNT = "account-member";
    public static final String ROLE = "role-assigned";
    public static final String PERMISSION = "role-includes-permission";
    public static final String FEATURE = "feature-enabled";
    public static final String SETUP_MODE = "setup-mode";
    public static final String AUTHORIZATION = "personnel-authorization";

    private AccessExplainer() {
    }

    public record Explanation(String page, String permission, boolean allowed, List<Check> checks) {
    }

    public static Explanation explain(UserFacts user, AccessCatalog.Page page) {
        List<Check> checks = new ArrayList<>();
        checks.add(invitation(user));
        checks.add(enabled(user));
        checks.add(account(user));
        checks.add(role(user));
        checks.add(permission(user, page));
        checks.add(feature(user, page));
        checks.add(setupMode(user, page));
        checks.add(authorization(user, page));
        boolean allowed = checks.stream().allMatch(Check::passed);
        return new Explanation(page.id(), page.permission(), allowed, checks);
    }

    /** Every page and action of the catalog the user can reach now. */
    public static List<AccessCatalog.Page> reachable(UserFacts user, AccessCatalog catalog) {
        return catalog.pages().stream().filter(page -> explain(user, page).allowed()).toList();
    }

    private static Check invitation(UserFacts user) {
        String title = "Invitation accepted";
        java.util.Optional<String> locked = user.cannotLogIn();
        if (locked.isPresent()) {
            return Check.fail(INVITATION, title, locked.get(), SetupReview.CANNOT_LOG_IN_FIX).keyed("mxFix.cannotLogIn");
        }
        if (user.invitationAccepted()) {
            return Check.pass(INVITATION, title, user.invitationStatus() == null
                    ? "no invitation on record (account created directly)" : "invitation accepted").keyed(null);
        }
        return Check.fail(INVITATION, title, "invitation is " + user.invitationStatus(),
                "pending".equals(user.invitationStatus())
                        ? "Ask the person to accept the invitation e-mail, or send it again from the workspace (Invitations)."
                        : "Send a new invitation from the workspace (People).")
                .keyed("pending".equals(user.invitationStatus()) ? "mxFix.invitationPending" : "mxFix.invitationNew");
    }

    private static Check enabled(UserFacts user) {
        return (user.enabled()
                ? Check.pass(ENABLED, "User enabled", "user is enabled")
                : Check.fail(ENABLED, "User enabled", "user is disabled",
                        "Reactivate the person on their page in the workspace if they still need access.")).keyed("mxFix.reactivate");
    }

    private static Check account(UserFacts user) {
        List<String> enabled = user.accounts().stream().filter(UserFacts.Account::enabled)
                .map(UserFacts.Account::alias).toList();
        if (enabled.isEmpty()) {
            return Check.fail(ACCOUNT, "Member of the account", user.accounts().isEmpty()
                        ? "member of no account" : "member only of disabled accounts " + aliases(user.accounts()),
                        "Add the user to their maintenance organisation (Organizations → Members).").keyed("mxFix.addToAccount");
        }
        return AccountMatch.mismatch(user)
                .map(problem -> Check.fail(ACCOUNT, "Member of the account", problem, AccountMatch.fix(user)))
                .orElse(Check.pass(ACCOUNT, "Member of the account", "member of " + String.join(", ", enabled)))
                .keyed("mxFix.correctAccount");
    }

    private static Check role(UserFacts user) {
        return (user.templates().isEmpty()
                ? Check.fail(ROLE, "A role assigned", "no role template assigned",
                        "Assign the role template of the user's job (Users → Role mapping).")
                : Check.pass(ROLE, "A role assigned", "role templates: "
                        + user.templates().stream().map(UserFacts.Template::name).collect(Collectors.joining(", ")))).keyed("mxFix.assignTemplate");
    }

    private static Check permission(UserFacts user, AccessCatalog.Page page) {
        String title = "A role includes the permission";
        return (user.permissions().contains(page.permission())
                ? Check.pass(PERMISSION, title, "user holds " + page.permission())
                : Check.fail(PERMISSION, title, "none of the user's roles includes " + page.permission(),
                        "Assign a role template that includes " + page.permission()
                                + ", or add the permission to the user's template.")).keyed("mxFix.grantPermission", page.permission());
    }

    private static Check feature(UserFacts user, AccessCatalog.Page page) {
        String title = "Feature enabled for the account";
        if (page.feature() == null) {
            return Check.pass(FEATURE, title, "the page belongs to no feature").keyed(null);
        }
        Optional<UserFacts.Account> with = user.accounts().stream()
                .filter(account -> account.features().contains(page.feature())).findFirst();
        return (with.isPresent()
                ? Check.pass(FEATURE, title, "feature " + page.feature() + " is enabled for " + with.get().alias())
                : Check.fail(FEATURE, title, "feature " + page.feature() + " is not enabled for "
                                + (user.accounts().isEmpty() ? "any account" : aliases(user.accounts())),
                        "Enable feature " + page.feature() + " for the account (PUT /mx/accounts/{id}).")).keyed("mxFix.enableFeature", page.feature());
    }

    private static Check setupMode(UserFacts user, AccessCatalog.Page page) {
        String title = "Page shown only in setup mode";
        if (!page.setupOnly()) {
            return Check.pass(SETUP_MODE, title, "the page is shown outside setup mode too").keyed(null);
        }
        return (user.accounts().stream().anyMatch(UserFacts.Account::setupModeNow)
                ? Check.pass(SETUP_MODE, title, "setup-only page; the account is in setup mode")
                : Check.fail(SETUP_MODE, title, "setup-only page; the account is not in setup mode",
                        "Switch setup mode on for the account while it is being set up (PUT /mx/accounts/{id}).")).keyed("mxFix.setupMode");
    }

    private static Check authorization(UserFacts user, AccessCatalog.Page page) {
        String title = "Personnel authorization required and valid";
        if (page.authorizationType() == null) {
            return Check.pass(AUTHORIZATION, title, "no personnel authorization required").keyed(null);
        }
        return (user.validAuthorizationTypes().contains(page.authorizationType())
                ? Check.pass(AUTHORIZATION, title, "valid " + page.authorizationType() + " authorization on record")
                : Check.fail(AUTHORIZATION, title, "no valid " + page.authorizationType() + " authorization"
                                + unusable(user, page.authorizationType()),
                        "Compliance must grant or reinstate a " + page.authorizationType()
                                + " authorization in the workspace (Authorizations).")).keyed("mxFix.grantAuthorization",
                page.authorizationType());
    }

    /** The records of the type on file that cannot be used, and why (the signoff check's reasons). */
    static String unusable(UserFacts user, String type) {
        List<String> records = user.standing().unusableAuthorizations().stream()
                .filter(u -> u.type().equals(type))
                .map(u -> u.reference() + " cannot be used: " + String.join(", ", u.reasons()))
                .toList();
        return records.isEmpty() ? "" : " (" + String.join("; ", records) + ")";
    }

    private static String aliases(List<UserFacts.Account> accounts) {
        return accounts.stream().map(UserFacts.Account::alias).collect(Collectors.joining(", "));
    }
}
