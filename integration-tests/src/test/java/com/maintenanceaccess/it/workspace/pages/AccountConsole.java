package com.maintenanceaccess.it.workspace.pages;

import com.maintenanceaccess.it.support.Browser;
import com.maintenanceaccess.it.support.Realm;
import com.maintenanceaccess.it.support.pages.LoginPage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Keycloak's account console of the maintenance realm, in the maintenance account theme: its frame
 * (header, menu) and what every workspace page shares. One page class per page extends it.
 */
public class AccountConsole {

    static final Duration WAIT = Duration.ofSeconds(20);

    protected final ChromeDriver browser;
    protected final Realm realm;

    public AccountConsole(ChromeDriver browser, Realm realm) {
        this.browser = browser;
        this.realm = realm;
    }

    /** Opens a path of the account console ("" is Personal info), signing in when asked. */
    public AccountConsole open(String path, String username, String password) {
        browser.get(realm.url("/account/" + path));
        // The console's script redirects to the login page once it has loaded: wait for either.
        LoginPage login = new LoginPage(browser);
        until(driver -> login.shown() || !driver.findElements(HEADER).isEmpty());
        if (login.shown()) {
            login.signIn(username, password);
        }
        awaitFrame();
        return this;
    }

    /** Opens a path when already signed in (the console keeps its session). */
    public void go(String path) {
        browser.get(realm.url("/account/" + path));
        awaitFrame();
    }

    static final By HEADER = By.cssSelector("[data-testid='page-header']");

    void awaitFrame() {
        await(HEADER, "page-header");
    }

    public String brandLogoSource() {
        return browser.findElement(By.cssSelector("[data-testid='page-header'] img")).getAttribute("src");
    }

    public String headerBackground() {
        WebElement masthead = browser.findElement(By.cssSelector(".pf-v5-c-masthead"));
        return masthead.getCssValue("background-color");
    }

    /** The labels of the workspace menu group (content.json of the theme). */
    public List<String> workspaceMenu() {
        WebElement group = Browser.await(browser, By.cssSelector("[data-testid='mxWorkspace']"));
        if (!"true".equals(group.findElement(By.cssSelector("button")).getAttribute("aria-expanded"))) {
            group.findElement(By.cssSelector("button")).click();
        }
        return group.findElements(By.cssSelector("a")).stream().map(WebElement::getText).toList();
    }

    // ---- narrow screens -------------------------------------------------------------------

    /** Sets the browser's window to this size (the page's layout follows at once; PatternFly reacts within 250 ms). */
    public void windowSize(int width, int height) {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    }

    /** Whether the side menu is open now: shown within the window. */
    public boolean menuOpen() {
        // What a person sees: the sidebar lies within the window (closed, PatternFly slides it out to the left).
        return Boolean.TRUE.equals(browser.executeScript("""
                const e = document.querySelector(".pf-v5-c-page__sidebar");
                if (!e) return false;
                const r = e.getBoundingClientRect();
                return r.width > 0 && r.right > 1 && r.left > -1 && getComputedStyle(e).visibility !== "hidden";"""));
    }

    /** Waits until the side menu is open (true) or closed (false). */
    public void awaitMenu(boolean open) {
        until(driver -> menuOpen() == open);
    }

    /** The ☰ button of the header. */
    public void toggleMenu() {
        Browser.await(browser, By.cssSelector("#nav-toggle")).click();
    }

    /** Clicks a link of the menu (its path below /account/, e.g. "mx/invitations"). */
    public void chooseInMenu(String path) {
        Browser.await(browser, By.cssSelector("a[data-testid='" + path + "']")).click();
    }

    /**
     * Whether the element with this test id is what a person sees at its centre (nothing, such as
     * the side menu, lies over it there) and it lies within the window's width.
     */
    public boolean visibleUncovered(String testId) {
        WebElement element = await(testId);
        Object answer = browser.executeScript("""
                const e = arguments[0]; e.scrollIntoView({block: "center", inline: "nearest"});
                const r = e.getBoundingClientRect();
                const x = r.left + Math.min(r.width / 2, 40), y = r.top + Math.min(r.height / 2, 20);
                if (r.left < 0 || x > window.innerWidth) return false;
                const top = document.elementFromPoint(x, y);
                return top !== null && (e === top || e.contains(top));""", element);
        return Boolean.TRUE.equals(answer);
    }

    /** Whether the page is wider than the window (a person would have to scroll sideways to read it). */
    public boolean overflowsSideways() {
        return Boolean.TRUE.equals(browser.executeScript(
                "return document.documentElement.scrollWidth > window.innerWidth + 1;"));
    }

    /**
     * The column titles of the page's tables that are cut off (ending in "…" on screen: wider than
     * their cell), empty when each can be read whole. A table PatternFly shows as a grid on a narrow
     * screen hides its titles: none is cut.
     */
    @SuppressWarnings("unchecked")
    public List<String> cutColumnTitles() {
        return (List<String>) browser.executeScript("""
                return [...document.querySelectorAll("table thead th")]
                    .filter(th => th.offsetParent !== null && th.innerText.trim() !== "")
                    .filter(th => [th, ...th.querySelectorAll("*")].some(e => e.scrollWidth > e.clientWidth + 1))
                    .map(th => th.innerText.trim());""");
    }

    /**
     * On a narrow screen PatternFly shows a table as a grid (its column titles hidden, each cell on a
     * line of its own, named by its data-label): the texts of cells shown that way without a name,
     * empty when each value says what it is.
     */
    @SuppressWarnings("unchecked")
    public List<String> unnamedCells() {
        return (List<String>) browser.executeScript("""
                return [...document.querySelectorAll("table.pf-m-grid-md tbody td, table.pf-m-grid tbody td")]
                    .filter(td => getComputedStyle(td.closest("table").querySelector("thead") ?? td).display === "none")
                    .filter(td => td.offsetParent !== null && td.innerText.trim() !== "" && !td.hasAttribute("data-label"))
                    .map(td => td.innerText.trim());""");
    }

    /** What the page shows now, as a person reads it (its text, without the choices of drop-downs). */
    public String pageText() {
        return String.valueOf(browser.executeScript("return document.body.innerText;"));
    }

    public String pageTitle() {
        return Browser.await(browser, By.cssSelector("h1")).getText();
    }

    /** The error page's heading (a path that names no page, or a page that failed). */
    public String errorPageTitle() {
        return await("error-page").findElement(By.tagName("h1")).getText();
    }

    /** The error page's whole text: its heading, what happened and its buttons. */
    public String errorPageText() {
        return await("error-page").getText();
    }

    /** Follows the error page's way back, to the console's start. */
    public void backFromErrorPage() {
        await("error-page-back").click();
        awaitFrame();
    }

    /** The success message of the last action. */
    public String done() {
        return await("mx-done").getText();
    }

    /** Waits until the success message contains {@code fragment} (an earlier one may still show); returns it. */
    public String awaitDone(String fragment) {
        until(driver -> driver.findElements(testId("mx-done")).stream().anyMatch(e -> e.getText().contains(fragment)));
        return done();
    }

    /** Whether the page shows a refusal of the server now. */
    public boolean showsRefusalNow() {
        return shows("mx-error");
    }

    /** The aliases the account switcher offers ("" is "all accounts", for realm operators). */
    public List<String> accountChoices() {
        WebElement switcher = await("account-switcher");
        until(driver -> !switcher.findElements(By.tagName("option")).isEmpty());
        return switcher.findElements(By.tagName("option")).stream().map(option -> option.getAttribute("value")).toList();
    }

    /** The server's refusal of the last action. */
    public String refusal() {
        return await("mx-error").getText();
    }

    protected WebElement await(String testId) {
        return await(testId(testId), testId);
    }

    /** Waits for an element; when it does not come, keeps a screenshot of what the page showed instead. */
    private WebElement await(By locator, String name) {
        try {
            return Browser.await(browser, locator);
        } catch (org.openqa.selenium.TimeoutException e) {
            Browser.screenshot(browser, "workspace-missing-" + name);
            throw e;
        }
    }

    protected WebElement within(WebElement parent, String testId) {
        return parent.findElement(testId(testId));
    }

    /** Whether the page shows an element with this test id now (without waiting). */
    protected boolean shows(String testId) {
        return has(browser, testId);
    }

    /** Whether {@code parent} holds an element with this test id now, e.g. a list a row. */
    protected static boolean has(SearchContext parent, String testId) {
        return !parent.findElements(testId(testId)).isEmpty();
    }

    /** Replaces the text of a field (of a React form: select all and delete, then type; nothing typed for ""). */
    protected WebElement type(String testId, String value) {
        return replace(await(testId), value);
    }

    protected static WebElement replace(WebElement field, String value) {
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        if (!value.isEmpty()) {
            field.sendKeys(value);
        }
        return field;
    }

    /**
     * Waits until {@code read} returns {@code expected}; what it reads may not be shown yet
     * (a list reloads after each action), which counts as not yet.
     */
    protected void awaitText(Supplier<String> read, String expected) {
        until(driver -> {
            try {
                return expected.equals(read.get());
            } catch (RuntimeException notYet) {
                return false;
            }
        });
    }

    protected static By testId(String testId) {
        return By.cssSelector("[data-testid='" + testId + "']");
    }

    protected void until(java.util.function.Function<ChromeDriver, Boolean> condition) {
        new WebDriverWait(browser, WAIT).until(driver -> condition.apply((ChromeDriver) driver));
    }

    /**
     * Answers the confirmation dialog of a destructive action (revoke, deactivate, remove): returns the
     * question it asked (naming who and what), after clicking Yes or Cancel.
     */
    protected String confirm(boolean yes) {
        String question = await("confirm-question").getText();
        await(yes ? "confirm-yes" : "confirm-no").click();
        awaitGone("confirm-question");
        return question;
    }

    protected void awaitGone(String testId) {
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(testId(testId)));
    }

    /**
     * Writes a screenshot of the page to docs/workspace/NAME.png (the workspace documentation shows
     * them), and a copy next to the other test screenshots.
     */
    public Path screenshotForDocs(String name) {
        Browser.screenshot(browser, "workspace-" + name);
        Path target = Path.of(System.getProperty("mx.it.docs", "../docs/workspace"), name + ".png");
        try {
            Files.createDirectories(target.getParent());
            Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }
}
