package com.maintenanceaccess.signoff;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The two-person rule of a required inspection item (RII), from the signature records of the
 * work inspected: each must be an accepted signature of the same work order and aircraft,
 * made before the inspection. That the inspector is none of the people who signed the work is
 * decided from the server's own records ({@link #ownWork}): every accepted signature of the
 * account for the same aircraft, work order and task, whatever the body names (a certifier who
 * left out {@code inspects.certifiedBy} once inspected his own release).
 */
public final class InspectionRule {

    /** What a signature record says about the work it signed. */
    public record Signed(String signerId, boolean accepted, String workOrder, String registration, Instant signedAt) {
    }

    /** A signature of the account as the trail holds it: who signed what, and whether it was accepted. */
    public record Work(String signerId, boolean accepted, String type, String workOrder, String task, String registration) {
    }

    /** Why an inspector may not inspect this work: they signed part of it themselves. */
    public enum OwnWork {
        SIGNER_PERFORMED_WORK, SIGNER_CERTIFIED_WORK;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
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

    /**
     * Whether {@code inspector} signed any of the work this inspection covers: an accepted
     * signature (not another inspection) of the same aircraft and work order and, when the
     * inspection names a task, of that task (a signature without a task covers the whole work
     * order). A release is certifying the work; a task signature is performing it.
     */
    public static List<OwnWork> ownWork(SignoffRequest request, String inspector, List<Work> signatures) {
        List<OwnWork> reasons = new ArrayList<>();
        for (Work w : signatures) {
            if (!w.accepted() || !inspector.equals(w.signerId()) || "inspection".equals(w.type())
                    || !request.workOrder().equals(w.workOrder()) || !request.registration().equals(w.registration())
                    || (request.task() != null && w.task() != null && !request.task().equals(w.task()))) {
                continue;
            }
            OwnWork reason = "release".equals(w.type()) ? OwnWork.SIGNER_CERTIFIED_WORK : OwnWork.SIGNER_PERFORMED_WORK;
            if (!reasons.contains(reason)) {
                reasons.add(reason);
            }
        }
        return reasons;
    }

    /** The people whose signatures the inspection names: the signoff check refuses them as performers too. */
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
