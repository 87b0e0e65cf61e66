package com.maintenanceaccess.roletemplate;

import com.maintenanceaccess.kernel.Problems.Problem;
import java.util.List;

/** The input cannot be applied; carries every problem found, not just the first. */
public class InvalidInputException extends RuntimeException {

    private final transient List<Problem> problems;

    public InvalidInputException(List<Problem> problems) {
        super(problems.size() + " problem(s): " + problems.stream().map(Problem::message).toList());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
