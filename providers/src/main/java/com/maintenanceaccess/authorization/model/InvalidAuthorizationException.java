package com.maintenanceaccess.authorization.model;

import java.util.List;
import java.util.stream.Collectors;

/** An authorization that cannot be read or accepted; carries every field error found. */
public class InvalidAuthorizationException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidAuthorizationException(List<FieldError> errors) {
        super(errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public InvalidAuthorizationException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
