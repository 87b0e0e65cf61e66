package com.maintenanceaccess.invitation.model;

import java.util.List;
import java.util.Map;
import org.keycloak.models.UserModel;

/** Reads and writes an {@link Invitation} as the user's {@code mx.invitation.*} attributes. */
public final class InvitationStore {

    private InvitationStore() {
    }

    public static Invitation read(UserModel user) {
        return Invitation.read(key -> user.getAttributeStream(key).toList());
    }

    public static void write(UserModel user, Invitation invitation) {
        for (Map.Entry<String, List<String>> entry : invitation.toAttributes().entrySet()) {
            if (entry.getValue().isEmpty()) {
                user.removeAttribute(entry.getKey());
            } else {
                user.setAttribute(entry.getKey(), entry.getValue());
            }
        }
    }
}
