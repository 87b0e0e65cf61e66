package com.maintenanceaccess.review;

import java.util.ArrayList;
import java.util.List;

/**
 * What a check found: the English sentence (for API clients, logs and tests) and the same as
 * message keys with their parameters (for the workspace, in the person's language). Made together
 * where the check is made, so that the two say the same. Several parts when the check found
 * several things (a missing name and a personal mailbox; each unusable record): a client joins
 * them with "; " as the English sentence does.
 */
record Evidence(String text, List<EvidencePart> parts) {

    Evidence {
        parts = List.copyOf(parts);
    }

    static Evidence of(String text, String key, EvidenceParam... params) {
        return new Evidence(text, List.of(EvidencePart.of(key, params)));
    }

    static Evidence of(String text, List<EvidencePart> parts) {
        return new Evidence(text, parts);
    }

    /** This evidence with more parts (their English is already in {@code text}). */
    Evidence and(List<EvidencePart> more) {
        List<EvidencePart> all = new ArrayList<>(parts);
        all.addAll(more);
        return new Evidence(text, all);
    }
}
