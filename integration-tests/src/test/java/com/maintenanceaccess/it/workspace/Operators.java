package com.maintenanceaccess.it.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.support.Realm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The realm operators who use the workspace pages in some of these tests: a realm user with
 * realm-management roles and the realm-wide compliance and account-settings roles. Their
 * account-console token carries those roles because the realm file gives {@code account-console}
 * their scope (realm-config/maintenance-realm.json, clientScopeMappings); this class checks that
 * the realm has it and adds nothing.
 */
final class Operators {

    static final List<String> CONSOLE_SCOPE = List.of("manage-realm", "manage-users", "view-users");

    private Operators() {
    }

    /** Returns the operator's username; the password is {@link Realm#TEST_PASSWORD}. */
    static String operator(Realm realm) {
        assertEquals(CONSOLE_SCOPE, accountConsoleScope(realm),
                "the realm file gives account-console the scope of the operator roles");
        String id = realm.createUser("operator", Map.of("firstName", "Ada", "lastName", "Operator"));
        realm.grantRealmManagement(id, "manage-users", "view-users", "manage-realm");
        realm.grantRealmRole(id, "personnel-authorizations:manage", "account-settings:manage");
        return realm.username(id);
    }

    /**
     * The realm-management roles in account-console's scope, sorted. Keycloak's admin permissions
     * count a realm-management role only when the calling client has it in scope
     * (AdminAuth.hasAppRole checks client.hasScope); scope only narrows what a token carries, so it
     * gives nothing to a user without the role.
     */
    static List<String> accountConsoleScope(Realm realm) {
        String console = realm.clientUuid("account-console");
        String management = realm.clientUuid("realm-management");
        JsonNode roles = realm.adminGet("/clients/" + console + "/scope-mappings/clients/" + management);
        List<String> names = new ArrayList<>();
        roles.forEach(role -> names.add(role.get("name").asText()));
        return names.stream().sorted().toList();
    }
}
