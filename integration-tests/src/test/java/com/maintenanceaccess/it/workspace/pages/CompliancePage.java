package com.maintenanceaccess.it.workspace.pages;

import com.maintenanceaccess.it.support.Realm;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** Workspace → Compliance: expiring and expired authorizations, the roster CSV. */
public final class CompliancePage extends AccountConsole {

    public static final String PATH = "mx/compliance";

    public CompliancePage(ChromeDriver browser, Realm realm) {
        super(browser, realm);
    }

    public CompliancePage open(String username, String password) {
        super.open(PATH, username, password);
        await("expiring");
        return this;
    }

    public CompliancePage withinDays(int days) {
        WebElement field = await("expiring-days");
        field.clear();
        field.sendKeys(String.valueOf(days));
        return this;
    }

    public boolean expiringLists(String reference) {
        return !await("expiring").findElements(testId("row-" + reference)).isEmpty();
    }

    public CompliancePage awaitExpiring(String reference) {
        until(driver -> expiringLists(reference));
        return this;
    }

    public boolean expiredLists(String reference) {
        return !await("expired").findElements(testId("row-" + reference)).isEmpty();
    }

    public void downloadRoster() {
        await("roster-csv").click();
    }

    public boolean showsRefusal() {
        return !browser.findElements(testId("mx-error")).isEmpty();
    }
}
