package com.maintenanceaccess.it.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.support.BrowserExtension;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Realm;
import com.maintenanceaccess.it.workspace.pages.AccountConsole;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The workspace menu per role (issue 24 item 3): each person sees only the pages whose API lets them
 * in the chosen account. The menu comes from {@code GET /mx/me} ({@code pages} per account, from the
 * server's authority check); this test holds the menu against what each page's own API answers the
 * same person, so a page shown is a page that works and a page refused is not offered.
 */
class WorkspaceMenuIT {

    @RegisterExtension
    final BrowserExtension browsers = new BrowserExtension();

    private final Realm realm = Realm.maintenance();
    private String accountA;
    private String aliasA;
    private String accountB;
    private String aliasB;

    /** Each page's id, its English menu label, and the call the page makes first. */
    private static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("people", "People");
        LABELS.put("invitations", "Invitations");
        LABELS.put("compliance", "Compliance");
        LABELS.put("account-settings", "Account settings");
        LABELS.put("provisioning", "Provisioning");
        LABELS.put("access-review", "Access review");
        LABELS.put("reviews", "Reviews");
        LABELS.put("signoffs", "Signoffs");
        LABELS.put("approvals", "Approvals");
        LABELS.put("my-authorizations", "My authorizations");
    }

    @BeforeEach
    void setUp() {
        accountA = realm.createAccount("ws-menu-a", true, Map.of());
        aliasA = realm.adminGet("/organizations/" + accountA).get("alias").asText();
        accountB = realm.createAccount("ws-menu-b", true, Map.of());
        aliasB = realm.adminGet("/organizations/" + accountB).get("alias").asText();
    }

    @Test
    void eachRoleSeesThePagesItsApiAllowsAndNoOthers() {
        String admin = realm.accountPerson(accountA, "menu-admin", "account-administrator");
        String officer = realm.accountPerson(accountA, "menu-officer", "compliance-officer");
        String auditor = realm.accountPerson(accountA, "menu-auditor", "auditor");
        String member = realm.accountPerson(accountA, "menu-member");

        assertMenu(admin, aliasA, List.of("People", "Invitations", "Account settings", "Provisioning", "Access review",
                "Reviews", "Approvals", "My authorizations"));
        assertMenu(officer, aliasA, List.of("People", "Invitations", "Compliance", "Account settings", "Reviews", "Signoffs",
                "Approvals", "My authorizations"));
        assertMenu(auditor, aliasA, List.of("People", "Invitations", "Compliance", "Account settings", "Access review",
                "Reviews", "Signoffs", "Approvals", "My authorizations"));
        // A plain member: no account role, so no account page at all.
        assertMenu(member, aliasA, List.of("My authorizations"));
    }

    @Test
    void aPersonInTwoAccountsSeesTheMenuOfTheAccountChosenInGerman() {
        // Compliance officer in A, account administrator in B.
        String both = realm.createUser("menu-both", Map.of("attributes", Map.of("locale", List.of("de"))));
        realm.addMember(accountA, both);
        realm.grantAccountRole(accountA, both, "compliance-officer");
        realm.addMember(accountB, both);
        realm.grantAccountRole(accountB, both, "account-administrator");

        assertEquals(pagesAllowedByTheApi(both, aliasA), pages(both, aliasA));
        assertEquals(pagesAllowedByTheApi(both, aliasB), pages(both, aliasB));

        AccountConsole console = new AccountConsole(browsers.driver(), realm)
                .open("mx/my-authorizations?account=" + aliasA, realm.username(both), Realm.TEST_PASSWORD);
        assertEquals(List.of("Personen", "Einladungen", "Compliance", "Konto-Einstellungen", "Prüfungen", "Abzeichnungen",
                "Freigaben", "Meine Berechtigungen"), console.workspaceMenu());
        console.go("mx/my-authorizations?account=" + aliasB);
        assertEquals(List.of("Personen", "Einladungen", "Konto-Einstellungen", "Provisionierung", "Zugriffsprüfung",
                "Prüfungen", "Freigaben", "Meine Berechtigungen"), console.workspaceMenu());
    }

    /** The menu in the browser equals the expected labels, and the labels are exactly the pages whose API answers 200. */
    private void assertMenu(String userId, String alias, List<String> expected) {
        List<String> allowed = pagesAllowedByTheApi(userId, alias);
        assertEquals(expected, allowed.stream().map(LABELS::get).toList(), "what the API allows " + realm.username(userId));
        assertEquals(allowed, pages(userId, alias), "GET /mx/me agrees with the endpoints");
        AccountConsole console = new AccountConsole(browsers.restart(), realm)
                .open("mx/my-authorizations?account=" + alias, realm.username(userId), Realm.TEST_PASSWORD);
        assertEquals(expected, console.workspaceMenu(), "the menu of " + realm.username(userId));
    }

    /** The pages whose first call answers 200 to this person in this account. */
    private List<String> pagesAllowedByTheApi(String userId, String alias) {
        String token = realm.userToken(userId);
        Map<String, String> firstCall = new LinkedHashMap<>();
        firstCall.put("people", "/mx/accounts/" + alias + "/people");
        firstCall.put("invitations", "/mx/invitations?account=" + alias);
        firstCall.put("compliance", "/mx/authorizations/expiring?account=" + alias);
        firstCall.put("account-settings", "/mx/accounts/" + alias);
        firstCall.put("provisioning", "/mx/accounts/" + alias + "/scim-tokens");
        firstCall.put("access-review", "/mx/access/report?account=" + alias);
        firstCall.put("reviews", "/mx/accounts/" + alias + "/reviews");
        firstCall.put("signoffs", "/mx/signoffs?account=" + alias);
        firstCall.put("approvals", "/mx/accounts/" + alias + "/approvals?state=pending");
        firstCall.put("my-authorizations", "/mx/me/authorizations");
        List<String> allowed = new ArrayList<>();
        firstCall.forEach((page, path) -> {
            int status = Http.get(realm.url(path), token).status();
            assertTrue(status == 200 || status == 403 || status == 404, page + ": " + status);
            if (status == 200) {
                allowed.add(page);
            }
        });
        return allowed;
    }

    /** GET /mx/me: the pages of this account (and those of everybody). */
    private List<String> pages(String userId, String alias) {
        JsonNode me = Http.get(realm.url("/mx/me"), realm.userToken(userId)).json();
        List<String> known = new ArrayList<>();
        me.get("workspacePages").forEach(page -> known.add(page.asText()));
        assertEquals(new ArrayList<>(LABELS.keySet()), known, "the server knows every page of the menu");
        List<String> pages = new ArrayList<>();
        me.get("accounts").forEach(account -> {
            if (alias.equals(account.get("alias").asText())) {
                account.get("pages").forEach(page -> pages.add(page.asText()));
            }
        });
        if (pages.isEmpty()) {
            me.get("pages").forEach(page -> pages.add(page.asText()));
        }
        return pages;
    }
}
