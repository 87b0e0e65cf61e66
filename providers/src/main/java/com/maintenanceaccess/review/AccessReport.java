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

    /**
     * One finding about one person: {@code detail} is the English sentence (API clients, logs), with
     * role templates and types as stored; {@code detailParts} says the same as message keys of the
     * themes ({@code mxFindingDetail.*}, English and German) with parameters by kind
     * ({@link EvidenceParam}), so that the workspace shows it in the reader's language with names in
     * words, and the CSV in the language asked for ({@link #csv(List, java.util.function.Function)}).
     */
    public record Finding(String category, String userId, String username, String detail, List<EvidencePart> detailParts) {
        public Finding {
            detailParts = detailParts == null ? List.of() : List.copyOf(detailParts);
        }
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
            findings.add(finding(ADMINISTRATOR, user, "holds " + String.join(", ", privileged),
                    part("holds", EvidenceParam.templates(privileged))));
            List<String> operational = user.templates().stream().filter(template -> !template.privileged())
                    .map(UserFacts.Template::name).toList();
            if (!operational.isEmpty()) {
                findings.add(finding(OPERATIONAL_WITH_PRIVILEGED, user, "operational " + String.join(", ", operational)
                        + " together with privileged " + String.join(", ", privileged),
                        part("operationalWithPrivileged", EvidenceParam.templates(operational), EvidenceParam.templates(privileged))));
            }
        }
        if (user.enabled() && user.invitationAccepted()) {
            Instant since = lastLogin != null ? lastLogin : created;
            if (since != null && Duration.between(since, now).toDays() >= thresholds.inactiveDays()) {
                findings.add(lastLogin != null
                        ? finding(NO_LOGIN, user, "last login " + lastLogin + ", " + Duration.between(lastLogin, now).toDays()
                                + " days ago", part("lastLogin", time(lastLogin),
                                EvidenceParam.text(String.valueOf(Duration.between(lastLogin, now).toDays()))))
                        : finding(NO_LOGIN, user, "never logged in since created " + created, part("neverLoggedIn", time(created))));
            }
        }
        if ("pending".equals(user.invitationStatus()) && user.invitationSentAt() != null
                && Duration.between(user.invitationSentAt(), now).toDays() >= thresholds.pendingDays()) {
            findings.add(finding(PENDING_INVITATION, user, "pending since " + user.invitationSentAt(),
                    part("pendingSince", time(user.invitationSentAt()))));
        }
        List<UserFacts.Template> lacking = user.templates().stream()
                .filter(template -> template.requiresAuthorization() != null)
                .filter(template -> !user.validAuthorizationTypes().contains(template.requiresAuthorization()))
                .toList();
        if (!lacking.isEmpty() && user.enabled()) {
            findings.add(new Finding(MISSING_AUTHORIZATION, user.id(), user.username(), lacking.stream()
                    .map(template -> template.name() + " requires " + template.requiresAuthorization())
                    .collect(Collectors.joining("; ")),
                    lacking.stream().map(template -> part("requires", EvidenceParam.templates(List.of(template.name())),
                            EvidenceParam.authorizationTypes(List.of(template.requiresAuthorization())))).toList()));
        }
        Instant horizon = now.plus(Duration.ofDays(thresholds.expiringDays()));
        for (UserFacts.Expiring expiring : user.authorizationsExpiring()) {
            if (expiring.validUntil() != null && expiring.validUntil().isBefore(horizon)) {
                findings.add(finding(EXPIRING_AUTHORIZATION, user, expiring.type() + " " + expiring.reference()
                        + " valid until " + expiring.validUntil(), part("validUntil",
                        EvidenceParam.authorizationTypes(List.of(expiring.type())), EvidenceParam.text(expiring.reference()),
                        time(expiring.validUntil()))));
            }
        }
        if (!user.enabled() && !user.templates().isEmpty()) {
            List<String> names = user.templates().stream().map(UserFacts.Template::name).toList();
            findings.add(finding(DISABLED_WITH_ROLES, user, "disabled, still holds " + String.join(", ", names),
                    part("disabledStillHolds", EvidenceParam.templates(names))));
        }
        if (user.accounts().isEmpty()) {
            findings.add(finding(NO_ACCOUNT, user, "member of no account", part("noAccount")));
        }
        return findings;
    }

    /**
     * CSV with a header, written by the one CSV writer ({@link Csv}: every cell quoted, formulas
     * neutralised); the detail column is {@code words} of each finding's parts (the report in a
     * language: {@link EvidenceWords}).
     */
    public static String csv(List<Finding> findings, java.util.function.Function<List<EvidencePart>, String> words) {
        StringBuilder csv = new StringBuilder(Csv.line(List.of("category", "userId", "username", "detail")));
        for (Finding finding : findings) {
            csv.append(Csv.line(java.util.Arrays.asList(finding.category(), finding.userId(), finding.username(),
                    finding.detailParts().isEmpty() ? finding.detail() : words.apply(finding.detailParts()))));
        }
        return csv.toString();
    }

    private static Finding finding(String category, UserFacts user, String detail, EvidencePart part) {
        return new Finding(category, user.id(), user.username(), detail, List.of(part));
    }

    /** A part of a finding's detail: the key {@code mxFindingDetail.<name>}. */
    static EvidencePart part(String name, EvidenceParam... params) {
        return new EvidencePart(DETAIL_KEYS + name, List.of(params));
    }

    /** The prefix of the keys of a finding's detail. */
    static final String DETAIL_KEYS = "mxFindingDetail.";

    private static EvidenceParam time(Instant at) {
        return EvidenceParam.of("time", String.valueOf(at));
    }
}
