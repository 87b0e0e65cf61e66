package com.maintenanceaccess.it.workspace.pages;

import com.maintenanceaccess.it.support.Realm;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** Workspace → Approvals: the account's grants of authority that wait for a second person. */
public final class ApprovalsPage extends AccountConsole {

    public static final String PATH = "mx/approvals";

    public ApprovalsPage(ChromeDriver browser, Realm realm) {
        super(browser, realm);
    }

    /** Opens the page in the account (alias), signing in; waits until the list has answered. */
    public ApprovalsPage open(String account, String username, String password) {
        super.open(PATH + "?account=" + account, username, password);
        until(driver -> has(driver, "no-approvals") || !driver.findElements(By.cssSelector("[data-testid^='approval-']"))
                .isEmpty() || showsRefusalNow());
        return this;
    }

    public boolean lists(String approvalId) {
        return shows("approval-" + approvalId);
    }

    public ApprovalsPage awaitListed(String approvalId) {
        until(driver -> lists(approvalId));
        return this;
    }

    public ApprovalsPage awaitNotListed(String approvalId) {
        until(driver -> !lists(approvalId));
        return this;
    }

    private WebElement card(String approvalId) {
        return await("approval-" + approvalId);
    }

    /** The request in one sentence: who asked, when, for whom, what. */
    public String sentence(String approvalId) {
        return within(card(approvalId), "approval-sentence").getText();
    }

    public String status(String approvalId) {
        return within(card(approvalId), "approval-status").getText();
    }

    /** Why this person may not decide it (empty when they may). */
    public String notYours(String approvalId) {
        WebElement card = card(approvalId);
        return has(card, "approval-not-yours") ? within(card, "approval-not-yours").getText() : "";
    }

    public boolean offersApprove(String approvalId) {
        return has(card(approvalId), "approve");
    }

    public void approve(String approvalId, String reason) {
        decide(approvalId, "approve", reason);
    }

    public void reject(String approvalId, String reason) {
        decide(approvalId, "reject", reason);
    }

    private void decide(String approvalId, String action, String reason) {
        WebElement card = card(approvalId);
        if (reason != null) {
            replace(within(card, "approval-reason"), reason);
        }
        within(card, action).click();
    }

    public ApprovalsPage show(String state) {
        new org.openqa.selenium.support.ui.Select(await("approval-state")).selectByValue(state);
        return this;
    }

    /** Everything the page shows as text (to check that no ids or API paths are visible). */
    public String text() {
        return browser.findElement(By.tagName("body")).getText();
    }
}
