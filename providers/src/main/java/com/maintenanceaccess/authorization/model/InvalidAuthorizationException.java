package com.maintenanceaccess.authorization.model;

import com.maintenanceaccess.kernel.Problems.Problem;
import java.util.List;
import java.util.stream.Collectors;

/** An authorization that cannot be read or accepted; carries every field error found. */
public class InvalidAuthorizationException extends RuntimeException {

    private final List<Problem> errors;

    public InvalidAuthorizationException(List<Problem> errors) {
        super(errors.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public InvalidAuthorizationException(String field, String message) {
        this(List.of(new Problem(field, message)));
    }

    public List<Problem> errors() {
        return errors;
    }
}
