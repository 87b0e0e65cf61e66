package com.maintenanceaccess.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issue 15, items 4–7 as rules: who cannot log in, the correct account, why a record is unusable, acknowledged privilege. */
class StandingRulesTest {

    private static final UserFacts.AccountRef HANGAR = new UserFacts.AccountRef("o1", "hangar");
    private static final UserFacts.AccountRef DEMO = new UserFacts.AccountRef("o2", "demo-mro", "Demo MRO");

    private static UserFacts with(UserFacts.Standing standing) {
        return ReviewRulesTest.fullAccess().withStanding(standing);
    }

    private static UserFacts.Standing standing(boolean awaiting, UserFacts.AccountRef invited, UserFacts.AccountRef domain) {
        return new UserFacts.Standing(awaiting, invited, domain, List.of(), Map.of(), null);
    }

    private static Check check(SetupReview.Review review, String id) {
        return review.checks().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theRequiredActionWithoutAnInvitationMeansTheUserCannotLogIn() {
        UserFacts never = with(standing(true, null, null));
        UserFacts neverInvited = new UserFacts(never.id(), never.username(), never.firstName(), never.lastName(), never.email(),
                true, null, null, never.accounts(), never.templates(), never.permissions(), never.validAuthorizationTypes(),
                never.authorizationsExpiring(), never.standing());
        Check review = check(SetupReview.review(neverInvited, ReviewRulesTest.catalog()), SetupReview.INVITATION);
        assertFalse(review.passed());
        assertTrue(review.evidence().startsWith("cannot log in"), review::toString);
        assertFalse(AccessExplainer.explain(neverInvited, ReviewRulesTest.RELEASE).allowed());
        assertTrue(with(standing(false, null, null)).cannotLogIn().isEmpty(), "no action, nothing stops the login");
    }

    @Test
    void memberOfTheWrongAccountFailsTheAccountChecks() {
        UserFacts byDomain = with(standing(false, null, DEMO));
        Check review = check(SetupReview.review(byDomain, ReviewRulesTest.catalog()), SetupReview.ACCOUNT);
        assertFalse(review.passed());
        assertTrue(review.evidence().contains("demo-mro"), review::toString);
        List<String> failed = AccessExplainer.explain(byDomain, ReviewRulesTest.RELEASE).checks().stream()
                .filter(c -> !c.passed()).map(Check::id).toList();
        assertEquals(List.of(AccessExplainer.ACCOUNT), failed);

        UserFacts byInvitation = with(standing(false, DEMO, null));
        Evidence invited = AccountMatch.mismatch(byInvitation).orElseThrow();
        assertTrue(invited.text().contains("invited into account demo-mro"));
        assertEquals("mxEvidence.invitedInto", invited.parts().get(0).key());
        // A person reads the account's name; the English sentence (API clients) keeps the alias.
        assertEquals(new EvidenceParam("account", List.of("Demo MRO")), invited.parts().get(0).params().get(0));
        assertEquals("mxEvidence.emailDomainOf", review.evidenceParts().get(0).key());
        assertTrue(AccountMatch.mismatch(with(standing(false, HANGAR, HANGAR))).isEmpty(), "the right account");
    }

    @Test
    void explainAndReviewSayWhyARecordCannotBeUsed() {
        UserFacts lapsed = ReviewRulesTest.with(b -> b.authorizations(Set.of())).withStanding(new UserFacts.Standing(false,
                null, null, List.of(new UserFacts.Unusable("certifying-staff", "CRS-1", List.of("recency_lapsed"))),
                Map.of(), null));
        Check explained = AccessExplainer.explain(lapsed, ReviewRulesTest.RELEASE).checks().stream()
                .filter(c -> c.id().equals(AccessExplainer.AUTHORIZATION)).findFirst().orElseThrow();
        assertTrue(explained.evidence().contains("CRS-1 cannot be used: recency_lapsed"), explained::toString);
        Check reviewed = check(SetupReview.review(lapsed, ReviewRulesTest.catalog()), SetupReview.AUTHORIZATIONS);
        assertTrue(reviewed.evidence().contains("recency_lapsed"));
        // In words: the type and the template that needs it are told apart by kind, the reason is the signoff check's.
        assertEquals(new EvidencePart("mxEvidence.cannotBeUsed", List.of(new EvidenceParam("text", List.of("CRS-1")),
                new EvidenceParam("reason", List.of("recency_lapsed")))), explained.evidenceParts().get(1));
        EvidencePart missing = reviewed.evidenceParts().get(0);
        assertEquals("mxEvidence.authorizationMissingFor", missing.key());
        assertEquals(List.of("authorizationType", "template"), missing.params().stream().map(EvidenceParam::kind).toList());
        assertEquals(explained.evidenceParts().get(1), reviewed.evidenceParts().get(1));
    }

    @Test
    void privilegeListsEveryPathAndPassesOnlyWithAnAcknowledgementOfExactlyThoseTemplates() {
        List<UserFacts.Template> templates = List.of(new UserFacts.Template("account-administrator", true, null));
        PrivilegePaths.Where parent = PrivilegePaths.Where.parentGroup("/admins", "/admins/hangar");
        Map<String, List<PrivilegePaths.PrivilegePath>> paths = Map.of("account-administrator", List.of(
                new PrivilegePaths.PrivilegePath(parent.text(), new EvidencePart("mxEvidence.path." + parent.key(), parent.params())),
                PrivilegePaths.inAccount("demo-mro", "Demo MRO", null)));
        UserFacts admin = ReviewRulesTest.with(b -> b.templates(templates))
                .withStanding(new UserFacts.Standing(false, null, null, List.of(), paths, null));
        Check unacknowledged = check(SetupReview.review(admin, ReviewRulesTest.catalog()), SetupReview.LEAST_PRIVILEGE);
        assertFalse(unacknowledged.passed());
        assertTrue(unacknowledged.evidence().contains("via parent group /admins of /admins/hangar; account demo-mro template"),
                unacknowledged::toString);
        // In words: the template, then each path as a key of its own, the account by its name, groups by kind.
        assertEquals(List.of("mxEvidence.holdsPrivileged", "mxEvidence.path.parentGroup", "mxEvidence.path.accountTemplate"),
                unacknowledged.evidenceParts().stream().map(EvidencePart::key).toList());
        assertEquals(List.of(EvidenceParam.of("group", "/admins"), EvidenceParam.of("group", "/admins/hangar")),
                unacknowledged.evidenceParts().get(1).params());
        assertEquals(List.of(new EvidenceParam("account", List.of("Demo MRO"))), unacknowledged.evidenceParts().get(2).params());

        UserFacts.Acknowledgement ack = new UserFacts.Acknowledgement(Set.of("account-administrator"), "ada",
                Instant.parse("2026-11-28T10:00:00Z"), "the hangar's administrator");
        UserFacts acknowledged = admin.withStanding(new UserFacts.Standing(false, null, null, List.of(), paths, ack));
        assertTrue(check(SetupReview.review(acknowledged, ReviewRulesTest.catalog()), SetupReview.LEAST_PRIVILEGE).passed());

        UserFacts.Acknowledgement older = new UserFacts.Acknowledgement(Set.of("stores-admin"), "ada", ack.at(), "old");
        UserFacts moreNow = admin.withStanding(new UserFacts.Standing(false, null, null, List.of(), paths, older));
        assertFalse(check(SetupReview.review(moreNow, ReviewRulesTest.catalog()), SetupReview.LEAST_PRIVILEGE).passed(),
                "an acknowledgement of other templates does not count");
    }
}
