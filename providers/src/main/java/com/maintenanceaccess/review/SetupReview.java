package com.maintenanceaccess.review;

import jakarta.annotation.Nullable;
import com.maintenanceaccess.access.AccessCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The product article's "after creating a user" list for one user: name and work e-mail,
 * roles, areas reachable, personnel authorizations their templates require, account,
 * invitation accepted; and least privilege (privileged templates held).
 */
public final class SetupReview {

    /** Domains of personal mailboxes: a work e-mail is expected (the article's best practice). */
    static final Set<String> PERSONAL_MAIL_DOMAINS = Set.of("gmail.com", "googlemail.com", "outlook.com",
            "hotmail.com", "live.com", "yahoo.com", "icloud.com", "me.com", "aol.com", "gmx.de", "gmx.net",
            "web.de", "proton.me", "protonmail.com");

    public static final String NAME_AND_EMAIL = "name-and-work-email";
    public static final String ROLES = "roles";
    public static final String AREAS = "areas-reachable";
    public static final String AUTHORIZATIONS = "required-authorizations";
    public static final String ACCOUNT = "account";
    public static final String INVITATION = "invitation-accepted";
    public static final String LEAST_PRIVILEGE = "least-privilege";

    static final String CANNOT_LOG_IN_FIX = "Send the invitation (POST /mx/invitations), or remove the "
            + "\"Accept invitation\" required action (mx-accept-invitation) and add it again (Users → Details) to retry.";

    private SetupReview() {
    }

    /**
     * The review of one person, with what the person's page shows at its top: their name, whether
     * they can log in, and, when deactivated, when, by whom and why (null otherwise).
     */
    public record Review(String userId, String username, @Nullable String name, boolean enabled,
                         @Nullable Deactivation deactivation,
                         boolean complete, List<Check> checks, List<String> areas, List<String> roles) {

        public Review withDeactivation(Deactivation value) {
            return new Review(userId, username, name, enabled, value, complete, checks, areas, roles);
        }
    }

    /** A deactivation on record: when (ISO instant), by whom (username) and the reason given. */
    public record Deactivation(@Nullable String at, @Nullable String by, @Nullable String reason) {
    }

    public static Review review(UserFacts user, AccessCatalog catalog) {
        List<Check> checks = new ArrayList<>();
        checks.add(nameAndEmail(user).keyed("mxFix.nameAndEmail"));
        checks.add(roles(user).keyed("mxFix.assignTemplate"));
        List<String> areas = areas(user, catalog);
        checks.add((areas.isEmpty()
                ? Check.fail(AREAS, "Expected areas reachable",
                        Evidence.of("no area of the maintenance app is reachable", "noArea"),
                        "Assign the role template of the user's job.")
                : Check.pass(AREAS, "Expected areas reachable",
                        Evidence.of(String.join(", ", areas), "areas", new EvidenceParam("area", areas))))
                .keyed("mxFix.assignTemplate"));
        checks.add(requiredAuthorizations(user).keyed("mxFix.recordAuthorization"));
        checks.add(account(user));
        checks.add(user.cannotLogIn().isPresent()
                ? Check.fail(INVITATION, "Invitation accepted", cannotLogIn(user), CANNOT_LOG_IN_FIX).keyed("mxFix.cannotLogIn")
                : user.invitationAccepted()
                ? Check.pass(INVITATION, "Invitation accepted", user.invitationStatus() == null
                        ? Evidence.of("no invitation on record", "noInvitation")
                        : Evidence.of("accepted", "invitationAccepted")).keyed(null)
                : Check.fail(INVITATION, "Invitation accepted", invitationIs(user),
                        "Ask the user to accept the invitation, resend it, or correct the address.").keyed("mxFix.invitationNotAccepted"));
        checks.add(leastPrivilege(user).keyed("mxFix.acknowledgePrivileged"));
        boolean complete = checks.stream().allMatch(Check::passed);
        List<String> roles = user.templates().stream().map(UserFacts.Template::name).toList();
        String name = String.join(" ", java.util.stream.Stream.of(user.firstName(), user.lastName())
                .filter(part -> part != null && !part.isBlank()).toList());
        return new Review(user.id(), user.username(), name.isEmpty() ? null : name, user.enabled(), null, complete,
                checks, areas, roles);
    }

    /** The areas of the catalog in which the user holds at least one permission. */
    static List<String> areas(UserFacts user, AccessCatalog catalog) {
        Set<String> areas = new TreeSet<>();
        for (String permission : user.permissions()) {
            int colon = permission.indexOf(':');
            if (colon > 0 && catalog.area(permission.substring(0, colon)).isPresent()) {
                areas.add(permission.substring(0, colon));
            }
        }
        return List.copyOf(areas);
    }

    /** Why the person cannot log in (see {@link UserFacts#cannotLogIn()}, whose sentence is the English). */
    static Evidence cannotLogIn(UserFacts user) {
        String text = user.cannotLogIn().orElseThrow();
        return user.invitationStatus() == null
                ? Evidence.of(text, "cannotLogInNeverSent")
                : Evidence.of(text, "cannotLogIn", EvidenceParam.of("invitationStatus", user.invitationStatus()));
    }

    static Evidence invitationIs(UserFacts user) {
        return Evidence.of("invitation is " + user.invitationStatus(), "invitationIs",
                EvidenceParam.of("invitationStatus", user.invitationStatus()));
    }

    private static Check nameAndEmail(UserFacts user) {
        String title = "Name and work e-mail";
        List<String> problems = new ArrayList<>();
        List<EvidencePart> parts = new ArrayList<>();
        if (blank(user.firstName()) || blank(user.lastName())) {
            problems.add("first or last name missing");
            parts.add(EvidencePart.of("nameMissing"));
        }
        if (blank(user.email())) {
            problems.add("e-mail missing");
            parts.add(EvidencePart.of("emailMissing"));
        } else if (isPersonal(user.email())) {
            problems.add(user.email() + " is a personal mailbox, not a work e-mail");
            parts.add(EvidencePart.of("personalMailbox", EvidenceParam.text(user.email())));
        }
        return problems.isEmpty()
                ? Check.pass(NAME_AND_EMAIL, title, Evidence.of(user.firstName() + " " + user.lastName() + " <" + user.email() + ">",
                        "nameAndEmail", EvidenceParam.text(user.firstName() + " " + user.lastName()), EvidenceParam.text(user.email())))
                : Check.fail(NAME_AND_EMAIL, title, Evidence.of(String.join("; ", problems), parts),
                        "Correct the user's name and work e-mail (Users → Details).");
    }

    private static Check roles(UserFacts user) {
        List<String> names = user.templates().stream().map(UserFacts.Template::name).toList();
        return user.templates().isEmpty()
                ? Check.fail(ROLES, "Role templates assigned", Evidence.of("none", "noTemplate"),
                        "Assign the role template of the user's job.")
                : Check.pass(ROLES, "Role templates assigned",
                        Evidence.of(String.join(", ", names), "templates", EvidenceParam.templates(names)));
    }

    private static Check requiredAuthorizations(UserFacts user) {
        String title = "Personnel authorizations the roles require";
        List<UserFacts.Template> lacking = user.templates().stream()
                .filter(template -> template.requiresAuthorization() != null)
                .filter(template -> !user.validAuthorizationTypes().contains(template.requiresAuthorization()))
                .toList();
        if (lacking.isEmpty()) {
            List<String> valid = List.copyOf(new TreeSet<>(user.validAuthorizationTypes()));
            return Check.pass(AUTHORIZATIONS, title, valid.isEmpty()
                    ? Evidence.of("none required", "noneRequired")
                    : Evidence.of("valid: " + String.join(", ", valid), "authorizationsValid", EvidenceParam.authorizationTypes(valid)));
        }
        List<String> missing = new ArrayList<>();
        List<EvidencePart> parts = new ArrayList<>();
        for (UserFacts.Template template : lacking) {
            String type = template.requiresAuthorization();
            String line = type + " (for " + template.name() + ")" + AccessExplainer.unusable(user, type);
            if (!missing.contains(line)) {
                missing.add(line);
                parts.add(EvidencePart.of("authorizationMissingFor", EvidenceParam.authorizationTypes(List.of(type)),
                        EvidenceParam.templates(List.of(template.name()))));
                parts.addAll(AccessExplainer.unusableParts(user, type));
            }
        }
        return Check.fail(AUTHORIZATIONS, title, Evidence.of("missing or not valid: " + String.join(", ", missing), parts),
                "Compliance must record the authorization, or remove the role that requires it.");
    }

    private static Check account(UserFacts user) {
        List<String> accounts = user.accounts().stream().filter(UserFacts.Account::enabled)
                .map(UserFacts.Account::alias).toList();
        if (accounts.isEmpty()) {
            return Check.fail(ACCOUNT, "Correct account", Evidence.of("member of no enabled account", "noEnabledAccount"),
                    "Add the user to their maintenance organisation.").keyed("mxFix.addToAccount");
        }
        return AccountMatch.mismatch(user)
                .map(problem -> Check.fail(ACCOUNT, "Correct account", problem, AccountMatch.fix(user)))
                .orElse(Check.pass(ACCOUNT, "Correct account",
                        Evidence.of(String.join(", ", accounts), "accounts", EvidenceParam.accounts(user.accounts().stream()
                                .filter(UserFacts.Account::enabled).map(UserFacts.Account::name).toList()))))
                .keyed("mxFix.correctAccount");
    }

    /**
     * Fails for every privileged template, whichever path grants it (direct, composite, group,
     * parent group: all listed), until an administrator acknowledges exactly these templates
     * with a reason (POST /mx/users/{id}/review/acknowledge-privileged).
     */
    private static Check leastPrivilege(UserFacts user) {
        String title = "No administrator access without need";
        List<String> privileged = user.templates().stream().filter(UserFacts.Template::privileged)
                .map(UserFacts.Template::name).toList();
        if (privileged.isEmpty()) {
            return Check.pass(LEAST_PRIVILEGE, title, Evidence.of("no privileged role template", "noPrivileged"));
        }
        UserFacts.Acknowledgement ack = user.standing().acknowledgement();
        if (ack != null && ack.templates().equals(Set.copyOf(privileged))) {
            return Check.pass(LEAST_PRIVILEGE, title, Evidence.of("privileged " + String.join(", ", privileged)
                    + " acknowledged by " + ack.by() + " at " + ack.at() + ": " + ack.reason(), "privilegedAcknowledged",
                    EvidenceParam.templates(privileged), EvidenceParam.text(ack.by()),
                    EvidenceParam.of("time", String.valueOf(ack.at())), EvidenceParam.text(ack.reason())));
        }
        boolean operational = user.templates().stream().anyMatch(template -> !template.privileged());
        List<EvidencePart> parts = new ArrayList<>();
        List<String> held = privileged.stream().map(name -> {
            List<PrivilegePaths.PrivilegePath> paths = user.standing().privilegedPaths().getOrDefault(name, List.of());
            // Each path a part of its own (mxEvidence.path.*) right after the template it leads to:
            // a client shows them in brackets after it, as the English sentence does.
            parts.add(EvidencePart.of("holdsPrivileged", EvidenceParam.templates(List.of(name))));
            paths.forEach(path -> parts.add(path.part()));
            return paths.isEmpty() ? name : name + " (via " + String.join("; ", PrivilegePaths.texts(paths)) + ")";
        }).toList();
        if (operational) {
            parts.add(EvidencePart.of("alsoOperational"));
        }
        if (ack != null) {
            parts.add(EvidencePart.of("acknowledgementCovers", EvidenceParam.templates(new TreeSet<>(ack.templates()))));
        }
        return Check.fail(LEAST_PRIVILEGE, title, Evidence.of("holds privileged " + String.join(", ", held)
                        + (operational ? " and operational roles" : "")
                        + (ack == null ? "" : "; the acknowledgement on record covers " + new TreeSet<>(ack.templates())), parts),
                "Confirm the user needs administrator access and acknowledge it with a reason "
                        + "(POST /mx/users/{id}/review/acknowledge-privileged); remove it if they only need operational access.");
    }

    static boolean isPersonal(String email) {
        int at = email.lastIndexOf('@');
        return at > 0 && PERSONAL_MAIL_DOMAINS.contains(email.substring(at + 1).toLowerCase(java.util.Locale.ROOT));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
