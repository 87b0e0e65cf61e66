package com.maintenanceaccess.signoff;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.kernel.Csv;
import com.maintenanceaccess.kernel.Problems;
import com.maintenanceaccess.trail.TrailEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** The filters of {@code GET /mx/signoffs} and the two forms of its answer (JSON and CSV). */
public final class SignoffListing {

    /** A signature entry and its parsed body. */
    public record Row(TrailEntry entry, JsonNode record) {
    }

    /** Filters; null means not filtered. {@code account} is an organization id. */
    public record Query(String account, String person, String aircraft, Long fromMillis, Long toMillis, String outcome,
                        boolean csv) {

        public static Query parse(String account, String person, String aircraft, String from, String to, String outcome,
                                  String format) {
            if (outcome != null && !outcome.equals("accepted") && !outcome.equals("refused")) {
                throw Problems.invalid("outcome", "must be accepted or refused");
            }
            if (format != null && !format.equals("json") && !format.equals("csv")) {
                throw Problems.invalid("format", "must be json or csv");
            }
            Long fromMillis = instant("from", from, false);
            Long toMillis = instant("to", to, true);
            if (fromMillis != null && toMillis != null && fromMillis >= toMillis) {
                throw Problems.invalid("to", "must be after from");
            }
            return new Query(blank(account), blank(person), blank(aircraft), fromMillis, toMillis, outcome,
                    "csv".equals(format));
        }

        /** An instant, or a date (from its start; a {@code to} date includes the whole day). */
        private static Long instant(String field, String value, boolean endOfDay) {
            if (blank(value) == null) {
                return null;
            }
            try {
                return Instant.parse(value).toEpochMilli();
            } catch (DateTimeParseException notInstant) {
                try {
                    LocalDate day = LocalDate.parse(value);
                    return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
                } catch (DateTimeParseException e) {
                    throw Problems.invalid(field, "'" + value
                            + "' is not a date (2026-12-01) or an instant (2026-12-01T10:00:00Z)");
                }
            }
        }

        private static String blank(String value) {
            return value == null || value.isBlank() ? null : value;
        }

        /** The filters the database does not apply: account and aircraft (registration or type). */
        boolean matches(Row row) {
            JsonNode r = row.record();
            if (account != null && !account.equals(SignatureRecord.accountOf(r))) {
                return false;
            }
            JsonNode ac = r.path("what").path("aircraft");
            return aircraft == null || aircraft.equalsIgnoreCase(ac.path("registration").asText())
                    || aircraft.equalsIgnoreCase(ac.path("type").asText());
        }
    }

    private SignoffListing() {
    }

    /** One signature in an answer: the record with its place in the chain. */
    public static SignoffEntry item(TrailEntry entry, JsonNode record) {
        return new SignoffEntry(entry.id(), entry.seq(), entry.previousHash(), entry.hash(), record);
    }

    /**
     * One signature or refusal with its place in the chain. {@code record} is the signature record as the
     * trail holds it (docs/signoffs.md, "The signature record"), passed on as stored: its hash covers
     * those bytes, so it is not re-typed here.
     */
    public record SignoffEntry(String id, long seq, String previousHash, String hash,
                               @Schema(type = "object", description = "the signature record as stored in the trail")
                               JsonNode record) {
    }

    static final List<String> CSV_COLUMNS = List.of("id", "seq", "signedAt", "outcome", "reasons", "signerId",
            "signerUsername", "signerName", "authorizationReference", "authorizationRecordHash", "type", "registration",
            "aircraftType", "workOrder", "task", "taskCategory", "base", "meaning", "acr", "authTime", "sessionId", "hash");

    public static String csv(List<Row> rows) {
        StringBuilder out = new StringBuilder(line(CSV_COLUMNS));
        for (Row row : rows) {
            JsonNode r = row.record();
            JsonNode what = r.path("what");
            out.append(line(List.of(row.entry().id(), Long.toString(row.entry().seq()), r.path("signedAt").asText(),
                    r.path("outcome").asText(),
                    StreamSupport.stream(r.path("reasons").spliterator(), false).map(JsonNode::asText)
                            .collect(Collectors.joining(" ")),
                    r.path("signer").path("id").asText(""), r.path("signer").path("username").asText(""),
                    r.path("signer").path("name").asText(""), r.path("authorization").path("reference").asText(""),
                    r.path("authorization").path("recordHash").asText(""), what.path("type").asText(""),
                    what.path("aircraft").path("registration").asText(""), what.path("aircraft").path("type").asText(""),
                    what.path("workOrder").asText(""), what.path("task").asText(""), what.path("taskCategory").asText(""),
                    what.path("base").asText(""), r.path("meaning").asText(""), r.path("proof").path("acr").asText(""),
                    r.path("proof").path("authTime").asText(""), r.path("proof").path("sessionId").asText(""),
                    row.entry().hash())));
        }
        return out.toString();
    }

    private static String line(List<String> cells) {
        return Csv.line(cells);
    }
}
