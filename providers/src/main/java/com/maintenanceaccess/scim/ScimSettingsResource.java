package com.maintenanceaccess.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.account.RoleTemplateRoles;
import com.maintenanceaccess.kernel.AccountPermission;
import com.maintenanceaccess.kernel.Authority;
import com.maintenanceaccess.kernel.JsonBody;
import com.maintenanceaccess.kernel.Problems;
import com.maintenanceaccess.kernel.AdminAudit;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;

/**
 * {@code /realms/{realm}/mx/accounts/{account}/provisioning-settings}: how the account's
 * directory provisions people (docs/scim.md "Provisioning settings"): whether a created person
 * gets the invitation mail, and which role template each directory group stands for. Read and
 * changed by whoever manages the account's tokens (its account administrators; a realm operator
 * with manage-users); another account is 404 ({@link Authority}).
 */
@Produces(MediaType.APPLICATION_JSON)
public class ScimSettingsResource {

    public static final String RESOURCE_TYPE = "MX_SCIM_SETTINGS";

    private final KeycloakSession session;
    private final Authority caller;
    private final String accountParam;

    public ScimSettingsResource(KeycloakSession session, Authority caller, String accountParam) {
        this.session = session;
        this.caller = caller;
        this.accountParam = accountParam;
    }

    /** {@code {"onboarding", "groupMapping": [{"group","template"}], "privilegedTemplatesAllowed"}}. */
    @GET
    public ScimSettings.ProvisioningSettings get() {
        OrganizationModel account = caller.account(accountParam, AccountPermission.MANAGE_PEOPLE);
        return ScimSettings.view(account.getAttributes());
    }

    /**
     * Replaces what the body names: {@code onboarding} ({@code invitation} | {@code identity-provider})
     * and/or {@code groupMapping} (the whole list; {@code []} removes every entry). 400 naming each
     * field at fault, nothing changed.
     */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public ScimSettings.ProvisioningSettings put(String body) {
        OrganizationModel account = caller.account(accountParam, AccountPermission.MANAGE_PEOPLE);
        JsonNode json = JsonBody.object(body, true, Set.of("onboarding", "groupMapping"));
        RealmModel realm = session.getContext().getRealm();
        Map<String, List<String>> before = account.getAttributes();
        ScimSettings.Change checked = ScimSettings.change(before, json, name -> RoleTemplateRoles.byName(realm, name)
                .map(role -> new ScimSettings.Template(role.getName(), RoleTemplateRoles.privileged(role))));
        if (!checked.problems().isEmpty()) {
            throw Problems.invalid(checked.problems());
        }
        Map<String, List<String>> after = checked.after();
        ScimSettings.ProvisioningSettings beforeView = ScimSettings.view(before);
        ScimSettings.ProvisioningSettings afterView = ScimSettings.view(after);
        if (!beforeView.equals(afterView)) {
            account.setAttributes(after);
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("account", account.getAlias());
            change.put("before", beforeView);
            change.put("after", afterView);
            AdminAudit.byCaller(session, caller, OperationType.UPDATE, RESOURCE_TYPE,
                    "accounts/" + account.getId() + "/provisioning-settings", change);
        }
        return afterView;
    }
}
