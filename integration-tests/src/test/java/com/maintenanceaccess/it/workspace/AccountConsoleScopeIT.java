package com.maintenanceaccess.it.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.support.Realm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The realm file gives {@code account-console} the scope of view-users, manage-users and
 * manage-realm: an operator's account-console token carries those of their roles (not another
 * realm-management role such as manage-clients), an account administrator's carries none. Read with Keycloak's own
 * "evaluate client scopes" example token for each user.
 */
class AccountConsoleScopeIT {

    private final Realm realm = Realm.maintenance();

    @Test
    void theConsolesScopeCarriesAnOperatorsThreeRolesAndGivesNothingToAnAccountAdministrator() {
        String operator = realm.createUser("ws-scope-operator", Map.of());
        realm.grantRealmManagement(operator, "view-users", "manage-users", "manage-realm", "manage-clients");
        List<String> carried = managementRolesInConsoleToken(operator);
        assertTrue(carried.containsAll(List.of("manage-realm", "manage-users", "view-users")), carried::toString);
        assertFalse(carried.contains("manage-clients"), "a role outside the scope stays out: " + carried);

        String account = realm.createAccount("ws-scope", true, Map.of());
        String administrator = realm.accountPerson(account, "ws-scope-admin", "account-administrator");
        assertEquals(List.of(), managementRolesInConsoleToken(administrator), "scope gives nothing to a non-operator");
        assertFalse(Operators.accountConsoleScope(realm).isEmpty());
    }

    /** The realm-management roles in the example access token of account-console for this user, sorted. */
    private List<String> managementRolesInConsoleToken(String userId) {
        String console = realm.clientUuid("account-console");
        JsonNode token = realm.adminGet("/clients/" + console + "/evaluate-scopes/generate-example-access-token?scope=openid&userId="
                + userId);
        List<String> roles = new ArrayList<>();
        token.path("resource_access").path("realm-management").path("roles").forEach(role -> roles.add(role.asText()));
        return roles.stream().sorted().toList();
    }
}
