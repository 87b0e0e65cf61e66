package com.maintenanceaccess.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void csvQuotesEveryCellAndDefusesFormulas() {
        assertEquals("\"a \"\"b\"\"\"", Csv.quote("a \"b\""));
        assertEquals("\"'=HYPERLINK(1)\"", Csv.quote("=HYPERLINK(1)"));
        assertEquals("\"\"", Csv.quote(null));
        assertEquals("\"'\t=1+1\"", Csv.quote("\t=1+1"), "a leading TAB is neutralised too");
        assertEquals("\"'\r@SUM(A1)\"", Csv.quote("\r@SUM(A1)"), "and a leading CR");
        assertEquals("\"'-2+3\"", Csv.quote("-2+3"));
    }

    @Test
    void aLineIsQuotedCellsEndedByCrlf() {
        assertEquals("\"a\",\"\",\"'=1\"\r\n", Csv.line(Arrays.asList("a", null, "=1")));
    }
}
