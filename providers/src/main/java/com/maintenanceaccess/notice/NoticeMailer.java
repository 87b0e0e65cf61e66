package com.maintenanceaccess.notice;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
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
        String until = date(facts.until(), locale);
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
        // A digest's lines (empty for every other kind), each with its date written the recipient's way.
        List<Map<String, Object>> items = new ArrayList<>();
        for (Notice.Item item : facts.items()) {
            Map<String, Object> line = new HashMap<>();
            line.put("personName", nonNull(item.personName()));
            line.put("authorizationType", nonNull(item.authorizationType()));
            line.put("reference", nonNull(item.reference()));
            line.put("until", date(item.until(), locale));
            line.put("what", item.what());
            items.add(line);
        }
        int total = facts.items().size() + facts.more();
        attributes.put("items", items);
        attributes.put("more", facts.more());
        attributes.put("total", total);
        String subjectKey = "mxNotice." + notice.kind().id() + ".subject";
        session.getProvider(EmailTemplateProvider.class)
                .setRealm(realm)
                .setUser(recipient)
                .send(subjectKey, List.of(nonNull(facts.reference()), until, nonNull(facts.personName()),
                        nonNull(facts.accountName()), String.valueOf(total)), TEMPLATE, attributes);
    }

    private static String date(java.time.Instant instant, Locale locale) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                .format(instant.atOffset(ZoneOffset.UTC).toLocalDate());
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
