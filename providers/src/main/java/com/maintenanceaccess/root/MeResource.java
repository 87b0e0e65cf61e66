package com.maintenanceaccess.root;

import com.maintenanceaccess.kernel.AccountRole;
import com.maintenanceaccess.kernel.Authority;
import jakarta.annotation.Nullable;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
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

    /** GET /mx/me: the caller, whether they are a realm operator, their accounts and the pages of the menu. */
    public record Me(Person user, boolean operator, List<MeAccount> accounts,
                     /* Every page the console knows from the server, and those that need no account. */
                     List<String> workspacePages, List<String> pages) {
    }

    /** The caller's name and address as Keycloak holds them (any may be unset). */
    public record Person(String id, String username, @Nullable String firstName, @Nullable String lastName,
                         @Nullable String email) {
    }

    /** One account of the caller: their roles in it and the workspace pages Authority allows them there. */
    public record MeAccount(String id, String alias, String name, List<String> roles, List<String> pages) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Me me() {
        UserModel user = caller.user();
        Person person = new Person(user.getId(), user.getUsername(), user.getFirstName(), user.getLastName(),
                user.getEmail());
        boolean operator = caller.operator();
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        List<String> allRoles = Arrays.stream(AccountRole.values()).map(AccountRole::id).toList();
        List<MeAccount> accounts;
        if (operator && organizations != null) {
            accounts = organizations.getAllStream().map(account -> account(account, allRoles, pages(account))).toList();
        } else {
            accounts = caller.accountRoles().entrySet().stream().map(entry -> {
                OrganizationModel account = organizations.getById(entry.getKey());
                return account(account, roles(entry.getValue()), pages(account));
            }).toList();
        }
        return new Me(person, operator, accounts, WorkspacePage.ids(),
                Arrays.stream(WorkspacePage.values()).filter(page -> page.permission() == null)
                        .map(WorkspacePage::id).toList());
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

    private static MeAccount account(OrganizationModel account, List<String> roles, List<String> pages) {
        return new MeAccount(account.getId(), account.getAlias(), account.getName(), roles, pages);
    }
}
