package com.maintenanceaccess.review;

import java.util.List;

/**
 * One thing a check found, as a message key of the themes ({@code mxEvidence.*}, English and
 * German) and its parameters, {@code {0}}, {@code {1}} … in the text.
 */
public record EvidencePart(String key, List<EvidenceParam> params) {

    public EvidencePart {
        params = List.copyOf(params);
    }

    static EvidencePart of(String key, EvidenceParam... params) {
        return new EvidencePart("mxEvidence." + key, List.of(params));
    }
}
