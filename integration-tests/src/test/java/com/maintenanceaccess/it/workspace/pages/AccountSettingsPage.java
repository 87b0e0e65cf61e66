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

    public void save() {
        await("save-settings").click();
    }

    public String problem(String field) {
        return await("problem-" + field).getText();
    }
}
