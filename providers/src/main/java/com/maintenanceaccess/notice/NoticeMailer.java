package com.maintenanceaccess.notice;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
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
 * Sends one notice through the realm's mail settings and e-mail theme ({@code mx-notice.ftl},
 * HTML and text), in the recipient's language. Values go to the template raw; it escapes them.
 * Dates are the UTC day, written the recipient's way ("6. Januar 2027").
 */
final class NoticeMailer {

    static final String TEMPLATE = "mx-notice.ftl";

    private NoticeMailer() {
    }

    static void send(KeycloakSession session, RealmModel realm, UserModel recipient, Notice notice) throws EmailException {
        Locale locale = session.getContext().resolveLocale(recipient);
        Notice.Facts facts = notice.facts();
        String until = facts.until() == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(locale).format(facts.until().atOffset(ZoneOffset.UTC).toLocalDate());
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("kind", notice.kind().id());
        attributes.put("personName", nonNull(facts.personName()));
        attributes.put("personEmail", nonNull(facts.personEmail()));
        attributes.put("accountName", nonNull(facts.accountName()));
        attributes.put("authorizationType", nonNull(facts.authorizationType()));
        attributes.put("reference", nonNull(facts.reference()));
        attributes.put("until", until);
        attributes.put("days", facts.days());
        attributes.put("byLicence", facts.byLicence());
        attributes.put("reason", nonNull(facts.reason()));
        String subjectKey = "mxNotice." + notice.kind().id() + ".subject";
        session.getProvider(EmailTemplateProvider.class)
                .setRealm(realm)
                .setUser(recipient)
                .send(subjectKey, List.of(nonNull(facts.reference()), until, nonNull(facts.personName()),
                        nonNull(facts.accountName())), TEMPLATE, attributes);
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
