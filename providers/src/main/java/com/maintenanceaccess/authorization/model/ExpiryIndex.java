package com.maintenanceaccess.authorization.model;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * The sortable expiry index kept beside the records (user attribute
 * {@code mx_authorizations_until}), so that the compliance views can ask the database for a
 * range of expiry instants instead of reading every user. One value per record that is not
 * revoked: {@code <validUntil, fixed-width UTC>|<type>|<record id>}; fixed width makes the
 * string order the time order.
 */
public final class ExpiryIndex {

    public static final String ATTRIBUTE = "mx_authorizations_until";
    private static final DateTimeFormatter KEY = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private ExpiryIndex() {
    }

    public static String key(Instant instant) {
        return KEY.format(instant);
    }

    public static List<String> values(List<PersonnelAuthorization> records) {
        return records.stream()
                .filter(a -> a.status() != PersonnelAuthorization.Status.REVOKED && a.validUntil() != null)
                .map(a -> key(a.validUntil()) + "|" + a.type() + "|" + a.id())
                .sorted()
                .toList();
    }

    /** The record id of an index value. */
    public static String recordId(String value) {
        return value.substring(value.lastIndexOf('|') + 1);
    }

    /** The type of an index value. */
    public static String type(String value) {
        return value.substring(value.indexOf('|') + 1, value.lastIndexOf('|'));
    }

    /** A LIKE pattern matching index values of one type. */
    public static String typePattern(String type) {
        Objects.requireNonNull(type);
        return "%|" + type + "|%";
    }
}
