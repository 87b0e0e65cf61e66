package com.maintenanceaccess.me;

import com.maintenanceaccess.authorization.rules.AuthorizationCatalog;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * One personnel authorization as a sentence a person reads ("Certifying staff UK.145.123, licence
 * B1.1 (UK CAA UK.66.1): aircraft A320-family; tasks line, base; bases LHR; valid until 2027-03-01;
 * usable at signoff."), instead of the stored compact JSON. Dates are UTC days.
 */
public final class AuthorizationText {

    private final AuthorizationCatalog catalog;

    public AuthorizationText(AuthorizationCatalog catalog) {
        this.catalog = catalog;
    }

    /** The catalog's name of the type, or the id when the catalog does not know it. */
    public String typeName(String type) {
        return catalog.type(type).map(AuthorizationCatalog.TypeRule::name).orElse(type);
    }

    public String summary(PersonnelAuthorization record, String state, boolean usableAtSignoff) {
        StringBuilder text = new StringBuilder(typeName(record.type())).append(' ').append(record.reference());
        if (record.licence() != null) {
            text.append(", licence ").append(record.licence().category()).append(" (").append(record.licence().authority())
                    .append(' ').append(record.licence().number()).append(')');
        }
        List<String> parts = new ArrayList<>();
        part(parts, "aircraft", record.scope().aircraft());
        part(parts, "tasks", record.scope().tasks());
        part(parts, "bases", record.scope().bases());
        if (record.limitations() != null && !record.limitations().isBlank()) {
            parts.add("limitations: " + record.limitations());
        }
        if (!parts.isEmpty()) {
            text.append(": ").append(String.join("; ", parts));
        }
        text.append("; ").append(state == null || state.isBlank() ? "state unknown" : state);
        Instant until = record.validUntil();
        if (until != null) {
            text.append(" until ").append(LocalDate.ofInstant(until, ZoneOffset.UTC));
        }
        text.append(usableAtSignoff ? "; usable at signoff." : "; not usable at signoff.");
        return text.toString();
    }

    private static void part(List<String> parts, String name, List<String> values) {
        if (!values.isEmpty()) {
            parts.add(name + " " + String.join(", ", values));
        }
    }
}
