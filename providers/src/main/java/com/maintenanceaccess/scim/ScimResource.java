package com.maintenanceaccess.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.keycloak.models.KeycloakSession;

/**
 * {@code /realms/{realm}/mx/accounts/{account}/scim/v2}: the account's SCIM 2.0 service provider
 * (RFC 7643/7644, docs/scim.md). Reached from {@code MxRootResource} without the bundle's bearer
 * authentication: the caller is a provisioning token ({@link ScimCaller#authenticate}, 401/404,
 * at the start of every request), and every answer, error included, is SCIM's
 * ({@code application/scim+json}).
 */
public class ScimResource {

    static final String KIND_USER = "MX_SCIM_USER";
    static final String KIND_GROUP = "MX_SCIM_GROUP";

    private final KeycloakSession session;
    private final String accountParam;
    private final java.time.Clock clock;

    public ScimResource(KeycloakSession session, String accountParam, java.time.Clock clock) {
        this.session = session;
        this.accountParam = accountParam;
        this.clock = clock;
    }

    /** What one request does, for its authenticated caller. */
    private interface Work {
        Response apply(ScimCaller caller, String baseUrl);
    }

    /**
     * Authenticates, runs the work, and answers a {@link ScimError} as SCIM's error body with the
     * request's transaction rolled back: a refused request changes nothing, whatever step refused it.
     */
    private Response answer(Work work) {
        try {
            ScimCaller caller = ScimCaller.authenticate(session, accountParam, clock);
            String baseUrl = session.getContext().getUri().getBaseUriBuilder().path("realms")
                    .path(session.getContext().getRealm().getName()).path("mx").path("accounts")
                    .path(caller.account().getAlias()).path("scim").path("v2").build().toString();
            return work.apply(caller, baseUrl);
        } catch (ScimError e) {
            session.getTransactionManager().setRollbackOnly();
            return e.response();
        }
    }

    // ---- discovery ----------------------------------------------------------------------

    @GET
    @Path("ServiceProviderConfig")
    public Response serviceProviderConfig() {
        return answer((caller, baseUrl) -> ok(ScimDiscovery.serviceProviderConfig(baseUrl)));
    }

    @GET
    @Path("ResourceTypes")
    public Response resourceTypes() {
        return answer((caller, baseUrl) -> ok(ScimDiscovery.resourceTypes(baseUrl)));
    }

    @GET
    @Path("ResourceTypes/{name}")
    public Response resourceType(@PathParam("name") String name) {
        return answer((caller, baseUrl) -> ok(ScimDiscovery.resourceType(baseUrl, name)));
    }

    @GET
    @Path("Schemas")
    public Response schemas() {
        return answer((caller, baseUrl) -> ok(ScimDiscovery.schemas(baseUrl)));
    }

    @GET
    @Path("Schemas/{id}")
    public Response schema(@PathParam("id") String id) {
        return answer((caller, baseUrl) -> ok(ScimDiscovery.schema(baseUrl, id)));
    }

    // ---- Users ----------------------------------------------------------------------------

    @GET
    @Path("Users")
    public Response users(@QueryParam("filter") String filter, @QueryParam("startIndex") String startIndex,
                          @QueryParam("count") String count) {
        return answer((caller, baseUrl) -> ok(new ScimUsers(session, caller, baseUrl).list(ScimFilter.parse(filter, false),
                startIndex(startIndex), count(count))));
    }

    @POST
    @Path("Users")
    public Response createUser(String body) {
        return answer((caller, baseUrl) -> created(new ScimUsers(session, caller, baseUrl)
                .create(ScimUserInput.parse(ScimJson.object(body)))));
    }

    @GET
    @Path("Users/{id}")
    public Response user(@PathParam("id") String id) {
        return answer((caller, baseUrl) -> ok(new ScimUsers(session, caller, baseUrl).get(id)));
    }

    @PUT
    @Path("Users/{id}")
    public Response replaceUser(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body) {
        return answer((caller, baseUrl) -> {
            ScimUserInput input = ScimUserInput.parse(ScimJson.object(body));
            return ok(new ScimUsers(session, caller, baseUrl).replace(id, input, ifMatch));
        });
    }

    @PATCH
    @Path("Users/{id}")
    public Response patchUser(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body) {
        return answer((caller, baseUrl) -> {
            ObjectNode patch = ScimJson.object(body);
            ScimUsers users = new ScimUsers(session, caller, baseUrl);
            ObjectNode patched = ScimPatch.applyToUser(users.current(id, ifMatch), patch);
            return ok(users.replace(id, ScimUserInput.parse(patched), null));
        });
    }

    @DELETE
    @Path("Users/{id}")
    public Response deleteUser(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return answer((caller, baseUrl) -> {
            new ScimUsers(session, caller, baseUrl).delete(id, ifMatch);
            return Response.noContent().build();
        });
    }

    // ---- Groups ---------------------------------------------------------------------------

    @GET
    @Path("Groups")
    public Response groups(@QueryParam("filter") String filter, @QueryParam("startIndex") String startIndex,
                           @QueryParam("count") String count) {
        return answer((caller, baseUrl) -> ok(new ScimGroups(session, caller, baseUrl).list(ScimFilter.parse(filter, true),
                startIndex(startIndex), count(count))));
    }

    @POST
    @Path("Groups")
    public Response createGroup(String body) {
        return answer((caller, baseUrl) -> created(new ScimGroups(session, caller, baseUrl).create(ScimJson.object(body))));
    }

    @GET
    @Path("Groups/{id}")
    public Response group(@PathParam("id") String id) {
        return answer((caller, baseUrl) -> ok(new ScimGroups(session, caller, baseUrl).get(id)));
    }

    @PUT
    @Path("Groups/{id}")
    public Response replaceGroup(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body) {
        return answer((caller, baseUrl) -> ok(new ScimGroups(session, caller, baseUrl).replace(id, ScimJson.object(body), ifMatch)));
    }

    @PATCH
    @Path("Groups/{id}")
    public Response patchGroup(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body) {
        return answer((caller, baseUrl) -> ok(new ScimGroups(session, caller, baseUrl).patch(id, ScimJson.object(body), ifMatch)));
    }

    @DELETE
    @Path("Groups/{id}")
    public Response deleteGroup(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return answer((caller, baseUrl) -> {
            new ScimGroups(session, caller, baseUrl).delete(id, ifMatch);
            return Response.noContent().build();
        });
    }

    // ------------------------------------------------------------------------------------

    private static Response ok(ObjectNode body) {
        Response.ResponseBuilder response = Response.ok(ScimJson.write(body)).type(ScimJson.MEDIA_TYPE);
        String version = body.path("meta").path("version").asText(null);
        return (version == null ? response : response.header("ETag", version)).build();
    }

    private static Response created(ObjectNode body) {
        return Response.status(Response.Status.CREATED).entity(ScimJson.write(body)).type(ScimJson.MEDIA_TYPE)
                .location(URI.create(body.path("meta").path("location").asText()))
                .header("ETag", body.path("meta").path("version").asText()).build();
    }

    /** 1-based; below 1 counts as 1 (RFC 7644 §3.4.2.4); not a number: 400 invalidValue. */
    static int startIndex(String value) {
        return Math.max(1, number("startIndex", value, 1));
    }

    /** Negative counts as 0, more than the page size as the page size (the RFC lets the provider return fewer). */
    static int count(String value) {
        return Math.min(ScimUsers.MAX_PAGE, Math.max(0, number("count", value, ScimUsers.MAX_PAGE)));
    }

    private static int number(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ScimError.invalidValue(name + ": '" + value + "' is not a whole number");
        }
    }
}
