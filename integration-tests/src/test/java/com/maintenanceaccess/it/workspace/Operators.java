package com.maintenanceaccess.it.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Realm;
import java.util.List;
import java.util.Map;

/**
 * The people who use the workspace pages in these tests. Until the account-scoped roles exist,
 * the pages are used by a realm operator: a realm user with realm-management roles (what the
 * existing /mx endpoints accept) and the compliance and account-settings permissions.
 */
final class Operators {

    private static boolean consoleScoped;

    private Operators() {
    }

    /** Returns the operator's username; the password is {@link Realm#TEST_PASSWORD}. */
    static String operator(Realm realm) {
        scopeAccountConsoleToUserManagement(realm);
        String id = realm.createUser("operator", Map.of("firstName", "Ada", "lastName", "Operator"));
        realm.grantRealmManagement(id, "manage-users", "view-users", "manage-realm");
        realm.grantRealmRole(id, "personnel-authorizations:manage", "account-settings:manage");
        return realm.username(id);
    }

    /**
     * Keycloak's admin permissions count a realm-management role only when the calling client has
     * it in its scope (AdminAuth.hasAppRole checks client.hasScope), and the account-console client
     * has only the account roles in scope: the existing /mx endpoints refuse an operator's
     * account-console token with 403. The account-scoped authority (group membership, not token
     * scope) removes this; until it is merged, the tests give the account console view-users,
     * manage-users and manage-realm in scope, as a deployment would have to (docs/workspace.md, limits).
     */
    private static synchronized void scopeAccountConsoleToUserManagement(Realm realm) {
        if (consoleScoped) {
            return;
        }
        String console = realm.clientUuid("account-console");
        String management = realm.clientUuid("realm-management");
        List<JsonNode> roles = List.of(realm.adminGet("/clients/" + management + "/roles/view-users"),
                realm.adminGet("/clients/" + management + "/roles/manage-users"),
                realm.adminGet("/clients/" + management + "/roles/manage-realm"));
        Http.Response response = Http.postJson(realm.adminUrl("/clients/" + console + "/scope-mappings/clients/" + management),
                realm.adminToken(), roles);
        assertEquals(204, response.status(), response::toString);
        consoleScoped = true;
    }
}
