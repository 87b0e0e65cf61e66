package com.maintenanceaccess.it.workspace.pages;

import com.maintenanceaccess.it.support.Realm;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** Workspace → Account settings: features as checkboxes, setup mode with an end date. */
public final class AccountSettingsPage extends AccountConsole {

    public static final String PATH = "mx/account-settings";

    public AccountSettingsPage(ChromeDriver browser, Realm realm) {
        super(browser, realm);
    }

    public AccountSettingsPage open(String account, String username, String password) {
        super.open(PATH + "?account=" + account, username, password);
        await("settings-form");
        return this;
    }

    public boolean showsSettings() {
        return shows("settings-form");
    }

    public boolean featureChecked(String feature) {
        return await("feature-" + feature).isSelected();
    }

    /** The words a feature's checkbox is labelled with. */
    public String featureLabel(String feature) {
        await("feature-" + feature);
        return browser.findElement(org.openqa.selenium.By.cssSelector("label[for='feature-" + feature + "']")).getText();
    }

    public AccountSettingsPage toggleFeature(String feature) {
        await("feature-" + feature).click();
        return this;
    }

    public AccountSettingsPage setupMode(boolean on, String until) {
        WebElement box = await("setup-mode");
        if (box.isSelected() != on) {
            box.click();
        }
        if (on && until != null) {
            type("setup-until", until).sendKeys(Keys.TAB);
        }
        return this;
    }

    /** Notices: the lead days and invitation days as typed ("45, 14"), the officers' and administrators' copies. */
    public AccountSettingsPage notices(String leadDays, String invitationDays, boolean officers, boolean administrators) {
        if (leadDays != null) {
            replace(await("lead-days"), leadDays);
        }
        if (invitationDays != null) {
            replace(await("invitation-days"), invitationDays);
        }
        check("notices-officers", officers);
        check("notices-administrators", administrators);
        return this;
    }

    /** Access reviews: every so many months (typed), and what happens to undecided items (keep, remove). */
    public AccountSettingsPage review(String everyMonths, String undecided) {
        replace(await("review-every-months"), everyMonths);
        new org.openqa.selenium.support.ui.Select(await("review-undecided")).selectByValue(undecided);
        return this;
    }

    public String leadDays() {
        return await("lead-days").getAttribute("value");
    }

    public boolean officersChecked() {
        return await("notices-officers").isSelected();
    }

    public String formText() {
        return await("settings-form").getText();
    }

    private void check(String testId, boolean on) {
        WebElement box = await(testId);
        if (box.isSelected() != on) {
            box.click();
        }
    }

    public void save() {
        await("save-settings").click();
    }

    public String problem(String field) {
        return await("problem-" + field).getText();
    }
}
