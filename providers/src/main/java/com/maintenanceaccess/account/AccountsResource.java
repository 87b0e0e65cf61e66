package com.maintenanceaccess.account;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.maintenanceaccess.api.MxCaller;
import com.maintenanceaccess.api.Problems;
import com.maintenanceaccess.audit.AdminAudit;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * {@code /realms/{realm}/mx/accounts/{id}}: an account's enabled features and setup mode.
 * Reading needs view-users or the account-settings permission; changing needs the
 * account-settings permission (a realm role, so that it can be part of a role template).
 */
public class AccountsResource {

    /** The dedicated permission of the access catalog for account settings. */
    public static final String MANAGE_PERMISSION = "account-settings:manage";
    public static final String RESOURCE_TYPE = "MX_ACCOUNT";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 16 * 1024;

    private final KeycloakSession session;
    private final MxCaller caller;
    private final Supplier<Set<String>> knownFeatures;
    private final Clock clock;

    public AccountsResource(KeycloakSession session, MxCaller caller, Supplier<Set<String>> knownFeatures, Clock clock) {
        this.session = session;
        this.caller = caller;
        this.knownFeatures = knownFeatures;
        this.clock = clock;
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> get(@PathParam("id") String id) {
        caller.require(holdsPermission() || caller.permissions().users().canView(),
                MANAGE_PERMISSION + " or view-users");
        OrganizationModel account = find(id);
        return representation(account, AccountSettings.fromAttributes(account.getAttributes()));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("id") String id, String body) {
        caller.require(holdsPermission(), MANAGE_PERMISSION);
        OrganizationModel account = find(id);
        if (body == null || body.length() > MAX_BODY) {
            return Problems.badRequest("body: required, at most " + MAX_BODY + " bytes");
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return Problems.badRequest("body: malformed JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + " (" + e.getOriginalMessage() + ")");
        }
        AccountSettings before = AccountSettings.fromAttributes(account.getAttributes());
        AccountSettingsUpdate.Result result = AccountSettingsUpdate.apply(before, json, knownFeatures.get(), clock.instant());
        if (!result.valid()) {
            return Problems.badRequest(result.problems());
        }
        AccountSettings after = result.settings();
        if (!after.equals(before)) {
            account.setAttributes(after.applyTo(account.getAttributes()));
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("account", account.getAlias());
            change.put("before", before.toRepresentation(clock.instant()));
            change.put("after", after.toRepresentation(clock.instant()));
            change.put("setupModeSwitched", before.setupMode() != after.setupMode()
                    ? (after.setupMode() ? "on" : "off") : null);
            AdminAudit.byCaller(session, caller, OperationType.UPDATE, RESOURCE_TYPE, "accounts/" + account.getId(), change);
        }
        return Response.ok(representation(account, after)).build();
    }

    private boolean holdsPermission() {
        RealmModel realm = session.getContext().getRealm();
        RoleModel permission = realm.getRole(MANAGE_PERMISSION);
        return permission != null && caller.user() != null && caller.user().hasRole(permission);
    }

    /** By id or alias; 404 for anything not an account of this realm. */
    private OrganizationModel find(String id) {
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        OrganizationModel account;
        try {
            account = organizations == null ? null : organizations.getById(id);
        } catch (ModelException e) {
            // Keycloak throws (500) for the id of another realm's organization; to the caller
            // that is an account that does not exist here (HostileInputIT).
            account = null;
        }
        if (account == null && organizations != null) {
            account = organizations.getByAlias(id);
        }
        if (account == null) {
            throw new NotFoundException(Problems.notFound("account '" + id + "' does not exist in this realm"));
        }
        return account;
    }

    private Map<String, Object> representation(OrganizationModel account, AccountSettings settings) {
        Map<String, Object> representation = new LinkedHashMap<>();
        representation.put("id", account.getId());
        representation.put("alias", account.getAlias());
        representation.put("name", account.getName());
        representation.putAll(settings.toRepresentation(clock.instant()));
        return representation;
    }
}
