package com.maintenanceaccess.it.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.maintenanceaccess.app.AppServer;
import com.maintenanceaccess.it.authorization.Authz;
import com.maintenanceaccess.it.invitation.InvitationSupport;
import com.maintenanceaccess.it.support.Browser;
import com.maintenanceaccess.it.support.BrowserExtension;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Mail;
import com.maintenanceaccess.it.support.MailParts;
import com.maintenanceaccess.it.support.Realm;
import com.maintenanceaccess.it.support.pages.AppPage;
import com.maintenanceaccess.it.support.pages.InvitationPage;
import com.maintenanceaccess.it.support.pages.LoginPage;
import com.maintenanceaccess.it.workspace.pages.AccountConsole;
import com.maintenanceaccess.it.workspace.pages.PageText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.Order;

/**
 * A walk through the workspace as the account administrator, the compliance officer, a technician
 * (no account role), the auditor and a newly invited person (from the invitation mail on), in English
 * and German, at 1400 and 800 px (issue 24, "Done when"): every page of each person's menu, and a person's page and records, once loaded, shows no
 * raw message key, no id (UUID), no API path, no permission as stored ("signoffs:release") and not the
 * account's alias where its name belongs ({@link PageText}; the account is named unlike its alias),
 * no refusal (a page of one's own menu that refuses is a dead end), and on a German page no English
 * sentence: the setup review's and the explanation's checks included (their evidence comes as message
 * keys, review/Check), and the choices of every drop-down (the explanation's pages among them).
 */
// Runs the reference app on its one port (mx.it.app-port): one such class at a time, these three
// first (@Order; the walk is the longest class: started late, it ran alone at the end).
@ResourceLock("reference-app")
@Order(3)
class WorkspaceWalkIT {

    @RegisterExtension
    final BrowserExtension browsers = new BrowserExtension();

    private final Realm realm = Realm.maintenance();

    @Test
    void noPageShowsARawKeyAnIdOrAnApiPath() {
        String account = realm.createNamedAccount("ws-walk", "Walk Aviation", true, Map.of());
        String alias = realm.adminGet("/organizations/" + account).get("alias").asText();
        List<String> machineNames = List.of(alias);
        Map<String, String> roles = new java.util.LinkedHashMap<>();
        roles.put("walk-admin", "account-administrator");
        roles.put("walk-officer", "compliance-officer");
        roles.put("walk-tech", null);
        roles.put("walk-auditor", "auditor");
        String technician = null;
        String officer = null;
        List<String[]> people = new ArrayList<>();
        for (String language : List.of("en", "de")) {
            for (Map.Entry<String, String> role : roles.entrySet()) {
                String id = realm.createUser(role.getKey() + "-" + language, Map.of("firstName", "Walk",
                        "attributes", Map.of("locale", List.of(language))));
                realm.addMember(account, id);
                if (role.getValue() != null) {
                    realm.grantAccountRole(account, id, role.getValue());
                }
                if (role.getKey().equals("walk-tech") && technician == null) {
                    technician = id;
                }
                if (role.getKey().equals("walk-officer") && officer == null) {
                    officer = id;
                }
                people.add(new String[] {id, role.getKey() + "-" + language});
            }
        }
        // Something to show: the technician holds a record, and somebody waits for their invitation.
        Map<String, Object> record = Authz.crs("UK.145.WALK-" + technician.substring(0, 5).toUpperCase());
        record.put("account", account);
        new Authz(realm).grant(realm.userToken(officer), technician, record);
        Http.Response invited = Http.postJson(realm.url("/mx/accounts/" + alias + "/people"), realm.userToken(people.get(0)[0]),
                Map.of("firstName", "Ina", "lastName", "Invited", "email", "walk-" + technician.substring(0, 8) + "@mro.example",
                        "templates", List.of("planner")));
        assertTrue(invited.status() == 201, invited::toString);

        List<String> findings = new ArrayList<>();
        Map<String, Set<String>> walked = new java.util.LinkedHashMap<>();
        for (String[] person : people) {
            ChromeDriver browser = browsers.restart();
            AccountConsole console = new AccountConsole(browser, realm);
            console.open("mx/my-authorizations?account=" + alias, realm.username(person[0]), Realm.TEST_PASSWORD);
            for (int width : new int[] {1400, 800}) {
                console.windowSize(width, 1000);
                Set<String> pages = new LinkedHashSet<>(menuPages(browser));
                pages.add("mx/people/" + technician + "?account=" + alias);
                pages.add("mx/people/" + technician + "/authorizations?account=" + alias);
                for (String page : pages) {
                    // The technician's own pages are those of the menu (no account role: no person's page); the
                    // administrator's role does not read records.
                    boolean added = page.contains(technician);
                    if (!page.startsWith("mx/") || (added && person[1].startsWith("walk-tech"))
                            || (added && person[1].startsWith("walk-admin") && page.contains("/authorizations"))) {
                        continue;
                    }
                    console.go(page.contains("?") ? page : page + "?account=" + alias);
                    String text = settledText(browser);
                    String where = person[1] + " " + width + "px " + page.replace(technician, "{technician}");
                    check(findings, where, text, person[1].endsWith("-de") ? text : null, machineNames);
                    if (page.equals("mx/people/" + technician + "?account=" + alias)) {
                        // "Why can't they see": its checks are read too, asked about a page the technician cannot open.
                        String explained = explained(browser);
                        check(findings, where + " explain", explained, person[1].endsWith("-de") ? explained : null, machineNames);
                        keep(where + " explain", explained);
                    }
                    if (!browser.findElements(By.cssSelector("[data-testid='mx-error']")).isEmpty()) {
                        findings.add(where + ": a refusal on a page of the person's own menu");
                    }
                    keep(where, text);
                    walked.computeIfAbsent(person[1], p -> new LinkedHashSet<>()).add(page.replaceAll("\\?.*", "").replace(technician, "{technician}"));
                }
            }
        }
        assertTrue(findings.isEmpty(), String.join("\n", findings));
        // The walk went where each person works (a menu that failed to load would leave nothing to check).
        for (String language : List.of("en", "de")) {
            assertTrue(walked.get("walk-admin-" + language).containsAll(List.of("mx/people", "mx/invitations", "mx/people/{technician}")),
                    walked::toString);
            assertTrue(walked.get("walk-officer-" + language).containsAll(
                    List.of("mx/people/{technician}/authorizations", "mx/compliance")), walked::toString);
            assertTrue(walked.get("walk-tech-" + language).contains("mx/my-authorizations"), walked::toString);
            assertFalse(walked.get("walk-tech-" + language).contains("mx/people"), walked::toString);
            assertTrue(walked.get("walk-auditor-" + language).size() >= 2, walked::toString);
        }
    }

    /**
     * The fifth person of the walk: somebody newly invited, in English and in German (their
     * administrator invites them from a browser in that language, they read the mail and open the
     * link in one). They read the invitation mail, follow its link, choose a password, land in the
     * app signed in, open the workspace without a second sign-in, and every page they see on the
     * way — the invitation page, the app, their workspace menu at 1400 and 800 px — passes the same
     * checks as the others' pages.
     */
    @Test
    void anInvitedPersonWalksFromTheMailToTheirWorkspace() throws Exception {
        String account = realm.createNamedAccount("ws-invitee", "Invitee Aviation", true, Map.of());
        String alias = realm.adminGet("/organizations/" + account).get("alias").asText();
        int appPort = Integer.getInteger("mx.it.app-port", 3600);
        AppServer app = new AppServer(appPort, realm.server().baseUrl(), Realm.NAME);
        app.start();
        // The invitation lands at the app client's base URL: for this test, the app it serves.
        JsonNode client = realm.adminGet("/clients?clientId=maintenance-app").get(0);
        String rootUrl = client.get("rootUrl").asText();
        String clientUrl = realm.adminUrl("/clients/" + client.get("id").asText());
        List<String> findings = new ArrayList<>();
        Map<String, Set<String>> walked = new LinkedHashMap<>();
        try {
            ((ObjectNode) client).put("rootUrl", "http://localhost:" + appPort);
            assertEquals(204, Http.putJson(clientUrl, realm.adminToken(), client).status());
            for (String language : List.of("en", "de")) {
                walked.put(language, walkAsInvitee(account, alias, language, appPort, findings));
            }
        } finally {
            ((ObjectNode) client).put("rootUrl", rootUrl);
            Http.putJson(clientUrl, realm.adminToken(), client);
            app.stop();
        }
        assertTrue(findings.isEmpty(), String.join("\n", findings));
        for (String language : List.of("en", "de")) {
            assertTrue(walked.get(language).containsAll(List.of("invitation", "app", "mx/my-authorizations")), walked::toString);
        }
    }

    /** One invitee's way in one language; returns what they saw ("invitation", "app", the workspace pages). */
    private Set<String> walkAsInvitee(String account, String alias, String language, int appPort, List<String> findings)
            throws Exception {
        String admin = realm.createUser("invitee-admin-" + language, Map.of("firstName", "Ada",
                "attributes", Map.of("locale", List.of(language))));
        realm.addMember(account, admin);
        realm.grantAccountRole(account, admin, "account-administrator");
        String email = "invitee-" + language + "-" + UUID.randomUUID().toString().substring(0, 8) + "@mro.example";
        // Their administrator's browser sends its language; the invitee has none of their own yet.
        Http.Response invited = Http.send("POST", realm.url("/mx/accounts/" + alias + "/people"), realm.userToken(admin),
                "application/json", Http.toJson(Map.of("firstName", "Ina", "lastName", "Invited", "email", email,
                        "templates", List.of("planner"))), Map.of("Accept-Language", language));
        assertEquals(201, invited.status(), invited::toString);
        String who = "invitee-" + language + " ";
        boolean german = language.equals("de");
        Set<String> seen = new LinkedHashSet<>();

        MailParts mail = MailParts.of(Mail.await(email, 1, Duration.ofSeconds(30)));
        String mailText = (mail.subject() + "\n" + mail.text()).replaceAll("https?://\\S+", "");
        check(findings, who + "mail", mailText, german ? mailText : null, List.of(alias));
        assertTrue(mail.subject().startsWith(german ? "Ihre Einladung" : "Your invitation"), mail.subject());

        ChromeDriver browser = browsers.restart();
        speaks(browser, language);
        InvitationPage invitation = new InvitationPage(browser).open(mail.actionLink());
        String invitationText = String.valueOf(browser.executeScript("return document.body.innerText;"));
        check(findings, who + "invitation page", invitationText, german ? invitationText : null, List.of(alias));
        keep(who + "invitation", invitationText);
        seen.add("invitation");
        invitation.setPassword(InvitationSupport.GOOD_PASSWORD);

        // In the app, signed in: their name, no second "Log in", the app in their browser's language, and
        // the reasons under each page they cannot open (the server's checks) in words, without an API path.
        String signedIn = Browser.await(browser, By.id("who")).getText();
        assertTrue(signedIn.contains("Ina Invited"), signedIn);
        assertTrue(browser.getCurrentUrl().startsWith("http://localhost:" + appPort + "/"), browser.getCurrentUrl());
        assertFalse(browser.findElement(By.id("login")).isDisplayed(), "no second Log in");
        Browser.await(browser, By.cssSelector("#pages li"));
        String appText = new AppPage(browser, appPort).textWithoutStatus();
        assertFalse(browser.findElements(By.cssSelector("#pages ul.why li")).isEmpty(), "no reasons to read: " + appText);
        assertEquals(language, browser.executeScript("return document.documentElement.lang;"), appText);
        // The app's reasons still name a missing permission as stored (PageText.findingsButPermissions).
        PageText.findingsButPermissions(appText).forEach(found -> findings.add(who + "app: " + found));
        if (german) {
            PageText.english(appText).forEach(found -> findings.add(who + "app: English on a German page " + found));
        }
        keep(who + "app", appText);
        seen.add("app");

        // The workspace: already signed in (the session of the acceptance), no login page.
        browser.get(realm.url("/account/mx/my-authorizations?account=" + alias));
        LoginPage login = new LoginPage(browser);
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> login.shown()
                || !driver.findElements(By.cssSelector("[data-testid='page-header']")).isEmpty());
        assertFalse(login.shown(), "the workspace asks the invitee to sign in again");
        AccountConsole console = new AccountConsole(browser, realm);
        for (int width : new int[] {1400, 800}) {
            console.windowSize(width, 1000);
            for (String page : new LinkedHashSet<>(menuPages(browser))) {
                if (!page.startsWith("mx/")) {
                    continue;
                }
                console.go(page.contains("?") ? page : page + "?account=" + alias);
                String text = settledText(browser);
                String where = who + width + "px " + page;
                check(findings, where, text, german ? text : null, List.of(alias));
                if (!browser.findElements(By.cssSelector("[data-testid='mx-error']")).isEmpty()) {
                    findings.add(where + ": a refusal on a page of the person's own menu");
                }
                keep(where, text);
                seen.add(page.replaceAll("\\?.*", ""));
            }
        }
        return seen;
    }

    /** The browser asks for pages in this language (Accept-Language, navigator.language), as a person's own browser would. */
    private static void speaks(ChromeDriver browser, String language) {
        String agent = String.valueOf(browser.executeScript("return navigator.userAgent;"));
        browser.executeCdpCommand("Emulation.setUserAgentOverride", Map.of("userAgent", agent, "acceptLanguage", language));
    }

    /** The workspace pages of the menu (their paths below /account/), read from the links (shown or folded away). */
    private static List<String> menuPages(ChromeDriver browser) {
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(driver -> !driver.findElements(By.cssSelector("a[data-testid^='mx/']")).isEmpty());
        List<String> pages = new ArrayList<>();
        for (WebElement link : browser.findElements(By.cssSelector("a[data-testid^='mx/']"))) {
            pages.add(link.getAttribute("data-testid"));
        }
        return pages;
    }

    /**
     * The page's text once it has loaded: the title is shown, no spinner turns, and the text stays the
     * same for a moment. With it, every choice of every drop-down (read whether or not the browser
     * counts them into the page's text): a choice is read too.
     */
    private static String settledText(ChromeDriver browser) {
        String[] last = {""};
        new WebDriverWait(browser, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(800)).until(driver -> {
            if (driver.findElements(By.cssSelector("h1")).isEmpty()
                    || driver.findElements(By.cssSelector("main .pf-v5-c-spinner")).stream().anyMatch(WebElement::isDisplayed)) {
                return false;
            }
            String now = String.valueOf(((ChromeDriver) driver).executeScript("return document.body.innerText + "
                    + "\"\\n\" + [...document.querySelectorAll('select option')].map(o => o.text).join('\\n');"));
            boolean same = now.equals(last[0]);
            last[0] = now;
            return same;
        });
        return last[0];
    }

    /** {@code german}: the text of a German page to check for English sentences, null on an English page. */
    private static void check(List<String> findings, String where, String text, String german) {
        check(findings, where, text, german, List.of());
    }

    /** The same, and {@code machineNames} (the account's alias) are not shown. */
    private static void check(List<String> findings, String where, String text, String german, List<String> machineNames) {
        PageText.findings(text, machineNames).forEach(found -> findings.add(where + ": " + found));
        if (german != null) {
            PageText.english(german).forEach(found -> findings.add(where + ": English on a German page " + found));
        }
    }

    /** Asks the person page's "why can't they see" about the release page and returns the page's text with its answer. */
    private static String explained(ChromeDriver browser) {
        if (browser.findElements(By.cssSelector("[data-testid='explain-checks']")).isEmpty()) {
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.cssSelector("[data-testid='explain-page']")))
                    .selectByValue(PersonPageIT.RELEASE);
            browser.findElement(By.cssSelector("[data-testid='explain']")).click();
            new WebDriverWait(browser, Duration.ofSeconds(20))
                    .until(driver -> !driver.findElements(By.cssSelector("[data-testid='explain-checks']")).isEmpty());
        }
        return settledText(browser);
    }

    /** Keeps the page's text in target/walk/ (what was read, to look at when a finding needs its context). */
    private static void keep(String where, String text) {
        try {
            java.nio.file.Path file = java.nio.file.Path.of("target", "walk", where.replaceAll("[^A-Za-z0-9-]+", "_") + ".txt");
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.writeString(file, text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
