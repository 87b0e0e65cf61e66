package com.maintenanceaccess.kernel;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.theme.Theme;

/**
 * The account theme's texts where the server writes words itself rather than handing a client
 * keys (issue 24): the invitation mail's role names, a CSV in the reader's language. The same
 * texts the workspace shows, from the realm's account theme (the bundle's {@value #BUNDLE_THEME}
 * when the realm names none).
 */
public final class ThemeMessages {

    /** The theme whose texts name things when the realm names no account theme of its own. */
    public static final String BUNDLE_THEME = "maintenance";

    private ThemeMessages() {
    }

    /**
     * The account theme's messages in a language, the English behind any key the language lacks;
     * empty when the theme cannot be read (callers then keep names as stored).
     */
    public static Properties account(KeycloakSession session, RealmModel realm, Locale locale) {
        String themeName = realm.getAccountTheme() == null || realm.getAccountTheme().isBlank()
                ? BUNDLE_THEME : realm.getAccountTheme();
        Properties messages = new Properties();
        try {
            Theme theme = session.theme().getTheme(themeName, Theme.Type.ACCOUNT);
            if (theme != null) {
                messages.putAll(theme.getMessages(Locale.ENGLISH));
                if (locale != null && !locale.getLanguage().equals(Locale.ENGLISH.getLanguage())) {
                    messages.putAll(theme.getMessages(locale));
                }
            }
        } catch (IOException e) {
            // Without the theme's texts the names stay as stored.
        }
        return messages;
    }

    /**
     * The language a request asks for in its Accept-Language header, among those the realm offers
     * (its supported locales when internationalisation is on, else English): the first acceptable
     * one by quality; English when the header names none of them or is absent. Not the person's
     * stored language: a download is in the language of the page that asked for it, and a script
     * that sends no header gets English every time.
     */
    public static Locale requested(KeycloakSession session, RealmModel realm) {
        Set<String> offered = realm.isInternationalizationEnabled()
                ? realm.getSupportedLocalesStream().map(tag -> Locale.forLanguageTag(tag).getLanguage())
                        .collect(Collectors.toSet())
                : Set.of(Locale.ENGLISH.getLanguage());
        List<Locale> acceptable = session.getContext().getRequestHeaders() == null ? List.of()
                : session.getContext().getRequestHeaders().getAcceptableLanguages();
        return acceptable.stream()
                .filter(locale -> !locale.getLanguage().isEmpty() && !"*".equals(locale.getLanguage()))
                .filter(locale -> offered.contains(locale.getLanguage()))
                .map(locale -> Locale.forLanguageTag(locale.getLanguage()))
                .findFirst().orElse(Locale.ENGLISH);
    }
}
