package com.maintenanceaccess.it.workspace.pages;

import com.maintenanceaccess.it.support.Realm;
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
        type("expiring-days", String.valueOf(days));
        return this;
    }

    public boolean expiringLists(String reference) {
        return has(await("expiring"), "row-" + reference);
    }

    public CompliancePage awaitExpiring(String reference) {
        until(driver -> expiringLists(reference));
        return this;
    }

    public boolean expiredLists(String reference) {
        return has(await("expired"), "row-" + reference);
    }

    /** Waits for the roster on screen to list this record; returns the person's name as shown. */
    public String awaitRosterPerson(String reference) {
        until(driver -> has(await("roster"), "roster-" + reference));
        return within(within(await("roster"), "roster-" + reference), "roster-person").getText();
    }

    public void downloadRoster() {
        await("roster-csv").click();
    }
}
