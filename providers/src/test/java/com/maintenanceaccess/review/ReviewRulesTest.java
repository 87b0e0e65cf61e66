package com.maintenanceaccess.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.maintenanceaccess.access.AccessCatalog;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReviewRulesTest {

    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    static final AccessCatalog.Page RELEASE = new AccessCatalog.Page("workshop.release", "Release to service",
            "workorders:release", "workshop", false, "certifying-staff");
    static final AccessCatalog.Page IMPORT = new AccessCatalog.Page("setup.import", "Import data",
            "setuptools:manage", "administration", true, null);

    /** A certifying technician with everything in place. */
    static UserFacts fullAccess() {
        return new UserFacts("u1", "tess", "Tess", "Tech", "tess@mro.example", true, "accepted",
                NOW.minusSeconds(86400 * 3),
                List.of(new UserFacts.Account("o1", "hangar", true, Set.of("workshop", "administration"), true)),
                List.of(new UserFacts.Template("certifying-staff", false, "certifying-staff")),
                Set.of("workorders:release", "workorders:view", "setuptools:manage"),
                Set.of("certifying-staff"),
                List.of(new UserFacts.Expiring("certifying-staff", "CRS-1", NOW.plusSeconds(86400 * 200))));
    }

    static UserFacts with(UnaryOperator<Builder> change) {
        return change.apply(new Builder(fullAccess())).build();
    }

    @Test
    void aUserWithFullAccessPassesEveryCheck() {
        AccessExplainer.Explanation explanation = AccessExplainer.explain(fullAccess(), RELEASE);
        assertTrue(explanation.allowed(), explanation::toString);
        assertEquals(8, explanation.checks().size());
        assertTrue(AccessExplainer.explain(fullAccess(), IMPORT).allowed());
    }

    @ParameterizedTest
    @CsvSource({
            "invitation-pending,  invitation-accepted",
            "disabled,            user-enabled",
            "no-account,          account-member",
            "no-template,         role-assigned",
            "no-permission,       role-includes-permission",
            "feature-off,         feature-enabled",
            "no-authorization,    personnel-authorization"})
    void eachProblemFailsExactlyItsCheck(String problem, String failingCheck) {
        UserFacts user = switch (problem) {
            case "invitation-pending" -> with(b -> b.invitation("pending"));
            case "disabled" -> with(b -> b.enabled(false));
            // no account at all: the feature check then also fails (no account has it), so use a disabled one
            case "no-account" -> with(b -> b.accounts(List.of(new UserFacts.Account("o1", "hangar", false,
                    Set.of("workshop", "administration"), true))));
            case "no-template" -> with(b -> b.templates(List.of()));
            case "no-permission" -> with(b -> b.permissions(Set.of("workorders:view")));
            case "feature-off" -> with(b -> b.accounts(List.of(new UserFacts.Account("o1", "hangar", true,
                    Set.of("administration"), true))));
            case "no-authorization" -> with(b -> b.authorizations(Set.of()));
            default -> throw new IllegalArgumentException(problem);
        };
        AccessExplainer.Explanation explanation = AccessExplainer.explain(user, RELEASE);
        assertFalse(explanation.allowed());
        List<String> failed = explanation.checks().stream().filter(c -> !c.passed()).map(Check::id).toList();
        assertEquals(List.of(failingCheck), failed);
        Check check = explanation.checks().stream().filter(c -> !c.passed()).findFirst().orElseThrow();
        assertFalse(check.fix().isBlank());
    }

    @Test
    void aSetupOnlyPageNeedsTheAccountInSetupMode() {
        UserFacts user = with(b -> b.accounts(List.of(new UserFacts.Account("o1", "hangar", true,
                Set.of("workshop", "administration"), false))));
        List<String> failed = AccessExplainer.explain(user, IMPORT).checks().stream()
                .filter(c -> !c.passed()).map(Check::id).toList();
        assertEquals(List.of(AccessExplainer.SETUP_MODE), failed);
    }

    @Test
    void setupReviewFlagsMissingAuthorizationsPersonalMailAndPrivilege() {
        UserFacts user = with(b -> b.email("tess.tech@gmail.com").authorizations(Set.of())
                .templates(List.of(new UserFacts.Template("certifying-staff", false, "certifying-staff"),
                        new UserFacts.Template("account-administrator", true, null))));
        SetupReview.Review review = SetupReview.review(user, catalog());
        Set<String> failed = review.checks().stream().filter(c -> !c.passed()).map(Check::id).collect(Collectors.toSet());
        assertEquals(Set.of(SetupReview.NAME_AND_EMAIL, SetupReview.AUTHORIZATIONS, SetupReview.LEAST_PRIVILEGE), failed);
        assertFalse(review.complete());
        assertEquals(List.of("setuptools", "workorders"), review.areas());
    }

    @Test
    void setupReviewOfACompleteUserPasses() {
        assertTrue(SetupReview.review(fullAccess(), catalog()).complete());
    }

    @Test
    void reportFindsEachProblemOnce() {
        Instant created = NOW.minusSeconds(86400 * 100);
        AccessReport.Thresholds thresholds = new AccessReport.Thresholds(90, 7, 30);
        assertEquals(List.of(), categories(fullAccess(), NOW.minusSeconds(3600), created, thresholds));

        assertEquals(List.of(AccessReport.NO_LOGIN), categories(fullAccess(), null, created, thresholds));
        assertEquals(List.of(AccessReport.ADMINISTRATOR, AccessReport.OPERATIONAL_WITH_PRIVILEGED),
                categories(with(b -> b.templates(List.of(new UserFacts.Template("account-administrator", true, null),
                        new UserFacts.Template("technician", false, null)))), NOW, created, thresholds));
        assertEquals(List.of(AccessReport.PENDING_INVITATION),
                categories(with(b -> b.invitation("pending")), null, created, thresholds));
        assertEquals(List.of(AccessReport.MISSING_AUTHORIZATION, AccessReport.EXPIRING_AUTHORIZATION),
                categories(with(b -> b.authorizations(Set.of()).expiring(List.of(new UserFacts.Expiring(
                        "inspection", "RII-9", NOW.plusSeconds(86400 * 5))))), NOW, created, thresholds));
        assertEquals(List.of(AccessReport.DISABLED_WITH_ROLES),
                categories(with(b -> b.enabled(false)), null, created, thresholds));
        assertEquals(List.of(AccessReport.NO_ACCOUNT), categories(with(b -> b.accounts(List.of())), NOW, created, thresholds));
    }

    @Test
    void csvEscapesAndDefusesFormulas() {
        String csv = AccessReport.csv(List.of(new AccessReport.Finding("no-account", "id-1", "=HYPERLINK(\"x\")", "a, b",
                List.of())), parts -> "in words");
        assertEquals("\"category\",\"userId\",\"username\",\"detail\"\r\n"
                + "\"no-account\",\"id-1\",\"'=HYPERLINK(\"\"x\"\")\",\"a, b\"\r\n", csv);
    }

    private static List<String> categories(UserFacts user, Instant lastLogin, Instant created, AccessReport.Thresholds t) {
        return AccessReport.findings(user, lastLogin, created, t, NOW).stream().map(AccessReport.Finding::category).toList();
    }

    static AccessCatalog catalog() {
        return new AccessCatalog("maintenance-app", List.of(new AccessCatalog.Module("workshop", "workshop", "Workshop",
                List.of(new AccessCatalog.Area("workorders", "Work orders", List.of("view", "release")),
                        new AccessCatalog.Area("setuptools", "Setup tools", List.of("manage"))))), List.of(RELEASE, IMPORT));
    }

    /** Changes one fact of a user at a time. */
    static final class Builder {
        private UserFacts u;

        Builder(UserFacts u) {
            this.u = u;
        }

        Builder invitation(String status) {
            u = new UserFacts(u.id(), u.username(), u.firstName(), u.lastName(), u.email(), u.enabled(), status,
                    NOW.minusSeconds(86400 * 10), u.accounts(), u.templates(), u.permissions(),
                    u.validAuthorizationTypes(), u.authorizationsExpiring());
            return this;
        }

        Builder enabled(boolean enabled) {
            u = new UserFacts(u.id(), u.username(), u.firstName(), u.lastName(), u.email(), enabled, u.invitationStatus(),
                    u.invitationSentAt(), u.accounts(), u.templates(), u.permissions(), u.validAuthorizationTypes(),
                    u.authorizationsExpiring());
            return this;
        }

        Builder email(String email) {
            u = new UserFacts(u.id(), u.username(), u.firstName(), u.lastName(), email, u.enabled(), u.invitationStatus(),
                    u.invitationSentAt(), u.accounts(), u.templates(), u.permissions(), u.validAuthorizationTypes(),
                    u.authorizationsExpiring());
            return this;
        }

        Builder accounts(List<UserFacts.Account> accounts) {
            u = new UserFacts(u.id(), u.username(), u.firstName(), u.lastName(), u.email(), u.enabled(), u.invitationStatus(),
                    u.invitationSentAt(), accounts, u.templates(), u.permissions(), u.validAuthorizationTypes(),
                    u.authorizationsExpiring());
            return this;
        }

        Builder templates(List<UserFacts.Template> templates) {
            u = new UserFacts(u.id(), u.username(), u.firstName(), u.lastName(), u.email(), u.enabled(), u.invitationStatus(),
                    u.invitationSentAt(), u.accounts(), templates, u.permissions(), u.validAuthorizationTypes(),
                    u.authorizationsExpiring());
            return this;
        }

        Builder permissions(Set<String> permissions) {
            u = new UserFacts(u.id(), u.username(), u.firstName(), u.lastName(), u.email(), u.enabled(), u.invitationStatus(),
                    u.invitationSentAt(), u.accounts(), u.templates(), permissions, u.validAuthorizationTypes(),
                    u.authorizationsExpiring());
            return this;
        }

        Builder authorizations(Set<String> types) {
            u = new UserFacts(u.id(), u.username(), u.firstName(), u.lastName(), u.email(), u.enabled(), u.invitationStatus(),
                    u.invitationSentAt(), u.accounts(), u.templates(), u.permissions(), types, u.authorizationsExpiring());
            return this;
        }

        Builder expiring(List<UserFacts.Expiring> expiring) {
            u = new UserFacts(u.id(), u.username(), u.firstName(), u.lastName(), u.email(), u.enabled(), u.invitationStatus(),
                    u.invitationSentAt(), u.accounts(), u.templates(), u.permissions(), u.validAuthorizationTypes(), expiring);
            return this;
        }

        UserFacts build() {
            return u;
        }
    }
}
