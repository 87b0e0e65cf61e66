package com.maintenanceaccess.root;

import com.maintenanceaccess.kernel.AccountRole;
import com.maintenanceaccess.kernel.Authority;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * {@code GET /mx/me}: who the caller is, whether they are a realm operator, and in which
 * accounts they hold which roles, and which workspace pages ({@link WorkspacePage}) they may use
 * in each account and outside any. Operators see every account with every role (they act in
 * all of them); everybody else sees only accounts where a role of theirs counts.
 */
public class MeResource {

    private final KeycloakSession session;
    private final Authority caller;

    MeResource(KeycloakSession session, Authority caller) {
        this.session = session;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> me() {
        UserModel user = caller.user();
        Map<String, Object> me = new LinkedHashMap<>();
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("id", user.getId());
        person.put("username", user.getUsername());
        person.put("firstName", user.getFirstName());
        person.put("lastName", user.getLastName());
        person.put("email", user.getEmail());
        me.put("user", person);
        boolean operator = caller.operator();
        me.put("operator", operator);
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        List<String> allRoles = Arrays.stream(AccountRole.values()).map(AccountRole::id).toList();
        List<Map<String, Object>> accounts;
        if (operator && organizations != null) {
            accounts = organizations.getAllStream().map(account -> account(account, allRoles, pages(account))).toList();
        } else {
            accounts = caller.accountRoles().entrySet().stream().map(entry -> {
                OrganizationModel account = organizations.getById(entry.getKey());
                return account(account, roles(entry.getValue()), pages(account));
            }).toList();
        }
        me.put("accounts", accounts);
        // The menu: every page the console knows from the server, and those that need no account.
        me.put("workspacePages", WorkspacePage.ids());
        me.put("pages", Arrays.stream(WorkspacePage.values()).filter(page -> page.permission() == null)
                .map(WorkspacePage::id).toList());
        return me;
    }

    /** The workspace pages the caller may use in this account: Authority's answer per page's permission. */
    private List<String> pages(OrganizationModel account) {
        return Arrays.stream(WorkspacePage.values())
                .filter(page -> page.permission() == null || caller.may(account, page.permission()))
                .map(WorkspacePage::id).toList();
    }

    private static List<String> roles(Set<AccountRole> roles) {
        return Arrays.stream(AccountRole.values()).filter(roles::contains).map(AccountRole::id).toList();
    }

    private static Map<String, Object> account(OrganizationModel account, List<String> roles, List<String> pages) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", account.getId());
        view.put("alias", account.getAlias());
        view.put("name", account.getName());
        view.put("roles", roles);
        view.put("pages", pages);
        return view;
    }
}
