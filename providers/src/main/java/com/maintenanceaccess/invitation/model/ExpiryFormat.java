package com.maintenanceaccess.invitation.model;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * The expiry as a person reads it, in their locale: "December 5, 2026, 9:30 AM UTC" or
 * "5. Dezember 2026, 09:30 UTC". Times are shown in UTC (the realm has no time zone of its
 * own) and the zone is always named so nobody misreads it.
 */
public final class ExpiryFormat {

    private ExpiryFormat() {
    }

    public static String format(Instant instant, Locale locale) {
        if (instant == null) {
            return "";
        }
        ZoneId utc = ZoneId.of("UTC");
        DateTimeFormatter formatter = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(locale == null ? Locale.ENGLISH : locale)
                .withZone(utc);
        return formatter.format(instant) + " UTC";
    }
}
