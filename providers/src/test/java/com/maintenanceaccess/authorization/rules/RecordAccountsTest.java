package com.maintenanceaccess.authorization.rules;

import static com.maintenanceaccess.authorization.model.Fixtures.crs;
import static com.maintenanceaccess.authorization.model.Fixtures.inspection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.maintenanceaccess.authorization.model.PersonnelAuthorization;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The migration rule: records with no issuing account go to the person's only account, or stay and are listed. */
class RecordAccountsTest {

    @Test
    void aPersonInOneAccountHasTheirRecordsFromIt() {
        RecordAccounts.Outcome outcome = RecordAccounts.assign(List.of(crs(), inspection()), List.of("a"));
        assertTrue(outcome.changed());
        assertFalse(outcome.unassigned());
        assertEquals(List.of("a", "a"), outcome.records().stream().map(PersonnelAuthorization::account).toList());
        assertEquals(crs().withAccount("a"), outcome.records().get(0));
    }

    @Test
    void aPersonInSeveralAccountsOrNoneKeepsTheRecordsAndIsListed() {
        for (List<String> accounts : List.of(List.of("a", "b"), List.<String>of())) {
            RecordAccounts.Outcome outcome = RecordAccounts.assign(List.of(crs()), accounts);
            assertFalse(outcome.changed(), accounts::toString);
            assertTrue(outcome.unassigned(), accounts::toString);
            assertEquals(List.of(crs()), outcome.records());
        }
    }

    @Test
    void recordsThatHaveAnAccountAreNeverMovedSoASecondRunChangesNothing() {
        List<PersonnelAuthorization> migrated = RecordAccounts.assign(List.of(crs()), List.of("a")).records();
        RecordAccounts.Outcome again = RecordAccounts.assign(migrated, List.of("a"));
        assertFalse(again.changed());
        assertFalse(again.unassigned());
        // Even after the person joined another account: an issued record keeps its issuer.
        RecordAccounts.Outcome joined = RecordAccounts.assign(migrated, List.of("a", "b"));
        assertFalse(joined.changed());
        assertFalse(joined.unassigned());
    }

    @Test
    void onlyTheRecordsWithoutAnAccountAreGivenOne() {
        RecordAccounts.Outcome outcome = RecordAccounts.assign(List.of(crs().withAccount("b"), inspection()), List.of("a"));
        assertEquals(List.of("b", "a"), outcome.records().stream().map(PersonnelAuthorization::account).toList());
    }
}
