package com.maintenanceaccess.kernel;

import com.maintenanceaccess.kernel.Problems.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * The one reader of the {@code /mx} API's integer query parameters. Parsed here rather than by
 * JAX-RS, because a parameter JAX-RS cannot convert answers 404, not a 400 naming it; the two
 * sentences are the ones the themes translate ({@link ProblemKeys}).
 */
public final class QueryParams {

    private QueryParams() {
    }

    /**
     * {@code value} as a whole number from {@code min} to {@code max}; {@code fallback} (may be null)
     * when it is absent or blank. When it is not, a problem naming {@code name} goes into
     * {@code problems} (so that every bad parameter is named at once) and the fallback is returned.
     */
    public static Integer integer(String name, String value, Integer fallback, int min, int max, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        int number;
        try {
            number = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            problems.add(Problems.problem(name, "'" + value + "' is not a whole number"));
            return fallback;
        }
        if (number < min || number > max) {
            problems.add(Problems.problem(name, "must be between " + min + " and " + max));
            return fallback;
        }
        return number;
    }

    /** The same, with a 400 naming {@code name} at once. */
    public static Integer integer(String name, String value, Integer fallback, int min, int max) {
        List<Problem> problems = new ArrayList<>();
        Integer number = integer(name, value, fallback, min, max, problems);
        if (!problems.isEmpty()) {
            throw Problems.invalid(problems);
        }
        return number;
    }
}
