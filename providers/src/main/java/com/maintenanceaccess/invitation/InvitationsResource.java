package com.maintenanceaccess.invitation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.maintenanceaccess.api.MxCaller;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * {@code /realms/{realm}/mx/invitations}: list (view-users), invite, resend, revoke and change
 * the address (manage-users). Bodies are read by hand so that a malformed body, an unknown
 * field or a wrong type is answered with 400 naming the field, before anything changes.
 */
public class InvitationsResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeycloakSession session;
    private final MxCaller caller;

    public InvitationsResource(KeycloakSession session, MxCaller caller) {
        this.session = session;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("status") String status, @QueryParam("minAgeDays") String minAgeDays,
            @QueryParam("maxAgeDays") String maxAgeDays, @QueryParam("address") String address,
            @QueryParam("first") String first, @QueryParam("max") String max) {
        caller.requireViewUsers();
        return answer(200, () -> service().list(
                InvitationFilter.parse(status, minAgeDays, maxAgeDays, address, first, max)));
    }

    @GET
    @Path("{userId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("userId") String userId) {
        caller.requireViewUsers();
        return answer(200, () -> service().get(userId));
    }

    /** Invites an existing user: {@code {"userId": "...", "expiresInDays": 7, "account": "alias-or-id"}}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response invite(String body) {
        caller.requireManageUsers();
        return answer(201, () -> {
            JsonNode json = object(body, Set.of("userId", "expiresInDays", "account"), true);
            return service().invite(text(json, "userId"), days(json), text(json, "account"), caller.adminAuth(),
                    baseUri());
        });
    }

    /** A new link to the same address; every earlier link stops working. Body optional: {@code {"expiresInDays": 7}}. */
    @POST
    @Path("{userId}/resend")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Produces(MediaType.APPLICATION_JSON)
    public Response resend(@PathParam("userId") String userId, String body) {
        caller.requireManageUsers();
        return answer(200, () -> {
            JsonNode json = object(body, Set.of("expiresInDays"), false);
            return service().resend(userId, days(json), caller.adminAuth(), baseUri());
        });
    }

    @POST
    @Path("{userId}/revoke")
    @Produces(MediaType.APPLICATION_JSON)
    public Response revoke(@PathParam("userId") String userId) {
        caller.requireManageUsers();
        return answer(200, () -> service().revoke(userId, caller.adminAuth()));
    }

    /** Moves a pending invitation to a corrected address: {@code {"email": "..."}}. */
    @PUT
    @Path("{userId}/email")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response changeAddress(@PathParam("userId") String userId, String body) {
        caller.requireManageUsers();
        return answer(200, () -> {
            JsonNode json = object(body, Set.of("email"), true);
            String email = text(json, "email");
            if (email == null) {
                throw InvitationException.badRequest("email", "email is required");
            }
            return service().changeAddress(userId, email, caller.adminAuth(), baseUri());
        });
    }

    // ------------------------------------------------------------------------------------

    private InvitationService service() {
        RealmModel realm = session.getContext().getRealm();
        return new InvitationService(session, realm);
    }

    private URI baseUri() {
        return session.getContext().getUri().getBaseUri();
    }

    private Response answer(int status, Supplier<Object> work) {
        try {
            return Response.status(status).entity(work.get()).type(MediaType.APPLICATION_JSON).build();
        } catch (InvitationException e) {
            // Checks throw before writing; a failed e-mail throws after: roll back either way.
            session.getTransactionManager().setRollbackOnly();
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("error", e.status() == 409 ? "conflict" : e.status() == 404 ? "not_found"
                    : e.status() == 502 ? "email_failed" : "invalid_request");
            error.put("field", e.field());
            error.put("error_description", e.getMessage());
            return Response.status(e.status()).entity(error).type(MediaType.APPLICATION_JSON).build();
        }
    }

    private static JsonNode object(String body, Set<String> allowed, boolean required) {
        if (body == null || body.isBlank()) {
            if (required) {
                throw InvitationException.badRequest("body", "a JSON object is required");
            }
            return JSON.createObjectNode();
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            throw InvitationException.badRequest("body", "the body is not valid JSON");
        }
        if (json == null || !json.isObject()) {
            throw InvitationException.badRequest("body", "the body must be a JSON object");
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw InvitationException.badRequest(name, "unknown field " + name + "; allowed: " + allowed);
            }
        }
        return json;
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw InvitationException.badRequest(field, field + " must be a non-empty string");
        }
        return value.asText();
    }

    private static Integer days(JsonNode json) {
        JsonNode value = json.get("expiresInDays");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw InvitationException.badRequest("expiresInDays", "expiresInDays must be a whole number of days");
        }
        return value.asInt();
    }
}
