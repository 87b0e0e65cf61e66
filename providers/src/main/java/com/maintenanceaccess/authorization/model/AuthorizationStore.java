package com.maintenanceaccess.authorization.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.keycloak.models.UserModel;

/**
 * Reads and writes a person's authorizations on the user model (attribute
 * {@code mx_authorizations}, one codec value per record) and keeps the expiry index beside
 * them. Reads go through the user model, so they hit the user cache, not the database.
 */
public final class AuthorizationStore {

    private static final Logger LOG = Logger.getLogger(AuthorizationStore.class);

    /** The user attribute holding one codec-encoded record per value. */
    public static final String ATTRIBUTE = "mx_authorizations";

    /** The readable records and any stored values that could not be read (kept untouched). */
    public record Stored(List<PersonnelAuthorization> records, List<String> unreadable) {
    }

    private AuthorizationStore() {
    }

    public static Stored read(UserModel user) {
        return read(user, AuthorizationCodec::decode);
    }

    /** The same with a decoder of one's own, e.g. the token mapper's memo ({@link DecodedValues}). */
    public static Stored read(UserModel user, Function<String, PersonnelAuthorization> decoder) {
        return read(user.getAttributeStream(ATTRIBUTE).toList(), user.getId(), decoder);
    }

    public static Stored read(List<String> values, String userId) {
        return read(values, userId, AuthorizationCodec::decode);
    }

    private static Stored read(List<String> values, String userId, Function<String, PersonnelAuthorization> decoder) {
        List<PersonnelAuthorization> records = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (String value : values) {
            try {
                records.add(decoder.apply(value));
            } catch (InvalidAuthorizationException e) {
                LOG.warnf("user %s has an unreadable %s value: %s", userId, ATTRIBUTE, e.getMessage());
                unreadable.add(value);
            }
        }
        return new Stored(records, unreadable);
    }

    public static void write(UserModel user, Stored stored, List<PersonnelAuthorization> records) {
        List<String> values = new ArrayList<>(stored.unreadable());
        records.forEach(a -> values.add(AuthorizationCodec.encode(a)));
        user.setAttribute(ATTRIBUTE, values);
        reindex(user, records);
    }

    /** Brings the expiry index in line with the records; writes only if it differs. */
    public static void reindex(UserModel user, List<PersonnelAuthorization> records) {
        List<String> index = ExpiryIndex.values(records);
        List<String> current = user.getAttributeStream(ExpiryIndex.ATTRIBUTE).sorted().toList();
        if (Objects.equals(index, current)) {
            return;
        }
        if (index.isEmpty()) {
            user.removeAttribute(ExpiryIndex.ATTRIBUTE);
        } else {
            user.setAttribute(ExpiryIndex.ATTRIBUTE, index);
        }
    }
}
