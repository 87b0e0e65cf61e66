package com.maintenanceaccess.it.workspace;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.maintenanceaccess.it.authorization.Authz;
import com.maintenanceaccess.it.support.BrowserExtension;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Realm;
import com.maintenanceaccess.it.workspace.pages.AccountConsole;
import com.maintenanceaccess.it.workspace.pages.PageText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * raw message key, no id (UUID) and no API path ({@link PageText}), no refusal (a page of one's own
 * menu that refuses is a dead end), and on a German page no English sentence: the setup review's
 * and the explanation's checks included (their evidence comes as message keys, review/Check).
 */
class WorkspaceWalkIT {

    @RegisterExtension
    final BrowserExtension browsers = new BrowserExtension();

    private final Realm realm = Realm.maintenance();

    @Test
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
                    check(findings, where, text, person[1].endsWith("-de") ? text : null);
                    if (page.equals("mx/people/" + technician + "?account=" + alias)) {
                        // "Why can't they see": its checks are read too, asked about a page the technician cannot open.
                        String explained = explained(browser);
                        check(findings, where + " explain", explained, person[1].endsWith("-de") ? explained : null);
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

    /** {@code german}: the text of a German page to check for English sentences, null on an English page. */
    private static void check(List<String> findings, String where, String text, String german) {
        PageText.findings(text).forEach(found -> findings.add(where + ": " + found));
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
