package com.maintenanceaccess.review;

import jakarta.annotation.Nullable;

/**
 * One step of the product article's "if a user cannot see a page" list: passed or not,
 * what was found, and the one-line fix when it failed.
 */
public record Check(String id, String title, boolean passed, String evidence, @Nullable String fix) {

    static Check pass(String id, String title, String evidence) {
        return new Check(id, title, true, evidence, null);
    }

    static Check fail(String id, String title, String evidence, String fix) {
        return new Check(id, title, false, evidence, fix);
    }
}
