package com.maintenanceaccess.authorization.model;

import com.maintenanceaccess.bundle.KeycloakInternals;
import com.maintenanceaccess.bundle.KeycloakStore;
import java.time.Instant;
import java.util.List;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Range queries on the expiry index ({@link ExpiryIndex}), a user attribute: the database sorts
 * and pages, so a view reads only the users on its page, never the realm. The queries on
 * Keycloak's user attributes are the seam's ({@link KeycloakStore#userAttributeRange}).
 */
public final class ExpiryQuery {

    /** One index hit: the user and the index value (validUntil|type|record id). */
    public record Hit(String userId, String indexValue) {
    }

    private final KeycloakStore store;

    public ExpiryQuery(KeycloakSession session) {
        this.store = KeycloakInternals.store(session, "the compliance views");
    }

    /** Ids of users that hold any stored authorization value, in id order, paged. */
    public List<String> holders(RealmModel realm, int first, int max) {
        return store.userAttributeHolders(realm.getId(), AuthorizationStore.ATTRIBUTE, first, max);
    }

    /** Hits with {@code from <= validUntil < to} (either bound may be null), optionally of one type. */
    public List<Hit> page(RealmModel realm, Instant from, Instant to, String type, int first, int max) {
        return store.userAttributeRange(realm.getId(), ExpiryIndex.ATTRIBUTE,
                        from == null ? null : ExpiryIndex.key(from),
                        to == null ? null : ExpiryIndex.key(to),
                        type == null ? null : ExpiryIndex.typePattern(type), first, max)
                .stream().map(a -> new Hit(a.userId(), a.value())).toList();
    }
}
