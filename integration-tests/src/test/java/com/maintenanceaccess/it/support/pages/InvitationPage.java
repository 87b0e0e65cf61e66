package com.maintenanceaccess.it.support.pages;

import com.maintenanceaccess.it.support.Browser;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The invitation page an invitation link opens (maintenance login theme): who invites to
 * which account with which roles, the new password, the identity providers that may accept
 * it; and the page that says a link cannot be used.
 */
public final class InvitationPage {

    private final ChromeDriver browser;

    public InvitationPage(ChromeDriver browser) {
        this.browser = browser;
    }

    /** Opens an invitation link and waits for the invitation. */
    public InvitationPage open(String link) {
        browser.get(link);
        return await();
    }

    public InvitationPage await() {
        Browser.await(browser, By.id("mx-invitation"));
        return this;
    }

    /** How many invitation pages are shown (1 on the page, 0 elsewhere). */
    public int shown() {
        return browser.findElements(By.id("mx-invitation")).size();
    }

    public String account() {
        return browser.findElement(By.id("mx-invitation-account")).getText();
    }

    public String inviter() {
        return browser.findElement(By.id("mx-invitation-inviter")).getText();
    }

    public String role() {
        return browser.findElement(By.cssSelector(".mx-invitation-role")).getText();
    }

    public String expiry() {
        return browser.findElement(By.id("mx-invitation-expiry")).getText();
    }

    /** The greeting, once shown. */
    public String greeting() {
        return Browser.await(browser, By.id("mx-invitation-greeting")).getText();
    }

    public boolean hasFooter() {
        return browser.findElements(By.id("mx-footer")).size() == 1;
    }

    /** Elements matching a CSS selector on the page, e.g. markup that must not be there. */
    public List<WebElement> elements(String css) {
        return browser.findElements(By.cssSelector(css));
    }

    /** Types the new password twice and submits. */
    public void setPassword(String password) {
        browser.findElement(By.id("password-new")).sendKeys(password);
        browser.findElement(By.id("password-confirm")).sendKeys(password);
        browser.findElement(By.id("kc-submit")).click();
    }

    /** The error under the new password, once shown. */
    public String passwordError() {
        return Browser.await(browser, By.id("input-error-password-new")).getText();
    }

    /** Whether the page offers a new password at all. */
    public boolean offersPassword() {
        return !browser.findElements(By.id("password-new")).isEmpty();
    }

    /** The button "Continue with …" of an identity provider. */
    public WebElement provider(String alias) {
        return browser.findElement(By.id(providerId(alias)));
    }

    public boolean offers(String providerAlias) {
        return !browser.findElements(By.id(providerId(providerAlias))).isEmpty();
    }

    /** The button's element id, e.g. for a script that changes its value. */
    public static String providerId(String alias) {
        return "mx-idp-" + alias;
    }

    /** The text of the page that says the link cannot be used, once shown. */
    public String unusable() {
        return Browser.await(browser, By.id("mx-invitation-unusable")).getText();
    }
}
