package com.maintenanceaccess.it.workspace;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.maintenanceaccess.it.authorization.Authz;
import com.maintenanceaccess.it.support.BrowserExtension;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Realm;
import com.maintenanceaccess.it.workspace.pages.AccountConsole;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A walk through the workspace as the account administrator, the compliance officer, a technician
 * (no account role) and the auditor, in English and German, at 1400 and 800 px (issue 24, "Done
 * when"): every page of each person's menu, and a person's page and records, once loaded, shows no
 * raw message key ("mxSomething"), no id (UUID) and no API path ("/mx/").
 */
class WorkspaceWalkIT {

    @RegisterExtension
    final BrowserExtension browsers = new BrowserExtension();

    private final Realm realm = Realm.maintenance();

    static final Pattern RAW_KEY = Pattern.compile("\\bmx[A-Z][A-Za-z0-9]*(-[A-Za-z0-9_-]+)?");
    static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    static final String API_PATH = "/mx/";

    @Test
    @Disabled("not run yet (written at the end of the session, no test slot was free): run it, fix what it finds, then enable")
    void noPageShowsARawKeyAnIdOrAnApiPath() {
        String account = realm.createAccount("ws-walk", true, Map.of());
        String alias = realm.adminGet("/organizations/" + account).get("alias").asText();
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
                    // Each person's own pages: the technician has no account role; the administrator's role does not read records.
                    if (!page.startsWith("mx/") || (person[1].startsWith("walk-tech") && page.startsWith("mx/people"))
                            || (person[1].startsWith("walk-admin") && page.contains("/authorizations"))) {
                        continue;
                    }
                    console.go(page.contains("?") ? page : page + "?account=" + alias);
                    String text = settledText(browser);
                    check(findings, person[1] + " " + width + "px " + page, text);
                }
            }
        }
        assertTrue(findings.isEmpty(), String.join("\n", findings));
        assertFalse(people.isEmpty());
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

    /** The page's text once it has loaded: the title is shown, no spinner turns, and the text stays the same for a moment. */
    private static String settledText(ChromeDriver browser) {
        String[] last = {""};
        new WebDriverWait(browser, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(800)).until(driver -> {
            if (driver.findElements(By.cssSelector("h1")).isEmpty()
                    || driver.findElements(By.cssSelector("main .pf-v5-c-spinner")).stream().anyMatch(WebElement::isDisplayed)) {
                return false;
            }
            String now = String.valueOf(((ChromeDriver) driver).executeScript("return document.body.innerText;"));
            boolean same = now.equals(last[0]);
            last[0] = now;
            return same;
        });
        return last[0];
    }

    private static void check(List<String> findings, String where, String text) {
        Matcher key = RAW_KEY.matcher(text);
        if (key.find()) {
            findings.add(where + ": raw key " + key.group());
        }
        Matcher id = UUID_TEXT.matcher(text);
        if (id.find()) {
            findings.add(where + ": id " + id.group());
        }
        if (text.contains(API_PATH)) {
            int at = text.indexOf(API_PATH);
            findings.add(where + ": API path …" + text.substring(Math.max(0, at - 30), Math.min(text.length(), at + 40)) + "…");
        }
    }
}
