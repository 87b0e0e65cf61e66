package com.maintenanceaccess.notice;

/** A notice whose mail could not be sent yet (tried again by the next run while it is due). */
public record FailedNotice(String subjectId, String key, String recipientId, int attempts, String error) {
}
