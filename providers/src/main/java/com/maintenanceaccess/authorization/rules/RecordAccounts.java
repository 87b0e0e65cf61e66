package com.maintenanceaccess.authorization.rules;

import com.maintenanceaccess.authorization.model.PersonnelAuthorization;
import java.util.List;

/**
 * The migration rule for records stored before accounts issued them (format version 1, no
 * account): a person who is a member of exactly one account had their records from that account,
 * so the records get it; for a person in none or several, nobody can tell which organisation
 * issued what, so the records keep no account (usable in no account's signoff, seen by realm
 * operators only) and the person is listed for an operator to assign.
 */
public final class RecordAccounts {

    /** The person's records after the rule, and whether some are left with no issuing account. */
    public record Outcome(List<PersonnelAuthorization> records, boolean changed, boolean unassigned) {
    }

    private RecordAccounts() {
    }

    /** {@code memberOf}: the ids of the accounts the person is a member of now. */
    public static Outcome assign(List<PersonnelAuthorization> records, List<String> memberOf) {
        boolean missing = records.stream().anyMatch(a -> a.account() == null);
        if (!missing) {
            return new Outcome(records, false, false);
        }
        if (memberOf.size() != 1) {
            return new Outcome(records, false, true);
        }
        String account = memberOf.get(0);
        return new Outcome(records.stream().map(a -> a.account() == null ? a.withAccount(account) : a).toList(), true, false);
    }
}
