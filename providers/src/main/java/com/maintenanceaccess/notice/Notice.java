package com.maintenanceaccess.notice;

import java.time.Instant;

/**
 * One notice due for one recipient. {@code subjectId} and {@code key} identify the event (a
 * record and "lapsing:30:2027-01-06", an invitee and "invitation-pending:3:…"); with the realm and
 * the recipient they are the row that claims it (NoticeLedger). The facts are raw: the mailer
 * formats dates in the recipient's language.
 */
public record Notice(NoticeKind kind, String subjectId, String key, String recipientId, Facts facts) {

    /** What the mail tells; fields a kind does not use are null. */
    public record Facts(String personName, String personEmail, String accountName, String authorizationType,
            String reference, Instant until, long days, boolean byLicence, String reason) {
    }
}
