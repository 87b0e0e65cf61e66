package com.maintenanceaccess.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.maintenanceaccess.kernel.Problems.Problem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryParamsTest {

    @Test
    void absentOrBlankIsTheFallback() {
        List<Problem> problems = new ArrayList<>();
        assertEquals(20, QueryParams.integer("max", null, 20, 1, 100, problems));
        assertEquals(20, QueryParams.integer("max", "  ", 20, 1, 100, problems));
        assertNull(QueryParams.integer("minAgeDays", null, null, 0, 10, problems));
        assertEquals(List.of(), problems);
    }

    @Test
    void aWholeNumberInRangeIsRead() {
        List<Problem> problems = new ArrayList<>();
        assertEquals(7, QueryParams.integer("days", " 7 ", 30, 1, 365, problems));
        assertEquals(List.of(), problems);
    }

    @Test
    void everyBadParameterIsNamedInOneWordingTheThemesTranslate() {
        List<Problem> problems = new ArrayList<>();
        assertEquals(0, QueryParams.integer("first", "abc", 0, 0, Integer.MAX_VALUE, problems));
        assertEquals(100, QueryParams.integer("max", "501", 100, 1, 500, problems));
        assertEquals(List.of(new Problem("first", "'abc' is not a whole number"), new Problem("max", "must be between 1 and 500")),
                problems);
        assertEquals("mxError.notWholeNumber", ProblemKeys.of(problems.get(0).message()).key());
        assertEquals("mxError.between", ProblemKeys.of(problems.get(1).message()).key());
    }
}
