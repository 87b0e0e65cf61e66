package com.maintenanceaccess.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.maintenanceaccess.kernel.Problems.Problem;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The English sentences the API answers with map to message keys and parameters, the keys have
 * English and German texts with as many placeholders as the sentence has parameters, and the
 * error body carries them beside the text it always had.
 */
class ProblemKeysTest {

    static final Path MESSAGES = Path.of("../themes/src/main/resources/theme/maintenance/account/messages");

    /** Each sentence as the rules write it, with the key and parameters it must answer. */
    static final Object[][] SAMPLES = {
            {"is required", "mxError.required", List.of()},
            {"is required (one of certifying-staff, rii)", "mxError.required", List.of()},
            {DeliverableAddress.problem("nora.newhire@demo-mro"), "mxError.emailNoDomainEnding", List.of()},
            {DeliverableAddress.problem("not an address"), "mxError.emailInvalid", List.of()},
            {"choose at least one role template", "mxError.templateRequired", List.of()},
            {"must be between 1 and 30", "mxError.between", List.of("1", "30")},
            {"at most 255 characters", "mxError.tooLong", List.of("255")},
            {"'abc' is not a whole number", "mxError.notWholeNumber", List.of("abc")},
            {"'2026-13-01' is not a date (YYYY-MM-DD)", "mxError.notADate", List.of("2026-13-01")},
            {"must be after effective (2026-01-01)", "mxError.expiryBeforeEffective", List.of("2026-01-01")},
            {"malformed reference 'x': use 3-40 upper-case letters, digits, '.', '/' or '-'", "mxError.referenceMalformed", List.of("x")},
            {"unknown authorization type 'pilot' (known: [certifying-staff, rii])", "mxError.unknownType", List.of("pilot")},
            {"category B1 does not allow type rii (allowed: [A])", "mxError.categoryDisallows", List.of("B1")},
            {"unknown task category 'X' (a catalog category or ATA-nn)", "mxError.unknownTask", List.of("X")},
            {AccountPermission.MANAGE_AUTHORIZATIONS.missing(), "mxError.forbiddenManageAuthorizations", List.of()},
            {AccountPermission.VIEW_PEOPLE.missing(), "mxError.forbiddenViewPeople", List.of()},
            {AccountPermission.MANAGE_SETTINGS.missing(), "mxError.forbiddenManageSettings", List.of()},
            {"separation of duties: nobody deactivates themselves.", "mxError.selfDeactivate", List.of()},
            {"separation of duties: nobody does something new.", "mxError.self", List.of()},
            {"user '0b045e8f-1111' does not exist in this realm", "mxError.notFoundUser", List.of()},
            {"approval 'x' does not exist in this realm", "mxError.notFound", List.of()},
            {"a person with the e-mail address a@b.org is already in this account", "mxError.alreadyMember", List.of("a@b.org")},
            {"only a pending, expired or revoked invitation can be resent (it is accepted).", "mxError.invitationNotResendable", List.of("accepted")},
            // issue 24 (words): sentences written elsewhere, as the source writes them (see sourceSentences for more)
            {"unknown field; allowed: [email, firstName]", "mxError.unknownFieldAllowed", List.of("[email, firstName]")},
            {"must be a non-empty string", "mxError.nonEmptyText", List.of()},
            {"must be at most 200 characters", "mxError.tooLong", List.of("200")},
            {"is on line 3 already", "mxError.csvSameAddress", List.of("3")},
            {"the same grant already waits for approval (requested 2026-12-01T10:00:00Z): approve or reject that one.",
                    "mxError.approvalWaiting", List.of("2026-12-01T10:00:00Z")},
            {"the signoff was refused (recency_lapsed, expired); the refusal is recorded. Nothing was signed.",
                    "mxError.signoffRefused", List.of()},
            {"is required: {\"registration\": \"G-ABCD\", \"type\": \"A320\"}", "mxError.required", List.of()},
            {"to manage the account's people you need to be account administrator. Nothing was changed.",
                    "mxError.forbiddenManagePeople", List.of()},
            {"somebody else decided this request a moment ago. Nothing was changed.", "mxError.approvalDecidedMeanwhile", List.of()},
            {"the review is closed; nothing was changed.", "mxError.reviewClosed", List.of()},
            {"the review is closed already; nothing was changed. Nothing was changed.", "mxError.reviewClosed", List.of()},
            {"the invitation was accepted at the same moment, so the resend lost. Nothing was changed.",
                    "mxError.invitationAcceptedMeanwhile", List.of()},
            {"only a pending invitation can be ended (it is accepted)", "mxError.invitationNotEndable", List.of("accepted")},
            {"nobody reviews their own access: another reviewer of the account decides this item.", "mxError.selfReview", List.of()},
    };

    @Test
    void sentencesMapToKeysAndParameters() {
        for (Object[] sample : SAMPLES) {
            ProblemKeys.Key key = ProblemKeys.of((String) sample[0]);
            assertEquals(sample[1] + " " + sample[2], key == null ? "null" : key.key() + " " + key.params(), (String) sample[0]);
        }
    }

    /**
     * Sentences made by the code itself (the body parser, the team CSV, the approval rules), so
     * that a reworded sentence that loses its key fails here rather than on a German page.
     */
    @Test
    void sourceSentencesHaveKeys() throws IOException {
        List<String> sentences = new java.util.ArrayList<>();
        for (String body : new String[] {"", "{", "[1]", "{".repeat(40) + "}".repeat(40), "x".repeat(JsonBody.MAX_BYTES + 1)}) {
            try {
                JsonBody.read(body, true);
            } catch (JsonBody.Invalid e) {
                sentences.add(e.problem().message());
            }
        }
        assertEquals(5, sentences.size(), sentences::toString);
        com.maintenanceaccess.people.TeamCsv.read("").problems().forEach(p -> sentences.add(p.message()));
        com.maintenanceaccess.people.TeamCsv.read("firstName,lastName,email\n").problems().forEach(p -> sentences.add(p.message()));
        com.maintenanceaccess.people.TeamCsv.read("firstName,lastName,email,templates\n"
                + "a\n".repeat(com.maintenanceaccess.people.TeamCsv.MAX_ROWS + 1)).problems().forEach(p -> sentences.add(p.message()));
        for (com.maintenanceaccess.approval.ApprovalRules.Refusal refusal : com.maintenanceaccess.approval.ApprovalRules.Refusal.values()) {
            sentences.add(refusal.description());
        }
        Properties en = load("messages_en.properties");
        Properties de = load("messages_de.properties");
        for (String sentence : sentences) {
            ProblemKeys.Key key = ProblemKeys.of(sentence);
            assertTrue(key != null, "a key for: " + sentence);
            assertTrue(en.containsKey(key.key()) && de.containsKey(key.key()), "texts for " + key.key());
            assertEquals(key.params().size(), placeholders(en.getProperty(key.key())), sentence);
            assertTrue(!key.key().equals("mxError.self"), "a key of its own for: " + sentence);
        }
    }

    /** The signoffs page names each refusal reason in words, in both languages. */
    @Test
    void everySignoffReasonHasTextsInBothLanguages() throws IOException {
        Properties en = load("messages_en.properties");
        Properties de = load("messages_de.properties");
        List<String> reasons = new java.util.ArrayList<>(List.of("statement_missing", "statement_mismatch", "unknown_signer",
                "user_disabled", "session_ended", "authentication_used", "token_reused", "no_account", "not_a_member",
                "invalid_token", "token_expired"));
        for (var reason : com.maintenanceaccess.signoff.ProofCheck.Reason.values()) {
            reasons.add(reason.id());
        }
        for (var reason : com.maintenanceaccess.authorization.rules.SignoffCheck.Reason.values()) {
            reasons.add(reason.id());
        }
        for (var reason : com.maintenanceaccess.signoff.InspectionRule.Reason.values()) {
            reasons.add(reason.id());
        }
        for (String reason : reasons) {
            assertTrue(en.containsKey("mxSignoffReason." + reason), "English text for reason " + reason);
            assertTrue(de.containsKey("mxSignoffReason." + reason), "German text for reason " + reason);
        }
    }

    @Test
    void aSentenceWithoutKeyHasNone() {
        assertNull(ProblemKeys.of("something nobody wrote a key for"));
        assertNull(ProblemKeys.of(null));
    }

    @Test
    void everyKeyHasTextsInBothLanguagesWithItsPlaceholders() throws IOException {
        Properties en = load("messages_en.properties");
        Properties de = load("messages_de.properties");
        for (String key : ProblemKeys.keys()) {
            assertTrue(en.containsKey(key), "English text for " + key);
            assertTrue(de.containsKey(key), "German text for " + key);
            assertEquals(placeholders(en.getProperty(key)), placeholders(de.getProperty(key)), key);
        }
        for (Object[] sample : SAMPLES) {
            int params = ((List<?>) sample[2]).size();
            assertEquals(params, placeholders(en.getProperty((String) sample[1])), sample[1] + " has a placeholder per parameter");
        }
        assertTrue(en.containsKey(Problems.INVALID_KEY) && de.containsKey(Problems.INVALID_KEY));
        assertTrue(en.containsKey("mxError.unchanged") && de.containsKey("mxError.unchanged"));
    }

    @Test
    void aRefusalSaysNothingWasChangedOnce() {
        assertEquals("somebody else decided this request a moment ago. Nothing was changed.",
                Problems.unchanged("somebody else decided this request a moment ago."));
        assertEquals("the invitation was accepted at the same moment. Nothing was changed.",
                Problems.unchanged("the invitation was accepted at the same moment. Nothing was changed."));
        Map<String, Object> body = Wire.of(Problems.body("conflict", Problems.unchanged("somebody else decided this request a moment ago.")));
        assertEquals(true, body.get("unchanged"));
    }

    @Test
    void theErrorBodyCarriesKeysBesideItsText() {
        Map<String, Object> body = Wire.of(Problems.badRequestBody(List.of(
                Problems.problem("email", DeliverableAddress.problem("nora.newhire@demo-mro")),
                Problems.problem("expiresInDays", "must be between 1 and 30"),
                Problems.problem("note", "an unkeyed sentence"))));
        assertEquals("invalid_request", body.get("error"));
        assertTrue(((String) body.get("error_description")).endsWith("Nothing was changed."));
        assertEquals("mxError.invalid", body.get("key"));
        assertEquals(true, body.get("unchanged"));
        List<?> problems = (List<?>) body.get("problems");
        assertEquals(Map.of("field", "email", "message", "must be an e-mail address with a domain ending, such as name@example.com",
                "key", "mxError.emailNoDomainEnding", "params", List.of()), problems.get(0));
        assertEquals(List.of("1", "30"), ((Map<?, ?>) problems.get(1)).get("params"));
        assertEquals(Map.of("field", "note", "message", "an unkeyed sentence"), problems.get(2));

        Map<String, Object> refused = Wire.of(Problems.body("forbidden", AccountPermission.MANAGE_PEOPLE.missing() + Problems.UNCHANGED));
        assertEquals("mxError.forbiddenManagePeople", refused.get("key"));
        assertEquals(List.of(), refused.get("params"));
        assertEquals(true, refused.get("unchanged"));

        Map<String, Object> notFound = Wire.of(Problems.body("not_found", "user 'x' does not exist in this realm"));
        assertEquals("mxError.notFoundUser", notFound.get("key"));
        assertNull(notFound.get("unchanged"));
    }

    @Test
    void fieldErrorsOfTheAuthorizationRulesHaveKeys() {
        Problem error = new Problem("statusReason", "a suspension needs a reason");
        assertEquals("mxError.suspensionReason", ProblemKeys.of(error.message()).key());
    }

    private static int placeholders(String text) {
        Matcher matcher = Pattern.compile("\\{(\\d+)}").matcher(text);
        int max = 0;
        while (matcher.find()) {
            max = Math.max(max, Integer.parseInt(matcher.group(1)) + 1);
        }
        return max;
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(MESSAGES.resolve(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
