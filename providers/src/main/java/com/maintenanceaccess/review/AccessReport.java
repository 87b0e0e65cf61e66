package com.maintenanceaccess.review;

import com.maintenanceaccess.kernel.Csv;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The regular access review of the product article, as findings per user: administrators
 * (and operational users who also hold a privileged template), no login for N days,
 * invitations pending longer than N days, roles that require an authorization the user
 * lacks, authorizations expiring within N days, disabled users still holding roles, and
 * users in no account.
 */
public final class AccessReport {

    public static final String ADMINISTRATOR = "administrator";
    public static final String OPERATIONAL_WITH_PRIVILEGED = "operational-with-privileged";
    public static final String NO_LOGIN = "no-login";
    public static final String PENDING_INVITATION = "pending-invitation";
    public static final String MISSING_AUTHORIZATION = "missing-authorization";
    public static final String EXPIRING_AUTHORIZATION = "expiring-authorization";
    public static final String DISABLED_WITH_ROLES = "disabled-with-roles";
    public static final String NO_ACCOUNT = "no-account";

    public static final List<String> CATEGORIES = List.of(ADMINISTRATOR, OPERATIONAL_WITH_PRIVILEGED, NO_LOGIN,
            PENDING_INVITATION, MISSING_AUTHORIZATION, EXPIRING_AUTHORIZATION, DISABLED_WITH_ROLES, NO_ACCOUNT);

    private AccessReport() {
    }

    public record Thresholds(int inactiveDays, int pendingDays, int expiringDays) {
    }

    public record Finding(String category, String userId, String username, String detail) {
    }

    /**
     * @param lastLogin when the user last logged in, or null if never since the bundle records it
     * @param created   when the user was created (the baseline for "never logged in")
     */
    public static List<Finding> findings(UserFacts user, Instant lastLogin, Instant created, Thresholds thresholds,
                                         Instant now) {
        List<Finding> findings = new ArrayList<>();
        List<String> privileged = user.templates().stream().filter(UserFacts.Template::privileged)
                .map(UserFacts.Template::name).toList();
        if (!privileged.isEmpty()) {
            findings.add(finding(ADMINISTRATOR, user, "holds " + String.join(", ", privileged)));
            List<String> operational = user.templates().stream().filter(template -> !template.privileged())
                    .map(UserFacts.Template::name).toList();
            if (!operational.isEmpty()) {
                findings.add(finding(OPERATIONAL_WITH_PRIVILEGED, user, "operational " + String.join(", ", operational)
                        + " together with privileged " + String.join(", ", privileged)));
            }
        }
        if (user.enabled() && user.invitationAccepted()) {
            Instant since = lastLogin != null ? lastLogin : created;
            if (since != null && Duration.between(since, now).toDays() >= thresholds.inactiveDays()) {
                findings.add(finding(NO_LOGIN, user, lastLogin != null
                        ? "last login " + lastLogin + ", " + Duration.between(lastLogin, now).toDays() + " days ago"
                        : "never logged in since created " + created));
            }
        }
        if ("pending".equals(user.invitationStatus()) && user.invitationSentAt() != null
                && Duration.between(user.invitationSentAt(), now).toDays() >= thresholds.pendingDays()) {
            findings.add(finding(PENDING_INVITATION, user, "pending since " + user.invitationSentAt()));
        }
        String missing = user.templates().stream()
                .filter(template -> template.requiresAuthorization() != null)
                .filter(template -> !user.validAuthorizationTypes().contains(template.requiresAuthorization()))
                .map(template -> template.name() + " requires " + template.requiresAuthorization())
                .collect(Collectors.joining("; "));
        if (!missing.isEmpty() && user.enabled()) {
            findings.add(finding(MISSING_AUTHORIZATION, user, missing));
        }
        Instant horizon = now.plus(Duration.ofDays(thresholds.expiringDays()));
        for (UserFacts.Expiring expiring : user.authorizationsExpiring()) {
            if (expiring.validUntil() != null && expiring.validUntil().isBefore(horizon)) {
                findings.add(finding(EXPIRING_AUTHORIZATION, user, expiring.type() + " " + expiring.reference()
                        + " valid until " + expiring.validUntil()));
            }
        }
        if (!user.enabled() && !user.templates().isEmpty()) {
            findings.add(finding(DISABLED_WITH_ROLES, user, "disabled, still holds "
                    + user.templates().stream().map(UserFacts.Template::name).collect(Collectors.joining(", "))));
        }
        if (user.accounts().isEmpty()) {
            findings.add(finding(NO_ACCOUNT, user, "member of no account"));
        }
        return findings;
    }

    /** CSV with a header, written by the one CSV writer ({@link Csv}: every cell quoted, formulas neutralised). */
    public static String csv(List<Finding> findings) {
        StringBuilder csv = new StringBuilder(Csv.line(List.of("category", "userId", "username", "detail")));
        for (Finding finding : findings) {
            csv.append(Csv.line(java.util.Arrays.asList(finding.category(), finding.userId(), finding.username(),
                    finding.detail())));
        }
        return csv.toString();
    }

    private static Finding finding(String category, UserFacts user, String detail) {
        return new Finding(category, user.id(), user.username(), detail);
    }
}
