package com.maintenanceaccess.invitation.model;

/**
 * A refused invitation operation: the HTTP status to answer, the request field at fault
 * and a message for the administrator. Thrown before anything is written.
 */
public class InvitationException extends RuntimeException {

    private final int status;
    private final String field;

    public InvitationException(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public static InvitationException badRequest(String field, String message) {
        return new InvitationException(400, field, message);
    }

    public static InvitationException notFound(String field, String message) {
        return new InvitationException(404, field, message);
    }

    public static InvitationException conflict(String field, String message) {
        return new InvitationException(409, field, message);
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }
}
