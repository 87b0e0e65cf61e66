package com.maintenanceaccess.notice;

import java.time.Instant;
import java.util.List;

/**
 * One notice due for one recipient. {@code subjectId} and {@code key} identify the event (a
 * record and "lapsing:30:2027-01-06", an invitee and "invitation-pending:3:…", an account and
 * "digest:2026-W50"); with the realm and the recipient they are the row that claims it
 * (NoticeLedger). The facts are raw: the mailer formats dates in the recipient's language.
 */
public record Notice(NoticeKind kind, String subjectId, String key, String recipientId, Facts facts) {

    /**
     * What the mail tells; fields a kind does not use are null. A digest lists {@code items} and
     * says how many more there are ({@code more}) than the mail (and its row) holds.
     */
    public record Facts(String personName, String personEmail, String accountName, String authorizationType,
            String reference, Instant until, long days, boolean byLicence, String reason, List<Item> items, int more) {

        public Facts {
            items = items == null ? List.of() : List.copyOf(items);
        }

        public Facts(String personName, String personEmail, String accountName, String authorizationType,
                String reference, Instant until, long days, boolean byLicence, String reason) {
            this(personName, personEmail, accountName, authorizationType, reference, until, days, byLicence, reason,
                    List.of(), 0);
        }
    }

    /** One line of a digest: whose record, and what lapses when ({@link Item#what}: authorization, licence, recency). */
    public record Item(String personName, String authorizationType, String reference, Instant until, String what) {
    }
}
