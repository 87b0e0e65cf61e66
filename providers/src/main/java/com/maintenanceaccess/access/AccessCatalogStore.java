package com.maintenanceaccess.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.keycloak.models.RealmModel;

/**
 * The applied access catalog, kept on the realm as compact JSON in the realm attribute
 * {@value #ATTRIBUTE}. The role-template importer writes it (only when it changed); other
 * features read it to explain access and to validate account features.
 */
public final class AccessCatalogStore {

    public static final String ATTRIBUTE = "mx.access-catalog";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private AccessCatalogStore() {
    }

    /** The catalog last applied to the realm, or empty if none was applied yet. */
    public static Optional<AccessCatalog> read(RealmModel realm) {
        String json = realm.getAttribute(ATTRIBUTE);
        return json == null || json.isBlank() ? Optional.empty() : Optional.of(fromJson(json));
    }

    public static String toJson(AccessCatalog catalog) {
        try {
            return MAPPER.writeValueAsString(catalog);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the access catalog", e);
        }
    }

    public static AccessCatalog fromJson(String json) {
        try {
            return MAPPER.readValue(json, AccessCatalog.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored access catalog is not readable", e);
        }
    }
}
