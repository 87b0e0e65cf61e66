package com.maintenanceaccess.kernel;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** An answer as the client reads it: Keycloak's JSON provider writes no null field, and neither does this. */
final class Wire {

    private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private Wire() {
    }

    static Map<String, Object> of(Object answer) {
        return JSON.convertValue(answer, new TypeReference<Map<String, Object>>() { });
    }
}
