package com.maintenanceaccess.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.maintenanceaccess.access.AccessCatalog;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The setup review names its checks and fixes by message key (issue 24), so that the workspace
 * shows them in the person's language: every check, failed or passed, has a title with English and
 * German text, and every failed one a fix with both.
 */
class SetupReviewWordsTest {

    static final Path MESSAGES = Path.of("../themes/src/main/resources/theme/maintenance/account/messages");

    /** Nothing in place: no name, a personal mailbox, no account, no area, a pending invitation, a privileged template. */
    static UserFacts nothingInPlace() {
        return new UserFacts("u1", "nora", null, null, "nora@gmail.com", true, "pending", ReviewRulesTest.NOW,
                List.of(), List.of(new UserFacts.Template("account-administrator", true, "certifying-staff")),
                Set.of(), Set.of(), List.of());
    }

    @Test
    void everyCheckHasATitleKeyAndEveryFailedOneAFixKeyWithTextsInBothLanguages() throws IOException {
        Properties en = load("messages_en.properties");
        Properties de = load("messages_de.properties");
        for (UserFacts user : List.of(nothingInPlace(), ReviewRulesTest.fullAccess())) {
            SetupReview.Review review = SetupReview.review(user, catalog());
            for (Check check : review.checks()) {
                assertEvidenceInWords(check, en, de);
                assertNotNull(check.titleKey(), check.id());
                assertTrue(en.containsKey(check.titleKey()) && de.containsKey(check.titleKey()), check.titleKey());
                if (check.passed()) {
                    assertNull(check.fixKey(), check.id());
                } else {
                    assertNotNull(check.fixKey(), check.id());
                    assertTrue(en.containsKey(check.fixKey()) && de.containsKey(check.fixKey()), check.fixKey());
                    assertFalse(en.getProperty(check.fixKey()).contains("/mx/"), "no API path in " + check.fixKey());
                }
            }
        }
        long failed = SetupReview.review(nothingInPlace(), catalog()).checks().stream().filter(c -> !c.passed()).count();
        // every check but "roles" (the person holds a template): so the fixes are looked at, not skipped
        assertEquals(6, failed);
    }

    /** The explanation ("why can't they see …") likewise, each check failed once. */
    @Test
    void everyExplainCheckHasKeysWithTextsInBothLanguages() throws IOException {
        Properties en = load("messages_en.properties");
        Properties de = load("messages_de.properties");
        java.util.Set<String> failedOnce = new java.util.TreeSet<>();
        UserFacts disabledOutsider = new UserFacts("u2", "otto", "Otto", "Out", "otto@mro.example", false, "revoked",
                ReviewRulesTest.NOW, List.of(new UserFacts.Account("o1", "hangar", true, Set.of(), false)), List.of(),
                Set.of(), Set.of(), List.of());
        for (UserFacts user : List.of(nothingInPlace(), disabledOutsider, ReviewRulesTest.fullAccess())) {
            for (AccessCatalog.Page page : List.of(ReviewRulesTest.RELEASE, ReviewRulesTest.IMPORT)) {
                for (Check check : AccessExplainer.explain(user, page).checks()) {
                    assertEvidenceInWords(check, en, de);
                    assertNotNull(check.titleKey(), check.id());
                    assertTrue(en.containsKey(check.titleKey()) && de.containsKey(check.titleKey()), check.titleKey());
                    if (!check.passed()) {
                        failedOnce.add(check.id());
                        assertNotNull(check.fixKey(), check.id());
                        assertTrue(en.containsKey(check.fixKey()) && de.containsKey(check.fixKey()), check.fixKey());
                        assertEquals(check.fixParams().size(), placeholders(en.getProperty(check.fixKey())), check.fixKey());
                        assertEquals(check.fixParams().size(), placeholders(de.getProperty(check.fixKey())), check.fixKey());
                        assertEquals(check.fixParams().size(), check.fixWords().size(), check.fixKey());
                        check.fixWords().forEach(word -> assertTrue(KINDS.contains(word.kind()), word.kind()));
                    }
                }
            }
        }
        assertEquals(8, failedOnce.size(), "every check failed at least once: " + failedOnce);
    }

    /**
     * The evidence as keys: at least one part, each key with an English and a German text that use
     * exactly its parameters, and each parameter of a kind the workspace knows how to show.
     */
    static void assertEvidenceInWords(Check check, Properties en, Properties de) {
        assertFalse(check.evidenceParts().isEmpty(), check.id() + " has evidence parts");
        for (EvidencePart part : check.evidenceParts()) {
            assertTrue(part.key().startsWith("mxEvidence."), part.key());
            assertTrue(en.containsKey(part.key()) && de.containsKey(part.key()), part.key() + " in both languages");
            assertEquals(part.params().size(), placeholders(en.getProperty(part.key())), part.key());
            assertEquals(part.params().size(), placeholders(de.getProperty(part.key())), part.key());
            for (EvidenceParam param : part.params()) {
                assertTrue(KINDS.contains(param.kind()), param.kind());
            }
        }
    }

    /** The kinds the console's Checks component shows in words (EvidenceParam's list). */
    static final Set<String> KINDS = Set.of("template", "authorizationType", "feature", "permission", "area", "account",
            "role", "group", "invitationStatus", "reason", "time", "text");

    private static int placeholders(String text) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\\{(\\d+)}").matcher(text);
        int max = 0;
        while (matcher.find()) {
            max = Math.max(max, Integer.parseInt(matcher.group(1)) + 1);
        }
        return max;
    }

    private static AccessCatalog catalog() {
        return ReviewRulesTest.catalog();
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(MESSAGES.resolve(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
