package com.maintenanceaccess.it.workspace.pages;

import com.maintenanceaccess.it.support.Realm;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/** Workspace → Invitations: the list with state, resend, revoke, correct the address. */
public final class InvitationsPage extends AccountConsole {

    public static final String PATH = "mx/invitations";

    public InvitationsPage(ChromeDriver browser, Realm realm) {
        super(browser, realm);
    }

    public InvitationsPage open(String username, String password) {
        super.open(PATH, username, password);
        await("invitations");
        return this;
    }

    /** Opens the invitations of one account (the switcher's choice). */
    public InvitationsPage openIn(String account, String username, String password) {
        super.open(PATH + "?account=" + account, username, password);
        await("invitations");
        return this;
    }

    public InvitationsPage awaitListed(String username) {
        until(driver -> lists(username));
        return this;
    }

    /** Shows only invitations to addresses that contain {@code text}. */
    public InvitationsPage filterByAddress(String text) {
        type("filter-address", text);
        return this;
    }

    public InvitationsPage filterByState(String state) {
        new Select(await("filter-status")).selectByValue(state);
        return this;
    }

    /** Reads the list again (a new page load), e.g. after the person accepted elsewhere. */
    public InvitationsPage reload(String addressFilter) {
        go(PATH);
        await("invitations");
        return filterByAddress(addressFilter);
    }

    public String state(String username) {
        return within(row(username), "status").getText();
    }

    public String email(String username) {
        return within(row(username), "email").getText();
    }

    public boolean offersResend(String username) {
        return has(row(username), "resend");
    }

    public void resend(String username) {
        within(row(username), "resend").click();
    }

    /** Revokes after answering Yes to the confirmation; returns the question it asked. */
    public String revoke(String username) {
        within(row(username), "revoke").click();
        return confirm(true);
    }

    /** Clicks Revoke, then Cancel in the confirmation: nothing is sent to the server. Returns the question. */
    public String revokeButCancel(String username) {
        within(row(username), "revoke").click();
        return confirm(false);
    }

    /** The name shown for the invited person (their name, or the username where none was given). */
    public String personShown(String username) {
        return within(row(username), "person-link").getText();
    }

    public void correctAddress(String username, String newAddress) {
        within(row(username), "correct-address").click();
        replace(within(row(username), "new-address"), newAddress);
        within(row(username), "save-address").click();
    }

    /** The message shown under the address field after a refused correction. */
    public String addressProblem(String username) {
        return await("problem-email").getText();
    }

    public PersonPage openPerson(String username) {
        within(row(username), "person-link").click();
        return new PersonPage(browser, realm).awaitLoaded();
    }

    /** Waits until the row shows {@code state} (the list reloads after each action). */
    public InvitationsPage awaitState(String username, String state) {
        awaitText(() -> state(username), state);
        return this;
    }

    /** The pager's range under the list ("1–10 of 12"). */
    public String range() {
        return await("invitations-paging-range").getText();
    }

    /** Waits until the pager's range reads {@code expected} (the list's answer has arrived). */
    public InvitationsPage awaitRange(String expected) {
        awaitText(this::range, expected);
        return this;
    }

    /** Chooses how many invitations a page shows, in the pager's menu. */
    public InvitationsPage pageSize(int size) {
        await("invitations-paging").findElement(By.cssSelector("button.pf-v5-c-menu-toggle")).click();
        until(driver -> !driver.findElements(By.cssSelector("[data-action='per-page-" + size + "']")).isEmpty());
        browser.findElement(By.cssSelector("[data-action='per-page-" + size + "'] button")).click();
        return this;
    }

    /** The pager's next (or previous) button: PatternFly's Pagination marks them data-action. */
    public WebElement pagerButton(String action) {
        return await("invitations-paging").findElement(By.cssSelector("button[data-action='" + action + "']"));
    }

    /** How many invitations the list shows now. */
    public int rows() {
        return await("invitations").findElements(By.cssSelector("tbody tr")).size();
    }

    private WebElement row(String username) {
        return await("invitation-" + username);
    }

    public boolean lists(String username) {
        return shows("invitation-" + username);
    }
}
