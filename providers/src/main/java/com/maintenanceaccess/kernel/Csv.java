package com.maintenanceaccess.kernel;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The bundle's one CSV writer (RFC 4180): every cell quoted, quotes doubled, lines ended by CRLF, and
 * a cell that a spreadsheet would run as a formula neutralised (OWASP "CSV injection").
 */
public final class Csv {

    /** First characters that make a spreadsheet treat a cell as a formula. */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private Csv() {
    }

    /** One line of quoted cells, ended by CRLF. */
    public static String line(List<String> cells) {
        return cells.stream().map(Csv::quote).collect(Collectors.joining(",")) + "\r\n";
    }

    /**
     * Quotes the cell; a cell starting with =, +, -, @, TAB or CR is prefixed with ' so that
     * spreadsheets do not run it as a formula. {@code null} is the empty cell.
     */
    public static String quote(String cell) {
        String value = cell == null ? "" : cell;
        if (!value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
