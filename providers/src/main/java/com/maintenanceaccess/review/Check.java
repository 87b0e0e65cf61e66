package com.maintenanceaccess.review;

import jakarta.annotation.Nullable;
import java.util.List;

/**
 * One step of the product article's "if a user cannot see a page" list: passed or not,
 * what was found, and the one-line fix when it failed.
 *
 * <p>{@code titleKey} and {@code fixKey} (may be null) name the title and the fix in the themes'
 * messages, so that the workspace shows them in the person's language (issue 24); the English
 * {@code title} and {@code fix} stay for API clients and logs. They are set where the check is
 * made, not matched from the sentence afterwards: the check knows what it means.
 */
public record Check(String id, String title, boolean passed, String evidence, @Nullable String fix,
                    @Nullable String titleKey, @Nullable String fixKey, List<String> fixParams) {

    public Check(String id, String title, boolean passed, String evidence, String fix) {
        this(id, title, passed, evidence, fix, null, null, List.of());
    }

    static Check pass(String id, String title, String evidence) {
        return new Check(id, title, true, evidence, null);
    }

    static Check fail(String id, String title, String evidence, String fix) {
        return new Check(id, title, false, evidence, fix);
    }

    /** This check with the message keys of its title and fix (the setup review's words). */
    Check keyed(String fixKeyValue, String... params) {
        return new Check(id, title, passed, evidence, fix, "mxCheckTitle." + id, passed ? null : fixKeyValue,
                passed ? List.of() : List.of(params));
    }
}
