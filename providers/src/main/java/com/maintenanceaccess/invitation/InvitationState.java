package com.maintenanceaccess.invitation;

import jakarta.annotation.Nullable;
import java.util.List;

/**
 * A person's invitation as the people API and the person's own page show it: {@code status} one of
 * pending, expired, accepted, revoked, not-sent, none; when it was sent and until when it holds;
 * why it could not be sent; and, on a single person's answer, its history lines (oldest first).
 */
public record InvitationState(String status, @Nullable String expiresAt, @Nullable String sentAt,
                              @Nullable String failure, @Nullable List<String> history) {

    /** Still waiting for the person, or never reached them: what the people list calls "invited". */
    public boolean open() {
        return List.of("pending", "expired", "not-sent").contains(status);
    }

    public InvitationState withHistory(List<String> lines) {
        return new InvitationState(status, expiresAt, sentAt, failure, lines);
    }
}
