package com.maintenanceaccess.authorization.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.maintenanceaccess.authorization.AuthorizationView;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization;
import com.maintenanceaccess.kernel.Csv;
import jakarta.annotation.Nullable;
import java.util.List;

/** Roster entries as records or RFC 4180 CSV (every field quoted, quotes doubled). */
public final class RosterCsv {

    public static final List<String> COLUMNS = List.of("username", "firstName", "lastName", "email", "type", "reference",
            "licenceAuthority", "licenceNumber", "licenceCategory", "licenceExpiry", "aircraft", "tasks", "bases",
            "limitations", "effective", "expiry", "issuer");

    public record Row(String userId, String username, String firstName, String lastName, String email,
                      PersonnelAuthorization authorization) {

        List<String> cells() {
            PersonnelAuthorization a = authorization;
            PersonnelAuthorization.Licence l = a.licence();
            return java.util.Arrays.asList(username, firstName, lastName, email, a.type(), a.reference(),
                    l == null ? null : l.authority(), l == null ? null : l.number(), l == null ? null : l.category(),
                    l == null || l.expiry() == null ? null : l.expiry().toString(),
                    String.join(" ", a.scope().aircraft()), String.join(" ", a.scope().tasks()),
                    String.join(" ", a.scope().bases()), a.limitations(), a.effective().toString(),
                    a.expiry().toString(), a.issuer());
        }
    }

    private RosterCsv() {
    }

    public static String csv(List<Row> rows) {
        StringBuilder out = new StringBuilder(line(COLUMNS));
        rows.forEach(r -> out.append(line(r.cells())));
        return out.toString();
    }

    static RosterEntry json(Row r) {
        List<String> c = r.cells();
        return new RosterEntry(r.userId(), c.get(0), c.get(1), c.get(2), c.get(3), c.get(4), c.get(5), c.get(6), c.get(7),
                c.get(8), c.get(9), c.get(10), c.get(11), c.get(12), c.get(13), c.get(14), c.get(15), c.get(16),
                AuthorizationView.scope(r.authorization()));
    }

    /**
     * One person of the roster (format=json): the CSV's columns ({@link #COLUMNS}, in that order; a
     * cell without a value is null) and the scope as lists.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record RosterEntry(String userId, String username, @Nullable String firstName, @Nullable String lastName,
                              @Nullable String email, String type, String reference, @Nullable String licenceAuthority,
                              @Nullable String licenceNumber, @Nullable String licenceCategory,
                              @Nullable String licenceExpiry, String aircraft, String tasks, String bases,
                              @Nullable String limitations, String effective, String expiry, @Nullable String issuer,
                              AuthorizationView.ScopeView scope) {
    }

    private static String line(List<String> cells) {
        return Csv.line(cells);
    }
}
