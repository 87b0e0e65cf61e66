package com.maintenanceaccess.scim;

import com.maintenanceaccess.kernel.JsonBody;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A SCIM error (RFC 7644 §3.12): status, {@code scimType} where the RFC defines one, and a
 * {@code detail} naming the attribute and the problem. {@code ScimResource} turns it into the
 * answer and rolls the request's transaction back, so a refused request changes nothing. A plain
 * exception rather than a {@code WebApplicationException}: that one needs a JAX-RS runtime to be
 * built, and the rules that throw this are unit-tested without one.
 */
public final class ScimError extends RuntimeException {

    static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

    private final int status;
    private final String scimType;
    private final String detail;

    ScimError(int status, String scimType, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.scimType = scimType;
        this.detail = detail;
    }

    public Response response() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schemas", java.util.List.of(SCHEMA));
        body.put("status", String.valueOf(status));
        if (scimType != null) {
            body.put("scimType", scimType);
        }
        body.put("detail", detail);
        Response.ResponseBuilder response = Response.status(status).type(ScimJson.MEDIA_TYPE).entity(write(body));
        if (status == 401) {
            response.header("WWW-Authenticate", "Bearer realm=\"scim\"");
        }
        return response.build();
    }

    public int status() {
        return status;
    }

    public String scimType() {
        return scimType;
    }

    public String detail() {
        return detail;
    }

    static ScimError invalidValue(String detail) {
        return new ScimError(400, "invalidValue", detail);
    }

    static ScimError invalidSyntax(String detail) {
        return new ScimError(400, "invalidSyntax", detail);
    }

    static ScimError invalidFilter(String detail) {
        return new ScimError(400, "invalidFilter", detail);
    }

    static ScimError invalidPath(String detail) {
        return new ScimError(400, "invalidPath", detail);
    }

    static ScimError noTarget(String detail) {
        return new ScimError(400, "noTarget", detail);
    }

    static ScimError mutability(String detail) {
        return new ScimError(400, "mutability", detail);
    }

    static ScimError uniqueness(String detail) {
        return new ScimError(409, "uniqueness", detail);
    }

    /** Unknown, and everything outside the token's account: the same answer (nothing to probe). */
    static ScimError notFound(String what, String id) {
        return new ScimError(404, null, what + " " + id + " not found");
    }

    static ScimError unauthorized() {
        return new ScimError(401, null, "a valid, unrevoked provisioning token of this account is required"
                + " (Authorization: Bearer mxscim_…)");
    }

    static ScimError tooLarge(String detail) {
        return new ScimError(413, null, detail);
    }

    static ScimError versionMismatch() {
        return new ScimError(412, null, "the resource changed since the version in If-Match; read it again");
    }

    private static String write(Map<String, Object> body) {
        try {
            return JsonBody.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
