package com.maintenanceaccess.invitation.model;

import com.maintenanceaccess.kernel.ThemeMessages;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Function;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;

/**
 * A role as the invitee reads it in the invitation mail and on the invitation page, in their
 * language: a bundled role template by the name and description the workspace gives it (the
 * account theme's {@code mxTemplateName.<name>} and {@code mxTemplateDescription.<name>}, "Planning
 * (Plant die Instandhaltung …)"), any other role by its name and description as stored.
 */
final class RoleWords {

    private RoleWords() {
    }

    static Function<RoleModel, String> in(KeycloakSession session, RealmModel realm, Locale locale) {
        Properties messages = ThemeMessages.account(session, realm, locale);
        return role -> {
            String name = messages.getProperty("mxTemplateName." + role.getName());
            if (name == null) {
                return asStored(role);
            }
            String description = messages.getProperty("mxTemplateDescription." + role.getName());
            return description == null ? name : name + " (" + description + ")";
        };
    }

    static String asStored(RoleModel role) {
        return role.getDescription() != null && !role.getDescription().isBlank()
                ? role.getName() + " (" + role.getDescription() + ")" : role.getName();
    }
}
