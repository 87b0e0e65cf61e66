package com.maintenanceaccess.authorization.model;

/** A problem with one field of an authorization, e.g. {@code licence.category}. */
public record FieldError(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
