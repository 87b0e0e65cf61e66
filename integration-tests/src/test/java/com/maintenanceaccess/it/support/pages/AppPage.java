package com.maintenanceaccess.it.support.pages;

import com.maintenanceaccess.it.support.Browser;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The reference maintenance app (app/): its sign-in, the navigation of the person's pages
 * (open ones and closed ones with the reasons), and the signing form with the step-up.
 */
public final class AppPage {

    private final ChromeDriver browser;
    private final String url;
    /** The signoff page's caption of the work order, in the language the person reads it. */
    private String workOrderCaption = "Work order";

    public AppPage(ChromeDriver browser, int port) {
        this.browser = browser;
        this.url = "http://localhost:" + port + "/";
    }

    /** The person reads Keycloak's signoff page in German (their own locale is German). */
    public AppPage german() {
        workOrderCaption = "Arbeitsauftrag";
        return this;
    }

    /** Opens the app, signs in through Keycloak's login page, waits for the navigation. */
    public AppPage signIn(String username, String password) {
        browser.get(url);
        Browser.await(browser, By.id("login")).click();
        new LoginPage(browser).signIn(username, password);
        Browser.await(browser, By.cssSelector("#pages li"));
        return this;
    }

    /**
     * Opens the app and signs in as a person in several accounts: after the username, Keycloak's
     * organization selection asks which account (a button per account, the account's name); this
     * chooses the one of that alias, then gives the password.
     */
    public AppPage signInChoosing(String username, String password, String accountAlias) {
        browser.get(url);
        Browser.await(browser, By.id("login")).click();
        Browser.await(browser, By.id("username")).sendKeys(username);
        browser.findElement(By.id("kc-login")).click();
        Browser.await(browser, By.id("organization-" + accountAlias)).click();
        Browser.await(browser, By.id("password")).sendKeys(password);
        browser.findElement(By.id("kc-login")).click();
        Browser.await(browser, By.cssSelector("#pages li"));
        return this;
    }

    /** Who is signed in, and in which account ("name · account"). */
    public String who() {
        return Browser.await(browser, By.id("who")).getText();
    }

    /** The catalog ids of the pages this person may open. */
    public List<String> allowedPages() {
        return browser.findElements(By.cssSelector("#pages li.allowed")).stream().map(e -> e.getAttribute("data-page")).toList();
    }

    /** A closed page's entry, with the checks that failed. */
    public WebElement deniedPage(String page) {
        return browser.findElement(By.cssSelector("#pages li.denied[data-page='" + page + "']"));
    }

    /**
     * Fills the signing form, signs, checks that the signoff page states the work order,
     * re-enters the password there, and returns the result element (class accepted or refused).
     */
    public WebElement sign(String type, String workOrder, String inspects, String password) {
        lastStatement = null;
        new Select(browser.findElement(By.id("sign-type"))).selectByValue(type);
        WebElement order = browser.findElement(By.id("sign-workorder"));
        order.clear();
        order.sendKeys(workOrder);
        if (inspects != null) {
            WebElement inspected = browser.findElement(By.id("sign-inspects"));
            inspected.clear();
            inspected.sendKeys(inspects);
        }
        browser.findElement(By.id("sign")).click();
        LoginPage signoffPage = new LoginPage(browser);
        String statement;
        try {
            statement = signoffPage.signing();
        } catch (TimeoutException e) {
            Browser.screenshot(browser, "signoff-" + workOrder);
            throw new AssertionError("no statement on the signoff page " + browser.getCurrentUrl() + ": "
                    + browser.getPageSource(), e);
        }
        // The statement in plain language, by field (issue 23): what, the aircraft, the work order.
        lastStatement = statement;
        String shownOrder = browser.findElement(By.id("mx-statement-work-order")).getText();
        String aircraft = browser.findElement(By.id("mx-statement-aircraft")).getText();
        if (!shownOrder.equals(workOrder) || !aircraft.equals("G-ABCD (A320)") || !statement.contains(workOrderCaption)) {
            throw new AssertionError("the signoff page does not state work order " + workOrder + ": " + statement);
        }
        signoffPage.reenterPassword(password);
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#record dt")));
        return browser.findElement(By.id("result"));
    }

    /** The text of the last signoff page's statement (what the person was shown), or null. */
    public String lastStatement;

    /** Opens the app without signing in (a person with a Keycloak session is signed in by the app itself). */
    public AppPage open() {
        browser.get(url);
        return this;
    }

    /** The value of a field of the signing form ("sign-workorder", "sign-declaration", …). */
    public String field(String id) {
        return browser.findElement(By.id(id)).getAttribute("value");
    }

    /** Whether an element of the app is shown. */
    public boolean shown(String id) {
        return browser.findElement(By.id(id)).isDisplayed();
    }

    /** The text of an element of the app. */
    public String textOf(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** Chooses the kind of signoff in the form. */
    public AppPage choose(String type) {
        new Select(browser.findElement(By.id("sign-type"))).selectByValue(type);
        return this;
    }

    /** Replaces the text of a field of the signing form. */
    public AppPage fill(String id, String value) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
        return this;
    }

    /** The page's language (the html element's lang, set by the app to the person's language). */
    public String language() {
        return String.valueOf(browser.executeScript("return document.documentElement.lang;"));
    }

    /** Everything the page shows, as the person reads it. */
    public String text() {
        return String.valueOf(browser.executeScript("return document.body.innerText;"));
    }

    /**
     * The page without its status line, which lists the token's permissions as the mx_perms claim
     * names them ("Permissions: inventory:create, …"): the app's view for its developers, not yet
     * in words (docs/workspace.md). The page's checks for raw names read this.
     */
    public String textWithoutStatus() {
        return String.valueOf(browser.executeScript("""
                const status = document.querySelector("#status");
                if (status) status.style.display = "none";
                const text = document.body.innerText;
                if (status) status.style.display = "";
                return text;"""));
    }

    /** The first value of the signature record shown (its id). */
    public String recordId() {
        return browser.findElement(By.cssSelector("#record dd")).getText();
    }
}
