package com.maintenanceaccess.signoff;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The two-person rule of a required inspection item (RII), from the signature records of the
 * work inspected: each must be an accepted signature of the same work order and aircraft,
 * made before the inspection. That the inspector is neither of those signers is decided by
 * the signoff check (its {@code signer_performed_work}), which receives them as performers.
 */
public final class InspectionRule {

    /** What a signature record says about the work it signed. */
    public record Signed(String signerId, boolean accepted, String workOrder, String registration, Instant signedAt) {
    }

    public enum Reason {
        INSPECTED_SIGNATURE_NOT_FOUND, INSPECTED_SIGNATURE_REFUSED, INSPECTED_WORK_MISMATCH, INSPECTION_NOT_AFTER_WORK;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private InspectionRule() {
    }

    /** {@code certified} is null when the request names no certifier. */
    public static List<Reason> reasons(SignoffRequest request, Signed performed, Signed certified, boolean certifierNamed,
                                       Instant now) {
        List<Reason> reasons = new ArrayList<>();
        if (performed == null || (certifierNamed && certified == null)) {
            reasons.add(Reason.INSPECTED_SIGNATURE_NOT_FOUND);
        }
        for (Signed s : java.util.stream.Stream.of(performed, certified).filter(java.util.Objects::nonNull).toList()) {
            if (!s.accepted()) {
                add(reasons, Reason.INSPECTED_SIGNATURE_REFUSED);
            }
            if (!request.workOrder().equals(s.workOrder()) || !request.registration().equals(s.registration())) {
                add(reasons, Reason.INSPECTED_WORK_MISMATCH);
            }
            if (!s.signedAt().isBefore(now)) {
                add(reasons, Reason.INSPECTION_NOT_AFTER_WORK);
            }
        }
        return reasons;
    }

    /** The people whose signatures the inspection inspects: the inspector must be neither. */
    public static Set<String> signers(Signed performed, Signed certified) {
        Set<String> ids = new java.util.LinkedHashSet<>();
        if (performed != null) {
            ids.add(performed.signerId());
        }
        if (certified != null) {
            ids.add(certified.signerId());
        }
        return ids;
    }

    private static void add(List<Reason> reasons, Reason reason) {
        if (!reasons.contains(reason)) {
            reasons.add(reason);
        }
    }
}
