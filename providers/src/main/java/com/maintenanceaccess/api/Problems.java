package com.maintenanceaccess.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** The bundle's error answers: a JSON body that names each field and its problem. */
public final class Problems {

    private Problems() {
    }

    public static Response badRequest(String problem) {
        return badRequest(List.of(problem));
    }

    /** 400 listing every problem found at once. */
    public static Response badRequest(List<String> problems) {
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", "invalid_request",
                        "error_description", String.join("; ", problems),
                        "problems", problems))
                .build();
    }

    /** 409: the write conflicts with what is stored (the message says what to do instead). */
    public static Response conflict(String message) {
        return Response.status(Response.Status.CONFLICT)
                .type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", "conflict", "error_description", message))
                .build();
    }

    public static Response notFound(String message) {
        return Response.status(Response.Status.NOT_FOUND)
                .type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", "not_found", "error_description", message))
                .build();
    }
}
