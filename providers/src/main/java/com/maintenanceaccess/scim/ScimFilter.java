package com.maintenanceaccess.scim;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The filters this service provider answers (RFC 7644 §3.4.2.2), the ones Entra ID and Okta send:
 * one attribute, {@code eq}, one quoted string. Users: {@code userName}, {@code externalId},
 * {@code emails.value} / {@code emails[type eq "work"].value}, {@code id}; groups:
 * {@code displayName}, {@code externalId}, {@code id}. Anything else is 400 invalidFilter, never a
 * silently wider answer.
 */
public record ScimFilter(Attribute attribute, String value) {

    /** What a filter compares. */
    public enum Attribute { ID, USER_NAME, EXTERNAL_ID, EMAIL, DISPLAY_NAME }

    private static final Pattern FORM = Pattern.compile(
            "\\s*([A-Za-z0-9:._\\[\\]\" ]+?)\\s+(eq)\\s+\"((?:[^\"\\\\]|\\\\.)*)\"\\s*", Pattern.CASE_INSENSITIVE);

    /** Parses a Users filter ({@code forGroups} false) or a Groups filter. */
    public static ScimFilter parse(String filter, boolean forGroups) {
        if (filter == null || filter.isBlank()) {
            return null;
        }
        if (filter.length() > 1000) {
            throw ScimError.invalidFilter("filter: at most 1000 characters");
        }
        Matcher matcher = FORM.matcher(filter);
        if (!matcher.matches()) {
            throw ScimError.invalidFilter("filter: only <attribute> eq \"<value>\" is supported here ("
                    + supported(forGroups) + "), not: " + filter);
        }
        String path = matcher.group(1).trim().replace(" ", "");
        String lower = path.toLowerCase(Locale.ROOT);
        for (String prefix : new String[] {ScimJson.USER.toLowerCase(Locale.ROOT) + ":", ScimJson.GROUP.toLowerCase(Locale.ROOT) + ":"}) {
            if (lower.startsWith(prefix)) {
                lower = lower.substring(prefix.length());
            }
        }
        Attribute attribute = switch (lower) {
            case "id" -> Attribute.ID;
            case "externalid" -> Attribute.EXTERNAL_ID;
            case "username" -> forGroups ? null : Attribute.USER_NAME;
            case "emails", "emails.value", "emails[type eq\"work\"].value", "emails[typeeq\"work\"].value" -> forGroups ? null : Attribute.EMAIL;
            case "displayname" -> forGroups ? Attribute.DISPLAY_NAME : null;
            default -> null;
        };
        if (attribute == null) {
            throw ScimError.invalidFilter("filter: attribute " + matcher.group(1).trim() + " cannot be filtered here ("
                    + supported(forGroups) + ")");
        }
        String value = matcher.group(3).replace("\\\"", "\"").replace("\\\\", "\\");
        return new ScimFilter(attribute, value);
    }

    private static String supported(boolean forGroups) {
        return forGroups ? "displayName, externalId, id" : "userName, externalId, emails[type eq \"work\"].value, emails.value, id";
    }
}
