package com.maintenanceaccess.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.kernel.AccountPermission;
import com.maintenanceaccess.kernel.Authority;
import com.maintenanceaccess.kernel.JsonBody;
import com.maintenanceaccess.kernel.Problems;
import com.maintenanceaccess.kernel.AdminAudit;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;

/**
 * {@code /realms/{realm}/mx/accounts/{id}}: an account's enabled features and setup mode.
 * Reading: any account role of that account, or a realm operator with view-users; changing:
 * an account administrator of that account, or a realm operator with manage-realm. Other
 * accounts do not exist for the caller (404). The account's people hang below it in the URL,
 * but are the people feature's ({@code people/AccountPeopleResource}, mounted by the root).
 */
public class AccountsResource {

    public static final String RESOURCE_TYPE = "MX_ACCOUNT";

    private final KeycloakSession session;
    private final Authority caller;
    private final Supplier<Set<String>> knownFeatures;
    private final Clock clock;

    public AccountsResource(KeycloakSession session, Authority caller, Supplier<Set<String>> knownFeatures, Clock clock) {
        this.session = session;
        this.caller = caller;
        this.knownFeatures = knownFeatures;
        this.clock = clock;
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public AccountSettings.AccountAnswer get(@PathParam("id") String id) {
        OrganizationModel account = caller.account(id, AccountPermission.VIEW_SETTINGS);
        return representation(account, AccountSettings.fromAttributes(account.getAttributes()));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public AccountSettings.AccountAnswer update(@PathParam("id") String id, String body) {
        OrganizationModel account = caller.account(id, AccountPermission.MANAGE_SETTINGS);
        JsonNode json = JsonBody.object(body);
        AccountSettings before = AccountSettings.fromAttributes(account.getAttributes());
        AccountSettingsUpdate.Result result = AccountSettingsUpdate.apply(before, json, knownFeatures.get(), clock.instant());
        if (!result.valid()) {
            throw Problems.invalid(result.problems());
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
        return representation(account, after);
    }

    /** The role templates the caller may grant in this account, for the account console's pickers. */
    @GET
    @Path("{account}/grantable-templates")
    @Produces(MediaType.APPLICATION_JSON)
    public List<RoleTemplateRoles.GrantableTemplate> grantableTemplates(@PathParam("account") String account) {
        caller.account(account, AccountPermission.MANAGE_PEOPLE);
        return RoleTemplateRoles.all(session.getContext().getRealm()).stream().map(RoleTemplateRoles::view).toList();
    }

    private AccountSettings.AccountAnswer representation(OrganizationModel account, AccountSettings settings) {
        return settings.answer(account.getId(), account.getAlias(), account.getName(), clock.instant());
    }
}
