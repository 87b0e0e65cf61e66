package com.maintenanceaccess.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.kernel.AccountPermission;
import com.maintenanceaccess.kernel.Authority;
import com.maintenanceaccess.kernel.JsonBody;
import com.maintenanceaccess.kernel.Problems;
import com.maintenanceaccess.kernel.Problems.Problem;
import com.maintenanceaccess.kernel.AdminAudit;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.Nullable;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;

/**
 * {@code /realms/{realm}/mx/accounts/{account}/scim-tokens}: an account's provisioning tokens
 * (docs/scim.md). The account administrators of that account (or a realm operator with
 * manage-users: a token manages the account's people) create, list and revoke them; another
 * account is 404 as everywhere ({@link Authority}). The secret is in the creation's answer only.
 */
@Produces(MediaType.APPLICATION_JSON)
public class ScimTokensResource {

    public static final String RESOURCE_TYPE = "MX_SCIM_TOKEN";
    static final int MAX_NAME = 100;
    static final int MAX_EXPIRY_DAYS = 3650;

    private final KeycloakSession session;
    private final Authority caller;
    private final String accountParam;
    private final Clock clock;

    public ScimTokensResource(KeycloakSession session, Authority caller, String accountParam, Clock clock) {
        this.session = session;
        this.caller = caller;
        this.accountParam = accountParam;
        this.clock = clock;
    }

    /** An account's provisioning tokens, revoked and expired ones included. */
    public record ScimTokenList(List<ScimToken.ScimTokenView> tokens) {
    }

    /** A token just created: its view and, this once, its secret and the address the directory sends to. */
    public record CreatedScimToken(String id, String name, String status, String createdBy, String created,
                                   @Nullable String expires, String secret, String scimBaseUrl) {
    }

    @GET
    public ScimTokenList list() {
        OrganizationModel account = caller.account(accountParam, AccountPermission.MANAGE_PEOPLE);
        Instant now = clock.instant();
        return new ScimTokenList(new ScimTokenTable(session).ofAccount(account.getId()).stream()
                .map(token -> token.view(now)).toList());
    }

    /** {"name": "…", "expiresInDays": 1..3650 (optional)}: 201 with the token and, this once, its {@code secret}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = CreatedScimToken.class)))
    public Response create(String body) {
        OrganizationModel account = caller.account(accountParam, AccountPermission.MANAGE_PEOPLE);
        JsonNode json = JsonBody.object(body, true, Set.of("name", "expiresInDays"));
        JsonBody.noNull(json, "expiresInDays");
        List<Problem> problems = new ArrayList<>();
        JsonNode nameNode = json.get("name");
        String name = nameNode != null && nameNode.isTextual() ? nameNode.asText().trim() : null;
        if (name == null || name.isEmpty()) {
            problems.add(Problems.problem("name", "is required: say which directory uses the token (e.g. \"Entra ID\")"));
        } else if (name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            problems.add(Problems.problem("name", "at most " + MAX_NAME + " characters, no control characters"));
        }
        Integer days = null;
        if (json.has("expiresInDays")) {
            JsonNode value = json.get("expiresInDays");
            if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 1 || value.asInt() > MAX_EXPIRY_DAYS) {
                problems.add(Problems.problem("expiresInDays", "a whole number from 1 to " + MAX_EXPIRY_DAYS));
            } else {
                days = value.asInt();
            }
        }
        if (!problems.isEmpty()) {
            throw Problems.invalid(problems);
        }
        ScimTokenTable table = new ScimTokenTable(session);
        Instant now = clock.instant();
        // The name is the actor of every provisioning event: two usable tokens with one name would blur the trail.
        String taken = name;
        if (table.ofAccount(account.getId()).stream().anyMatch(t -> t.usable(now) && t.name().equalsIgnoreCase(taken))) {
            throw Problems.conflict("this account already has a usable provisioning token named '" + name
                    + "': revoke it or choose another name.");
        }
        String id = UUID.randomUUID().toString();
        String secret = ScimSecret.create(id);
        ScimToken token = new ScimToken(id, account.getId(), name, caller.user().getUsername(), now, null,
                days == null ? null : now.plus(Duration.ofDays(days)), null, null);
        table.insert(token, ScimSecret.hash(secret));
        ScimToken.ScimTokenView view = token.view(now);
        audit(OperationType.CREATE, account, token, null, view);
        String scimBaseUrl = session.getContext().getUri().getBaseUriBuilder()
                .path("realms").path(session.getContext().getRealm().getName())
                .path("mx").path("accounts").path(account.getAlias()).path("scim").path("v2").build().toString();
        CreatedScimToken answer = new CreatedScimToken(view.id(), view.name(), view.status(), view.createdBy(),
                view.created(), view.expires(), secret, scimBaseUrl);
        return Response.status(Response.Status.CREATED).entity(answer).build();
    }

    /** Revokes the token: 204 (also when it was revoked already); a token of another account is 404. */
    @DELETE
    @Path("{tokenId}")
    public Response revoke(@PathParam("tokenId") String tokenId) {
        OrganizationModel account = caller.account(accountParam, AccountPermission.MANAGE_PEOPLE);
        ScimTokenTable table = new ScimTokenTable(session);
        ScimToken before = table.byId(tokenId == null ? "" : tokenId.trim()).map(ScimTokenTable.Stored::token)
                .filter(token -> token.accountId().equals(account.getId()))
                .orElseThrow(() -> Problems.notFound("provisioning token", tokenId));
        Instant now = clock.instant();
        if (table.revoke(account.getId(), before.id(), now, caller.user().getUsername())) {
            ScimToken after = table.byId(before.id()).orElseThrow().token();
            audit(OperationType.DELETE, account, before, before.view(now), after.view(now));
        }
        return Response.noContent().build();
    }

    private void audit(OperationType operation, OrganizationModel account, ScimToken token, Object before, Object after) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("account", account.getAlias());
        change.put("before", before);
        change.put("after", after);
        AdminAudit.byCaller(session, caller, operation, RESOURCE_TYPE,
                "accounts/" + account.getId() + "/scim-tokens/" + token.id(), change);
    }
}
