package com.maintenanceaccess.authorization.rest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.maintenanceaccess.authorization.model.AuthorizationJson;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization;
import com.maintenanceaccess.kernel.Csv;
import java.util.List;

/** Roster entries as JSON objects or RFC 4180 CSV (every field quoted, quotes doubled). */
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

    static ObjectNode json(Row r) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("userId", r.userId());
        List<String> cells = r.cells();
        for (int i = 0; i < COLUMNS.size(); i++) {
            o.put(COLUMNS.get(i), cells.get(i));
        }
        o.set("scope", AuthorizationJson.write(r.authorization(), null).get("scope"));
        return o;
    }

    private static String line(List<String> cells) {
        return Csv.line(cells);
    }
}
