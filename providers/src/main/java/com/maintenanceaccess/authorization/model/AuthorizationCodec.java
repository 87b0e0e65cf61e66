package com.maintenanceaccess.authorization.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization.Licence;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization.Period;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization.Scope;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization.Status;
import com.maintenanceaccess.kernel.Problems.Problem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored form of a personnel authorization: one compact JSON object per value of the
 * user attribute {@code mx_authorizations}. The one place that reads or writes that format.
 *
 * <p>Format version 2 (documented in docs/authorizations.md; version 1 is the same without
 * {@code acc} and is still read, as a record with no issuing account):
 * <pre>
 * {"v":2,"id":"…","acc":issuing organization id,"t":"certifying-staff","ref":"…",
 *  "lic":{"a":authority,"n":number,"c":category,"x":"2029-03-31"},
 *  "ac":[aircraft…],"task":[tasks…],"base":[bases…],"lim":limitations,
 *  "fi":"2020-01-01","eff":"2026-01-01T00:00:00Z","exp":"2028-01-01T00:00:00Z",
 *  "st":"a|s|r","sr":status reason,"sd":status changed instant,
 *  "iss":issuer,"ct":"2026-06-01","xp":["2025-01-01/2025-12-31",…]}
 * </pre>
 * Absent keys mean "not set". A reader refuses a {@code v} it does not know rather than guess.
 */
public final class AuthorizationCodec {

    /** Version 2 adds {@code acc}, the issuing account; version 1 values are still read (no account). */
    public static final int VERSION = 2;
    static final int VERSION_1 = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private AuthorizationCodec() {
    }

    public static String encode(PersonnelAuthorization a) {
        ObjectNode o = JSON.createObjectNode();
        o.put("v", VERSION);
        put(o, "id", a.id());
        put(o, "acc", a.account());
        put(o, "t", a.type());
        put(o, "ref", a.reference());
        if (a.licence() != null) {
            ObjectNode lic = o.putObject("lic");
            put(lic, "a", a.licence().authority());
            put(lic, "n", a.licence().number());
            put(lic, "c", a.licence().category());
            put(lic, "x", a.licence().expiry());
        }
        list(o, "ac", a.scope().aircraft());
        list(o, "task", a.scope().tasks());
        list(o, "base", a.scope().bases());
        put(o, "lim", a.limitations());
        put(o, "fi", a.firstIssue());
        put(o, "eff", a.effective());
        put(o, "exp", a.expiry());
        o.put("st", a.status().id().substring(0, 1));
        put(o, "sr", a.statusReason());
        put(o, "sd", a.statusChanged());
        put(o, "iss", a.issuer());
        put(o, "ct", a.continuationTraining());
        if (!a.experience().isEmpty()) {
            ArrayNode xp = o.putArray("xp");
            a.experience().forEach(p -> xp.add(p.from() + "/" + p.to()));
        }
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads one stored value; field errors name the compact key's readable field. */
    public static PersonnelAuthorization decode(String value) {
        JsonNode o;
        try {
            o = JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw new InvalidAuthorizationException("value", "not a JSON object in the mx_authorizations format");
        }
        if (o == null || !o.isObject()) {
            throw new InvalidAuthorizationException("value", "not a JSON object in the mx_authorizations format");
        }
        int version = o.path("v").asInt(-1);
        if (version != VERSION && version != VERSION_1) {
            throw new InvalidAuthorizationException("v", "unsupported format version '" + o.path("v").asText()
                    + "' (this server reads versions " + VERSION_1 + " and " + VERSION + ")");
        }
        List<Problem> errors = new ArrayList<>();
        Reader r = new Reader(errors);
        JsonNode lic = o.get("lic");
        Licence licence = lic == null || lic.isNull() ? null : new Licence(text(lic, "a"), text(lic, "n"), text(lic, "c"),
                r.date(lic, "x", "licence.expiry"));
        PersonnelAuthorization a = new PersonnelAuthorization(
                text(o, "id"), text(o, "t"), text(o, "ref"), licence,
                new Scope(r.strings(o, "ac", "scope.aircraft"), r.strings(o, "task", "scope.tasks"),
                        r.strings(o, "base", "scope.bases")),
                text(o, "lim"), r.date(o, "fi", "firstIssue"), r.instant(o, "eff", "effective"),
                r.instant(o, "exp", "expiry"), r.status(o), text(o, "sr"), r.instant(o, "sd", "statusChanged"),
                text(o, "iss"), r.date(o, "ct", "continuationTraining"), r.periods(o),
                version == VERSION_1 ? null : text(o, "acc"));
        if (!errors.isEmpty()) {
            throw new InvalidAuthorizationException(errors);
        }
        return a;
    }

    static String text(JsonNode o, String key) {
        JsonNode n = o.get(key);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static void put(ObjectNode o, String key, Object value) {
        if (value != null) {
            o.put(key, value.toString());
        }
    }

    private static void list(ObjectNode o, String key, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode array = o.putArray(key);
            values.forEach(array::add);
        }
    }

    /** Lenient reading that collects errors instead of stopping at the first one. */
    static final class Reader {
        private final List<Problem> errors;

        Reader(List<Problem> errors) {
            this.errors = errors;
        }

        LocalDate date(JsonNode o, String key, String field) {
            String s = text(o, key);
            if (s == null || s.isBlank()) {
                return null;
            }
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                errors.add(new Problem(field, "'" + s + "' is not a date (YYYY-MM-DD)"));
                return null;
            }
        }

        Instant instant(JsonNode o, String key, String field) {
            String s = text(o, key);
            if (s == null || s.isBlank()) {
                return null;
            }
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e) {
                try {
                    // A plain date means the start of that day, UTC.
                    return LocalDate.parse(s).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException e2) {
                    errors.add(new Problem(field, "'" + s + "' is not an instant (e.g. 2026-01-01T00:00:00Z) or a date"));
                    return null;
                }
            }
        }

        List<String> strings(JsonNode o, String key, String field) {
            JsonNode n = o.get(key);
            List<String> values = new ArrayList<>();
            if (n == null || n.isNull()) {
                return values;
            }
            if (!n.isArray()) {
                errors.add(new Problem(field, "must be a list of strings"));
                return values;
            }
            n.forEach(item -> values.add(item.asText()));
            return values;
        }

        Status status(JsonNode o) {
            String s = text(o, "st");
            if (s == null) {
                return Status.ACTIVE;
            }
            return switch (s) {
                case "a", "active" -> Status.ACTIVE;
                case "s", "suspended" -> Status.SUSPENDED;
                case "r", "revoked" -> Status.REVOKED;
                default -> {
                    errors.add(new Problem("status", "unknown status '" + s + "'"));
                    yield Status.ACTIVE;
                }
            };
        }

        List<Period> periods(JsonNode o) {
            List<Period> periods = new ArrayList<>();
            List<String> raw = strings(o, "xp", "experience");
            for (int i = 0; i < raw.size(); i++) {
                String[] parts = raw.get(i).split("/");
                try {
                    periods.add(new Period(LocalDate.parse(parts[0]), LocalDate.parse(parts[1])));
                } catch (RuntimeException e) {
                    errors.add(new Problem("experience[" + i + "]", "'" + raw.get(i) + "' is not a period FROM/TO of dates"));
                }
            }
            return periods;
        }
    }
}
