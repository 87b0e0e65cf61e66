package com.maintenanceaccess.authorization.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.maintenanceaccess.authorization.model.Fixtures;
import com.maintenanceaccess.authorization.model.InvalidAuthorizationException;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization.Status;
import com.maintenanceaccess.authorization.rules.AuthorizationChanges.Change;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AuthorizationChangesTest {

    private final AtomicInteger ids = new AtomicInteger();
    private final AuthorizationChanges changes = new AuthorizationChanges(new AuthorizationRules(Fixtures.CATALOG),
            Clock.fixed(Fixtures.NOW, ZoneOffset.UTC), () -> "id-" + ids.incrementAndGet());

    @Test
    void grantAssignsIdActiveStatusAndDefaultIssuer() {
        PersonnelAuthorization input = Fixtures.crs().withIdentity(null, null).withStatus(Status.REVOKED, "ignored", null);
        Change change = changes.grant(List.of(), input, "compliance.officer");
        assertEquals("id-1", change.after().id());
        assertEquals(Status.ACTIVE, change.after().status());
        assertEquals("compliance.officer", change.after().issuer());
        assertNull(change.before());
        assertEquals(List.of(change.after()), change.records());
    }

    @Test
    void grantRefusesADuplicateReferenceAndInvalidRecords() {
        List<PersonnelAuthorization> records = List.of(Fixtures.crs());
        assertEquals("reference", assertThrows(InvalidAuthorizationException.class,
                () -> changes.grant(records, Fixtures.crs(), "x")).errors().get(0).field());
        assertEquals("type", assertThrows(InvalidAuthorizationException.class,
                () -> changes.grant(records, Fixtures.withType(Fixtures.crs(), "nope", "NEW-1"), "x")).errors().get(0).field());
    }

    @Test
    void aReferenceIsUniqueWithinTheIssuingAccountOnly() {
        // Another account's references are not the granting officer's to learn: no refusal names them.
        List<PersonnelAuthorization> records = List.of(Fixtures.crs().withAccount("b"));
        Change granted = changes.grant(records, Fixtures.crs().withAccount("a"), "x");
        assertEquals("a", granted.after().account());
        assertEquals("reference", assertThrows(InvalidAuthorizationException.class,
                () -> changes.grant(granted.records(), Fixtures.crs().withAccount("a"), "x")).errors().get(0).field());
    }

    @Test
    void anUpdateKeepsTheIssuingAccount() {
        List<PersonnelAuthorization> records = List.of(Fixtures.crs().withAccount("a"));
        Change updated = changes.update(records, "crs-1", Fixtures.crs().withAccount(null));
        assertEquals("a", updated.after().account());
        assertEquals("a", changes.suspend(updated.records(), "crs-1", "audit").after().account());
    }

    @Test
    void aCorrectionNeedsAReasonKeepsIdTypeAndAccountAndMustChangeSomething() {
        List<PersonnelAuthorization> records = List.of(Fixtures.crs().withAccount("a"));
        PersonnelAuthorization fixed = Fixtures.withType(Fixtures.crs(), "certifying-staff", "CRS-FIXED");
        Change corrected = changes.correct(records, "crs-1", fixed, "typo at entry");
        assertEquals("correct", corrected.action());
        assertEquals("crs-1", corrected.after().id());
        assertEquals("CRS-FIXED", corrected.after().reference());
        assertEquals("a", corrected.after().account());
        assertEquals(1, corrected.records().size(), "corrected, not added");
        assertEquals("reason", assertThrows(InvalidAuthorizationException.class,
                () -> changes.correct(records, "crs-1", fixed, " ")).errors().get(0).field());
        assertEquals("reason", assertThrows(InvalidAuthorizationException.class,
                () -> changes.correct(records, "crs-1", fixed, "x".repeat(AuthorizationRules.MAX_LIMITATIONS + 1))).errors().get(0).field());
        assertEquals("type", assertThrows(InvalidAuthorizationException.class,
                () -> changes.correct(records, "crs-1", Fixtures.withType(Fixtures.crs(), "inspection", "CRS-FIXED"), "typo"))
                .errors().get(0).field());
        assertEquals("authorization", assertThrows(InvalidAuthorizationException.class,
                () -> changes.correct(records, "crs-1", records.get(0), "nothing")).errors().get(0).field());
    }

    @Test
    void suspendReinstateRevokeFollowTheLifecycle() {
        List<PersonnelAuthorization> records = List.of(Fixtures.crs());
        Change suspended = changes.suspend(records, "crs-1", "audit finding");
        assertEquals(Status.SUSPENDED, suspended.after().status());
        assertEquals("audit finding", suspended.after().statusReason());
        assertEquals(Fixtures.NOW, suspended.after().statusChanged());
        assertEquals(Status.ACTIVE, suspended.before().status());

        Change reinstated = changes.reinstate(suspended.records(), "crs-1", null);
        assertEquals(Status.ACTIVE, reinstated.after().status());

        Change revoked = changes.revoke(reinstated.records(), "crs-1", "left the company");
        assertEquals(Status.REVOKED, revoked.after().status());
        assertEquals("status", assertThrows(InvalidAuthorizationException.class,
                () -> changes.reinstate(revoked.records(), "crs-1", null)).errors().get(0).field());
        assertEquals("status", assertThrows(InvalidAuthorizationException.class,
                () -> changes.update(revoked.records(), "crs-1", Fixtures.crs())).errors().get(0).field());
    }

    @Test
    void suspendAndRevokeNeedAReason() {
        assertEquals("reason", assertThrows(InvalidAuthorizationException.class,
                () -> changes.suspend(List.of(Fixtures.crs()), "crs-1", " ")).errors().get(0).field());
        assertEquals("reason", assertThrows(InvalidAuthorizationException.class,
                () -> changes.revoke(List.of(Fixtures.crs()), "crs-1", null)).errors().get(0).field());
    }

    @Test
    void aRevocationReasonHasTheSameLimitAsASuspensionReason() {
        assertEquals("reason", assertThrows(InvalidAuthorizationException.class,
                () -> changes.revoke(List.of(Fixtures.crs()), "crs-1", "x".repeat(501))).errors().get(0).field());
        assertEquals(Status.REVOKED, changes.revoke(List.of(Fixtures.crs()), "crs-1", "x".repeat(500)).after().status());
    }

    @Test
    void updateKeepsIdAndStatusAndValidates() {
        List<PersonnelAuthorization> records = List.of(Fixtures.crs().withStatus(Status.SUSPENDED, "x", Fixtures.NOW));
        Change change = changes.update(records, "crs-1", Fixtures.withType(Fixtures.crs(), "support-staff", "SUP-9"));
        assertEquals("crs-1", change.after().id());
        assertEquals(Status.SUSPENDED, change.after().status());
        assertEquals("support-staff", change.after().type());
        assertThrows(AuthorizationChanges.NoSuchAuthorizationException.class,
                () -> changes.update(records, "other", Fixtures.crs()));
    }
}
