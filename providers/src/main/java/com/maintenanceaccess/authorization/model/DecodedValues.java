package com.maintenanceaccess.authorization.model;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decoded authorization records by their stored value, kept by the {@code mx_auth} token
 * mapper (one per server: Keycloak uses the mapper's factory instance for every token). Every
 * token decoded the holder's records; the profiler showed that decoding as the bundle's
 * largest share of a token (docs/benchmarks.md). Decoding is a pure function of the
 * value and records are immutable, so a value decodes once per node. A changed record is a
 * new value, so nothing is ever stale; the map is emptied when it reaches its limit, which
 * bounds memory without bookkeeping (one decode per value refills it).
 */
public final class DecodedValues {

    private final int limit;
    private final Map<String, PersonnelAuthorization> decoded = new ConcurrentHashMap<>();

    public DecodedValues(int limit) {
        this.limit = limit;
    }

    /** The record of a stored value; an unreadable value throws every time and is not kept. */
    public PersonnelAuthorization decode(String value) {
        PersonnelAuthorization known = decoded.get(value);
        if (known != null) {
            return known;
        }
        PersonnelAuthorization record = AuthorizationCodec.decode(value);
        if (decoded.size() >= limit) {
            decoded.clear();
        }
        decoded.put(value, record);
        return record;
    }

    int size() {
        return decoded.size();
    }
}
