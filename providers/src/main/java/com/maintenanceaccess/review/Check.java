package com.maintenanceaccess.review;

import jakarta.annotation.Nullable;
import java.util.List;

/**
 * One step of the product article's "if a user cannot see a page" list: passed or not,
 * what was found, and the one-line fix when it failed.
 *
 * <p>{@code titleKey} and {@code fixKey} (may be null) name the title and the fix in the themes'
 * messages, and {@code evidenceParts} (keys with parameters) what was found, so that the
 * workspace shows them in the person's language (issue 24); the English {@code title},
 * {@code evidence} and {@code fix} stay for API clients and logs. They are set where the check is
 * made, not matched from the sentence afterwards: the check knows what it means.
 */
public record Check(String id, String title, boolean passed, String evidence, @Nullable String fix,
                    @Nullable String titleKey, @Nullable String fixKey, List<String> fixParams,
                    List<EvidencePart> evidenceParts, List<EvidenceParam> fixWords) {

    static Check pass(String id, String title, Evidence evidence) {
        return new Check(id, title, true, evidence.text(), null, null, null, List.of(), evidence.parts(), List.of());
    }

    static Check fail(String id, String title, Evidence evidence, String fix) {
        return new Check(id, title, false, evidence.text(), fix, null, null, List.of(), evidence.parts(), List.of());
    }

    /**
     * This check with the message keys of its title and fix (the setup review's words); the fix's
     * parameters are {@code fixParams} (the names as they are, as before) and, with their kinds so
     * that a client shows them in words, {@code fixWords}.
     */
    Check keyed(String fixKeyValue, EvidenceParam... params) {
        List<EvidenceParam> words = passed ? List.of() : List.of(params);
        return new Check(id, title, passed, evidence, fix, "mxCheckTitle." + id, passed ? null : fixKeyValue,
                words.stream().map(word -> String.join(", ", word.values())).toList(), evidenceParts, words);
    }
}
