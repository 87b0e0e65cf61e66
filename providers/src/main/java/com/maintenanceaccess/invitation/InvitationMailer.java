package com.maintenanceaccess.invitation;

import com.maintenanceaccess.invitation.model.ExpiryFormat;
import com.maintenanceaccess.invitation.model.Invitation;
import com.maintenanceaccess.invitation.model.InvitationDetails;
import com.maintenanceaccess.kernel.Problems;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Sends the invitation through the realm's e-mail theme ({@code mx-invitation.ftl}, HTML and
 * text) in the user's locale. Values go to the templates raw; the templates escape them.
 */
final class InvitationMailer {

    static final String TEMPLATE = "mx-invitation.ftl";
    static final String SUBJECT = "mxInvitationSubject";

    private InvitationMailer() {
    }

    static void send(KeycloakSession session, RealmModel realm, UserModel user, Invitation invitation, String link,
            InvitationDetails details) {
        Locale locale = session.getContext().resolveLocale(user);
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("link", link);
        attributes.put("firstName", user.getFirstName() == null ? "" : user.getFirstName());
        attributes.put("lastName", user.getLastName() == null ? "" : user.getLastName());
        attributes.put("expiry", ExpiryFormat.format(invitation.expiresAt(), locale));
        attributes.put("inviterName", details.inviterName());
        if (details.accountName() != null) {
            attributes.put("accountName", details.accountName());
        }
        attributes.put("roles", details.roles());
        String realmName = realm.getDisplayName() != null ? realm.getDisplayName() : realm.getName();
        try {
            session.getProvider(EmailTemplateProvider.class)
                    .setRealm(realm)
                    .setUser(user)
                    .send(SUBJECT, List.of(realmName), TEMPLATE, attributes);
        } catch (EmailException e) {
            throw Problems.refusal(502, "email_failed", "the invitation e-mail could not be sent (" + e.getMessage() + ").");
        }
    }
}
