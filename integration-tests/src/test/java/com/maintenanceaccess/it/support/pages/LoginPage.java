package com.maintenanceaccess.it.support.pages;

import com.maintenanceaccess.it.support.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Keycloak's login pages in the maintenance theme: username and password (one page or two),
 * the signoff level's password page with what is being signed, and the identity-provider
 * buttons. Any page of the realm that asks a person to sign in.
 */
public final class LoginPage {

    private static final By USERNAME = By.id("username");
    private static final By PASSWORD = By.id("password");
    private static final By SUBMIT = By.id("kc-login");
    /** The message under a field (Keycloak renders an empty container too). */
    private static final By FIELD_ERROR = By.cssSelector("[id^='input-error-']:not([id^='input-error-container'])");

    private final ChromeDriver browser;

    public LoginPage(ChromeDriver browser) {
        this.browser = browser;
    }

    /** Waits until the login form is shown. */
    public LoginPage await() {
        Browser.await(browser, USERNAME);
        return this;
    }

    /** Whether the login form is shown now (without waiting). */
    public boolean shown() {
        return !browser.findElements(USERNAME).isEmpty();
    }

    /**
     * Signs in. Once a realm has organizations, Keycloak asks for the username first and the
     * password on a second page; this answers either layout.
     */
    public void signIn(String username, String password) {
        Browser.await(browser, USERNAME).sendKeys(username);
        if (browser.findElements(PASSWORD).isEmpty()) {
            browser.findElement(SUBMIT).click();
        }
        Browser.await(browser, PASSWORD).sendKeys(password);
        browser.findElement(SUBMIT).click();
    }

    public boolean usernameShown() {
        return browser.findElement(USERNAME).isDisplayed();
    }

    /** The maintenance theme's footer text. */
    public String footer() {
        return browser.findElement(By.id("mx-footer")).getText();
    }

    public boolean hasFooter() {
        return browser.findElements(By.id("mx-footer")).size() == 1;
    }

    public String header() {
        return browser.findElement(By.id("kc-header-wrapper")).getText();
    }

    /** How many times the maintenance stylesheet is linked. */
    public int maintenanceStylesheets() {
        return browser.findElements(By.cssSelector("link[href*='css/maintenance.css']")).size();
    }

    /** The error shown under a field, once it is shown. */
    public String fieldError() {
        return Browser.await(browser, FIELD_ERROR).getText();
    }

    /** The signoff level's statement of what is being signed, once the page is shown. */
    public String signing() {
        return Browser.await(browser, By.id("mx-signing")).getText();
    }

    /** The signoff level's password page: the password again. */
    public void reenterPassword(String password) {
        Browser.await(browser, PASSWORD).sendKeys(password);
        browser.findElement(SUBMIT).click();
    }

    /** Clicks the login page's button of an identity provider. */
    public void continueWith(String providerAlias) {
        Browser.await(browser, By.id("social-" + providerAlias)).click();
    }
}
