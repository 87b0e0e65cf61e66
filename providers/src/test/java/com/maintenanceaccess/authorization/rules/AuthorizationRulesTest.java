package com.maintenanceaccess.authorization.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.maintenanceaccess.kernel.Problems.Problem;
import com.maintenanceaccess.authorization.model.Fixtures;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization.Licence;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization.Scope;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuthorizationRulesTest {

    private final AuthorizationRules rules = new AuthorizationRules(Fixtures.CATALOG);

    @Test
    void theFixturesAreValid() {
        assertEquals(List.of(), rules.check(Fixtures.crs()));
        assertEquals(List.of(), rules.check(Fixtures.inspection()));
    }

    static Stream<Arguments> invalid() {
        LocalDate lx = LocalDate.parse("2029-03-31");
        return Stream.of(
                Arguments.of("unknown type", (UnaryOperator<PersonnelAuthorization>) a -> Fixtures.withType(a, "wizard", a.reference()),
                        "type", "unknown authorization type 'wizard'"),
                Arguments.of("unknown category", (UnaryOperator<PersonnelAuthorization>) a -> Fixtures.withLicence(a,
                        new Licence("UK CAA", "1", "B9", lx)), "licence.category", "unknown licence category 'B9'"),
                Arguments.of("category not for the type", (UnaryOperator<PersonnelAuthorization>) a -> Fixtures.withLicence(a,
                        new Licence("UK CAA", "1", "A", lx)), "licence.category", "does not allow type certifying-staff"),
                Arguments.of("expiry before effective", (UnaryOperator<PersonnelAuthorization>) a -> Fixtures.withDates(a,
                        Instant.parse("2027-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z")), "expiry", "must be after effective"),
                Arguments.of("expiry equal to effective", (UnaryOperator<PersonnelAuthorization>) a -> Fixtures.withDates(a,
                        Instant.parse("2027-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z")), "expiry", "must be after effective"),
                Arguments.of("malformed reference", (UnaryOperator<PersonnelAuthorization>) a -> Fixtures.withType(a,
                        a.type(), "crs 17"), "reference", "malformed reference 'crs 17'"),
                Arguments.of("unknown aircraft", (UnaryOperator<PersonnelAuthorization>) a -> Fixtures.withScope(a,
                        new Scope(List.of("A320", "Concorde"), List.of("line"), List.of())), "scope.aircraft[1]",
                        "unknown aircraft type or group 'Concorde'"),
                Arguments.of("unknown task", (UnaryOperator<PersonnelAuthorization>) a -> Fixtures.withScope(a,
                        new Scope(List.of("A320"), List.of("ATA-7"), List.of())), "scope.tasks[0]", "unknown task category 'ATA-7'"),
                Arguments.of("no aircraft", (UnaryOperator<PersonnelAuthorization>) a -> Fixtures.withScope(a,
                        new Scope(List.of(), List.of("line"), List.of())), "scope.aircraft", "at least one"),
                Arguments.of("licence missing", (UnaryOperator<PersonnelAuthorization>) a -> Fixtures.withLicence(a, null),
                        "licence", "is required for type certifying-staff"),
                Arguments.of("no dates", (UnaryOperator<PersonnelAuthorization>) a -> Fixtures.withDates(a, null, null),
                        "effective", "is required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void eachInvalidRecordIsRefusedNamingTheField(String name, UnaryOperator<PersonnelAuthorization> change,
                                                   String field, String message) {
        List<Problem> errors = rules.check(change.apply(Fixtures.crs()));
        assertTrue(errors.stream().anyMatch(e -> e.field().equals(field) && e.message().contains(message)),
                () -> "expected " + field + ": " + message + " in " + errors);
    }

    @Test
    void aLicenceIsOptionalForAnInspectionButCheckedWhenGiven() {
        assertEquals(List.of(), rules.check(Fixtures.inspection()));
        List<Problem> errors = rules.check(Fixtures.withLicence(Fixtures.inspection(), new Licence(" ", null, "B2", null)));
        assertEquals(List.of("licence.authority", "licence.number", "licence.expiry"),
                errors.stream().map(Problem::field).toList());
    }
}
