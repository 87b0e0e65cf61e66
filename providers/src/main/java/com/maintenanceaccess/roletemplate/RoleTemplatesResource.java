package com.maintenanceaccess.roletemplate;

import com.maintenanceaccess.kernel.AdminAudit;
import com.maintenanceaccess.kernel.Authority;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import com.maintenanceaccess.kernel.Problems.Problem;
import com.maintenanceaccess.kernel.Problems;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.keycloak.common.ClientConnection;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * {@code POST /realms/{realm}/mx/role-templates/plan} and {@code .../apply}: the body is
 * the whole input (YAML stream or bundle, or JSON bundle), at most {@value #MAX_BYTES}
 * bytes. Only callers with manage-realm get here (checked by the locator). Bad input:
 * 400 listing every problem, nothing written.
 */
public class RoleTemplatesResource {

    /**
     * 2 MiB: a hundred-times copy of the shipped catalog is 1.4 MiB of YAML (docs/benchmarks.md),
     * and the YAML parser's own limit is 3 million code points.
     */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    private final KeycloakSession session;
    private final Authority caller;

    public RoleTemplatesResource(KeycloakSession session, Authority caller) {
        this.session = session;
        this.caller = caller;
    }

    @POST
    @Path("plan")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "200", description = "the plan",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanSummary.PlanAnswer.class)))
    public Response plan(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        RealmModel realm = session.getContext().getRealm();
        try {
            List<InputParser.Source> sources = sources(contentType, body);
            Plan plan = importer().plan(realm, sources);
            return Response.ok(PlanSummary.response(realm.getName(), true, plan)).build();
        } catch (InvalidInputException e) {
            return Problems.badRequestResponse(e.problems());
        }
    }

    @POST
    @Path("apply")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "200", description = "the plan",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanSummary.PlanAnswer.class)))
    public Response apply(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        RealmModel realm = session.getContext().getRealm();
        ClientConnection connection = session.getContext().getConnection();
        try {
            List<InputParser.Source> sources = sources(contentType, body);
            Plan plan = importer().apply(realm, sources, (inner, target, applied) ->
                    AdminAudit.byAdmin(inner, target, caller.adminAuth(), connection, OperationType.ACTION,
                            RoleTemplatesImporterFactory.EVENT_RESOURCE_TYPE, RoleTemplatesImporterFactory.EVENT_RESOURCE_PATH,
                            PlanSummary.event("rest", applied), java.util.Map.of()));
            return Response.ok(PlanSummary.response(realm.getName(), false, plan)).build();
        } catch (InvalidInputException e) {
            return Problems.badRequestResponse(e.problems());
        }
    }

    private RoleTemplatesImporter importer() {
        return session.getProvider(RoleTemplatesImporter.class);
    }

    /** The body as one source; over the limit is a problem like any other. */
    private static List<InputParser.Source> sources(String contentType, InputStream body) {
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : body.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInputException(List.of(Problem.located("request body", 0, 0, "",
                    "input larger than the limit of " + MAX_BYTES + " bytes (2 MiB)")));
        }
        if (bytes.length == 0) {
            throw new InvalidInputException(List.of(Problem.located("request body", 0, 0, "", "the body is empty")));
        }
        boolean json = contentType != null && contentType.toLowerCase().contains("json");
        return List.of(new InputParser.Source("request body", new String(bytes, StandardCharsets.UTF_8), json));
    }
}
