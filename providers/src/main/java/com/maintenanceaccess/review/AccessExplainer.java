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
            return Check.fail(INVITATION, title, SetupReview.cannotLogIn(user), SetupReview.CANNOT_LOG_IN_FIX).keyed("mxFix.cannotLogIn");
        }
        if (user.invitationAccepted()) {
            return Check.pass(INVITATION, title, user.invitationStatus() == null
                    ? Evidence.of("no invitation on record (account created directly)", "noInvitationCreatedDirectly")
                    : Evidence.of("invitation accepted", "invitationAccepted")).keyed(null);
        }
        return Check.fail(INVITATION, title, SetupReview.invitationIs(user),
                "pending".equals(user.invitationStatus())
                        ? "Ask the person to accept the invitation e-mail, or send it again from the workspace (Invitations)."
                        : "Send a new invitation from the workspace (People).")
                .keyed("pending".equals(user.invitationStatus()) ? "mxFix.invitationPending" : "mxFix.invitationNew");
    }

    private static Check enabled(UserFacts user) {
        return (user.enabled()
                ? Check.pass(ENABLED, "User enabled", Evidence.of("user is enabled", "enabled"))
                : Check.fail(ENABLED, "User enabled", Evidence.of("user is disabled", "disabled"),
                        "Reactivate the person on their page in the workspace if they still need access.")).keyed("mxFix.reactivate");
    }

    private static Check account(UserFacts user) {
        List<String> enabled = user.accounts().stream().filter(UserFacts.Account::enabled)
                .map(UserFacts.Account::alias).toList();
        if (enabled.isEmpty()) {
            return Check.fail(ACCOUNT, "Member of the account", user.accounts().isEmpty()
                        ? Evidence.of("member of no account", "noAccount")
                        : Evidence.of("member only of disabled accounts " + aliases(user.accounts()), "onlyDisabledAccounts",
                                EvidenceParam.accounts(user.accounts().stream().map(UserFacts.Account::name).toList())),
                        "Add the user to their maintenance organisation (Organizations → Members).").keyed("mxFix.addToAccount");
        }
        return AccountMatch.mismatch(user)
                .map(problem -> Check.fail(ACCOUNT, "Member of the account", problem, AccountMatch.fix(user)))
                .orElse(Check.pass(ACCOUNT, "Member of the account", Evidence.of("member of " + String.join(", ", enabled),
                        "memberOf", EvidenceParam.accounts(user.accounts().stream().filter(UserFacts.Account::enabled)
                                .map(UserFacts.Account::name).toList()))))
                .keyed("mxFix.correctAccount");
    }

    private static Check role(UserFacts user) {
        List<String> names = user.templates().stream().map(UserFacts.Template::name).toList();
        return (user.templates().isEmpty()
                ? Check.fail(ROLE, "A role assigned", Evidence.of("no role template assigned", "noTemplateAssigned"),
                        "Assign the role template of the user's job (Users → Role mapping).")
                : Check.pass(ROLE, "A role assigned", Evidence.of("role templates: " + String.join(", ", names),
                        "templatesHeld", EvidenceParam.templates(names)))).keyed("mxFix.assignTemplate");
    }

    private static Check permission(UserFacts user, AccessCatalog.Page page) {
        String title = "A role includes the permission";
        EvidenceParam permission = EvidenceParam.of("permission", page.permission());
        return (user.permissions().contains(page.permission())
                ? Check.pass(PERMISSION, title, Evidence.of("user holds " + page.permission(), "holdsPermission", permission))
                : Check.fail(PERMISSION, title, Evidence.of("none of the user's roles includes " + page.permission(),
                                "lacksPermission", permission),
                        "Assign a role template that includes " + page.permission()
                                + ", or add the permission to the user's template.")).keyed("mxFix.grantPermission", permission);
    }

    private static Check feature(UserFacts user, AccessCatalog.Page page) {
        String title = "Feature enabled for the account";
        if (page.feature() == null) {
            return Check.pass(FEATURE, title, Evidence.of("the page belongs to no feature", "noFeature")).keyed(null);
        }
        Optional<UserFacts.Account> with = user.accounts().stream()
                .filter(account -> account.features().contains(page.feature())).findFirst();
        EvidenceParam feature = EvidenceParam.of("feature", page.feature());
        String off = "feature " + page.feature() + " is not enabled for "
                + (user.accounts().isEmpty() ? "any account" : aliases(user.accounts()));
        return (with.isPresent()
                ? Check.pass(FEATURE, title, Evidence.of("feature " + page.feature() + " is enabled for " + with.get().alias(),
                        "featureOn", feature, EvidenceParam.accounts(List.of(with.get().name()))))
                : Check.fail(FEATURE, title, user.accounts().isEmpty() ? Evidence.of(off, "featureOffNoAccount", feature)
                                : Evidence.of(off, "featureOff", feature,
                                        EvidenceParam.accounts(user.accounts().stream().map(UserFacts.Account::name).toList())),
                        "Enable feature " + page.feature() + " for the account (PUT /mx/accounts/{id}).")).keyed("mxFix.enableFeature", feature);
    }

    private static Check setupMode(UserFacts user, AccessCatalog.Page page) {
        String title = "Page shown only in setup mode";
        if (!page.setupOnly()) {
            return Check.pass(SETUP_MODE, title, Evidence.of("the page is shown outside setup mode too", "notSetupOnly")).keyed(null);
        }
        return (user.accounts().stream().anyMatch(UserFacts.Account::setupModeNow)
                ? Check.pass(SETUP_MODE, title, Evidence.of("setup-only page; the account is in setup mode", "setupModeOn"))
                : Check.fail(SETUP_MODE, title, Evidence.of("setup-only page; the account is not in setup mode", "setupModeOff"),
                        "Switch setup mode on for the account while it is being set up (PUT /mx/accounts/{id}).")).keyed("mxFix.setupMode");
    }

    private static Check authorization(UserFacts user, AccessCatalog.Page page) {
        String title = "Personnel authorization required and valid";
        if (page.authorizationType() == null) {
            return Check.pass(AUTHORIZATION, title, Evidence.of("no personnel authorization required", "noAuthorizationRequired")).keyed(null);
        }
        EvidenceParam type = EvidenceParam.authorizationTypes(List.of(page.authorizationType()));
        return (user.validAuthorizationTypes().contains(page.authorizationType())
                ? Check.pass(AUTHORIZATION, title, Evidence.of("valid " + page.authorizationType() + " authorization on record",
                        "authorizationValid", type))
                : Check.fail(AUTHORIZATION, title, Evidence.of("no valid " + page.authorizationType() + " authorization"
                                + unusable(user, page.authorizationType()), "authorizationMissing", type)
                                .and(unusableParts(user, page.authorizationType())),
                        "Compliance must grant or reinstate a " + page.authorizationType()
                                + " authorization in the workspace (Authorizations).")).keyed("mxFix.grantAuthorization", type);
    }

    /** The records of the type on file that cannot be used, and why (the signoff check's reasons). */
    static String unusable(UserFacts user, String type) {
        List<String> records = user.standing().unusableAuthorizations().stream()
                .filter(u -> u.type().equals(type))
                .map(u -> u.reference() + " cannot be used: " + String.join(", ", u.reasons()))
                .toList();
        return records.isEmpty() ? "" : " (" + String.join("; ", records) + ")";
    }

    /** The same, a part per record: its reference and the reasons, each in words. */
    static List<EvidencePart> unusableParts(UserFacts user, String type) {
        return user.standing().unusableAuthorizations().stream()
                .filter(u -> u.type().equals(type))
                .map(u -> EvidencePart.of("cannotBeUsed", EvidenceParam.text(u.reference()), new EvidenceParam("reason", u.reasons())))
                .toList();
    }

    private static String aliases(List<UserFacts.Account> accounts) {
        return accounts.stream().map(UserFacts.Account::alias).collect(Collectors.joining(", "));
    }
}
