package com.maintenanceaccess.people;

import com.maintenanceaccess.kernel.Problems.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a team to invite from CSV, as a spreadsheet exports it: a header row naming the columns
 * (first name, last name, e-mail, role templates; English or German), then one person per row.
 * Fields are separated by commas, or by semicolons (German spreadsheets) when the header has no
 * comma; quotes as RFC 4180. Several role templates in one cell are separated by {@code |} (or by
 * the other of comma and semicolon). Nothing here looks anything up: names of templates are checked
 * by the people API, row by row. Problems that concern the file as a whole (no header, a missing
 * column, too many rows) are problems of the field {@code csv}.
 */
public final class TeamCsv {

    public static final int MAX_ROWS = 500;

    /** One person of the file: the line it came from (1 is the header) and what it asks for. */
    public record Row(int line, String firstName, String lastName, String email, List<String> templates,
                      List<Problem> problems) {
    }

    /** The rows, or why the file as a whole cannot be read. */
    public record Team(List<Row> rows, List<Problem> problems) {
    }

    private static final Map<String, String> COLUMNS = columns();

    private TeamCsv() {
    }

    public static Team read(String text) {
        List<Line> lines = parse(text == null ? "" : text.replace("\uFEFF", ""));
        if (lines.isEmpty()) {
            return new Team(List.of(), List.of(new Problem("csv", "is empty: the first row names the columns "
                    + "firstName, lastName, email, templates")));
        }
        List<String> header = lines.get(0).cells();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String column = COLUMNS.get(normalized(header.get(i)));
            if (column != null) {
                index.putIfAbsent(column, i);
            }
        }
        List<Problem> problems = new ArrayList<>();
        for (String column : List.of("firstName", "lastName", "email", "templates")) {
            if (!index.containsKey(column)) {
                problems.add(new Problem("csv", "the first row has no column " + column
                        + " (it names the columns: firstName, lastName, email, templates)"));
            }
        }
        if (lines.size() - 1 > MAX_ROWS) {
            problems.add(new Problem("csv", "at most " + MAX_ROWS + " people at once (this file has " + (lines.size() - 1) + ")"));
        }
        if (!problems.isEmpty()) {
            return new Team(List.of(), problems);
        }
        char separator = separator(text);
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int n = 1; n < lines.size(); n++) {
            List<String> cells = lines.get(n).cells();
            int line = lines.get(n).number();
            String email = cell(cells, index.get("email"));
            List<Problem> rowProblems = new ArrayList<>();
            Integer earlier = email.isEmpty() ? null : seen.putIfAbsent(email.toLowerCase(Locale.ROOT), line);
            if (earlier != null) {
                rowProblems.add(new Problem("email", "is on line " + earlier + " already"));
            }
            List<String> templates = new ArrayList<>();
            for (String name : cell(cells, index.get("templates")).split(separator == ';' ? "[|,]" : "[|;]")) {
                if (!name.isBlank() && !templates.contains(name.trim())) {
                    templates.add(name.trim());
                }
            }
            rows.add(new Row(line, cell(cells, index.get("firstName")), cell(cells, index.get("lastName")), email,
                    List.copyOf(templates), List.copyOf(rowProblems)));
        }
        return new Team(List.copyOf(rows), List.of());
    }

    // ---------------------------------------------------------------- parsing

    /** One record of the file and the line it starts on (a quoted field may span lines). */
    record Line(int number, List<String> cells) {
    }

    static char separator(String text) {
        String first = text == null ? "" : text.lines().findFirst().orElse("");
        return first.indexOf(',') < 0 && first.indexOf(';') >= 0 ? ';' : ',';
    }

    /** The records that are not blank, with their line numbers. */
    static List<Line> parse(String text) {
        char separator = separator(text);
        List<Line> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == separator) {
                record.add(field.toString().trim());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString().trim());
                field.setLength(0);
                keep(records, recordLine, record);
                record = new ArrayList<>();
                line++;
                recordLine = line;
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString().trim());
            keep(records, recordLine, record);
        }
        return records;
    }

    private static void keep(List<Line> records, int line, List<String> record) {
        if (record.stream().anyMatch(cell -> !cell.isBlank())) {
            records.add(new Line(line, List.copyOf(record)));
        }
    }

    private static String cell(List<String> cells, int index) {
        return index < cells.size() ? cells.get(index).trim() : "";
    }

    private static String normalized(String header) {
        return header.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
    }

    private static Map<String, String> columns() {
        Map<String, String> columns = new HashMap<>();
        for (String name : List.of("firstname", "givenname", "vorname")) {
            columns.put(name, "firstName");
        }
        for (String name : List.of("lastname", "familyname", "surname", "nachname")) {
            columns.put(name, "lastName");
        }
        for (String name : List.of("email", "emailaddress", "mail", "emailadresse")) {
            columns.put(name, "email");
        }
        for (String name : List.of("templates", "roletemplates", "roles", "rollenvorlagen", "rollen")) {
            columns.put(name, "templates");
        }
        return Map.copyOf(columns);
    }
}
