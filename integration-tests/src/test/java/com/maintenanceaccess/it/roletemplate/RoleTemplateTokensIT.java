package com.maintenanceaccess.it.roletemplate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.maintenanceaccess.it.support.AppLogin;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Realm;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Users holding one role template in their account log in to the maintenance app (code + PKCE)
 * and get a token whose mx_perms claim is exactly their template's permissions, and nothing
 * realm-wide: no roles in realm_access, no module scopes (templates are held per account and
 * carry no realm role, docs/role-templates.md "Tokens"). The maintenance realm holds the real
 * realm-config files (imported at start).
 */
class RoleTemplateTokensIT {

    private final Realm realm = Realm.maintenance();

    @Test
    void aPlannerGetsPlanningAndNothingElse() throws Exception {
        Set<String> perms = loginWith("planner");
        assertTrue(perms.containsAll(Set.of("aircraft:create", "defects:edit", "recurring-maintenance:view",
                "workorders:create", "workpackages:export")), perms::toString);
        assertFalse(perms.contains("workorders:release"), "planners do not release to service");
        assertFalse(perms.stream().anyMatch(p -> p.startsWith("inventory:") || p.startsWith("users:")), perms::toString);
    }

    @Test
    void aTechnicianGetsWorkshopAndActiveWorkOrders() throws Exception {
        Set<String> perms = loginWith("technician");
        assertTrue(perms.containsAll(Set.of("workorders:view", "tasks:complete", "time-entries:create",
                "tools:view", "signoffs:complete")), perms::toString);
        assertFalse(perms.contains("workorders:create"), perms::toString);
        assertFalse(perms.contains("signoffs:release"), "release is certifying staff's");
    }

    @Test
    void aStoresUserGetsStoresOnly() throws Exception {
        Set<String> perms = loginWith("stores");
        assertTrue(perms.containsAll(Set.of("inventory:create", "receiving-inspections:complete", "reservations:edit",
                "pick-lists:complete", "stock-counts:create", "stock-adjustments:create")), perms::toString);
        assertFalse(perms.contains("stock-adjustments:approve"), perms::toString);
    }

    @Test
    void aReadOnlyComplianceUserGetsViewAndExportOfComplianceOnly() throws Exception {
        Set<String> perms = loginWith("compliance-read-only");
        assertEquals(Set.of("technical-records:view", "technical-records:export", "directives:view", "directives:export",
                "compliance-documents:view", "compliance-documents:export"), perms);
    }

    /**
     * Creates a user with the template role, logs in, checks scopes and claims against the
     * role's composites (as the admin API reports them) and the real catalog; returns the claim.
     */
    private Set<String> loginWith(String template) throws Exception {
        String account = realm.createAccount("tokens", true, Map.of());
        String userId = realm.accountPerson(account, template);
        realm.grantTemplate(account, userId, template);

        JsonNode tokens = AppLogin.login(realm.url(""), realm.username(userId), Realm.TEST_PASSWORD, "openid");
        JsonNode access = AppLogin.claims(tokens.get("access_token").asText());

        Set<String> expected = new TreeSet<>();
        realm.adminGet("/roles/" + template + "/composites/realm").forEach(r -> expected.add(r.get("name").asText()));
        assertFalse(expected.isEmpty());
        Set<String> perms = new TreeSet<>();
        access.get("mx_perms").forEach(p -> perms.add(p.asText()));
        assertEquals(expected, perms, "mx_perms is exactly the template's permissions");

        Set<String> scopes = new TreeSet<>();
        for (String scope : access.get("scope").asText().split(" ")) {
            if (scope.startsWith("maintenance:")) {
                scopes.add(scope);
            }
        }
        assertFalse(modulesOf(perms).isEmpty());
        assertEquals(Set.of(), scopes, "no module scope: Keycloak grants one only for a realm-wide role");

        // Nothing realm-wide: no permission, no template role, no defaults.
        Set<String> roles = new TreeSet<>();
        if (access.has("realm_access")) {
            access.get("realm_access").get("roles").forEach(r -> roles.add(r.asText()));
        }
        assertEquals(Set.of(), roles);
        assertNull(access.get("resource_access"), "no client roles in the app's token");
        assertNull(AppLogin.claims(tokens.get("id_token").asText()).get("mx_perms"), "the claim is for the access token");
        return perms;
    }

    /** The modules of permissions, read from the real access catalog file. */
    private static Set<String> modulesOf(Set<String> perms) throws Exception {
        JsonNode catalog = new ObjectMapper(new YAMLFactory()).readTree(
                RoleTemplateFiles.read(RoleTemplateFiles.dir().resolve("access-catalog.yaml")));
        Map<String, String> moduleOfArea = new HashMap<>();
        catalog.get("modules").forEach(m -> m.get("areas").forEach(a ->
                moduleOfArea.put(a.get("id").asText(), m.get("id").asText())));
        Set<String> modules = new TreeSet<>();
        perms.forEach(p -> modules.add("maintenance:" + moduleOfArea.get(p.substring(0, p.indexOf(':')))));
        return modules;
    }
}
