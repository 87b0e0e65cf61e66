package com.maintenanceaccess.it.support.pages;

import com.maintenanceaccess.it.support.Browser;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Keycloak's consoles where the bundle shows personnel authorizations: the admin console's
 * user page and the account console. Both are React pages that sign in first; what the tests
 * read is a section by its title and the form fields showing a value.
 */
public final class ConsolePage {

    private final ChromeDriver browser;

    public ConsolePage(ChromeDriver browser) {
        this.browser = browser;
    }

    /** The admin console's settings page of a user of the maintenance realm (the login page comes first). */
    public ConsolePage openAdminUser(String serverUrl, String userId) {
        browser.get(serverUrl + "/admin/maintenance/console/#/maintenance/users/" + userId + "/settings");
        return this;
    }

    /**
     * The same page of a user of the maintenance realm in the master realm's admin console (where the
     * server's operators sign in; it shows the master realm's admin theme).
     */
    public ConsolePage openMasterAdminUser(String serverUrl, String userId) {
        browser.get(serverUrl + "/admin/master/console/#/maintenance/users/" + userId + "/settings");
        return this;
    }

    /** The account console of a realm (…/realms/NAME; the login page comes first). */
    public ConsolePage openAccount(String realmUrl) {
        browser.get(realmUrl + "/account/");
        return this;
    }

    public ConsolePage signIn(String username, String password) {
        new LoginPage(browser).signIn(username, password);
        return this;
    }

    /** Waits for an element whose own text is exactly this, e.g. a section title. */
    public WebElement text(String text) {
        return Browser.await(browser, By.xpath("//*[normalize-space(text())='" + text + "']"));
    }

    /**
     * The help of a user-profile attribute on the admin console's user page (its label's help icon,
     * the attribute's inputHelperTextBefore): clicks the icon and returns the popover's text.
     */
    public String attributeHelp(String attribute) {
        WebElement icon = Browser.await(browser, By.cssSelector("[data-testid='help-label-" + attribute + "']"));
        // Away from the form's sticky Save / Revert bar at the window's bottom.
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", icon);
        icon.click();
        return Browser.await(browser, By.cssSelector(".pf-v5-c-popover__body")).getText();
    }

    /** The page's text as a person reads it now. */
    public String visibleText() {
        return browser.findElement(By.tagName("body")).getText();
    }

    /** The page's markup as rendered now. */
    public String html() {
        return browser.findElement(By.tagName("body")).getAttribute("innerHTML");
    }

    /** The inputs and text areas whose value contains this text. */
    public List<WebElement> fieldsShowing(String value) {
        return browser.findElements(By.cssSelector("input, textarea")).stream()
                .filter(i -> String.valueOf(i.getAttribute("value")).contains(value)).toList();
    }
}
