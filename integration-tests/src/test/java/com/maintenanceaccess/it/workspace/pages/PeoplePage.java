package com.maintenanceaccess.it.workspace.pages;

import com.maintenanceaccess.it.support.Realm;
import java.util.List;
import org.openqa.selenium.chrome.ChromeDriver;

/** Workspace → People: one account's people (switcher, search, state, paging) and Invite a person. */
public final class PeoplePage extends AccountConsole {

    public static final String PATH = "mx/people";

    public PeoplePage(ChromeDriver browser, Realm realm) {
        super(browser, realm);
    }

    public PeoplePage open(String account, String username, String password) {
        super.open(PATH + "?account=" + account, username, password);
        await("people");
        return this;
    }

    PeoplePage awaitLoaded() {
        await("people");
        return this;
    }

    public PeoplePage awaitListed(String username) {
        until(driver -> lists(username));
        return this;
    }

    /** Whether a row of this person is listed now (the list as loaded). */
    public boolean lists(String username) {
        return has(await("people"), "person-" + username);
    }

    /** The paging line ("1–20 of 37", or "1–1" when the API does not count: a search or filter). */
    public String paging() {
        return await("people-paging").getText();
    }

    /** Waits until the paging line reads {@code expected}: a search's answer replaces the list shown before it. */
    public PeoplePage awaitPaging(String expected) {
        awaitText(this::paging, expected);
        return this;
    }

    /** The reason shown for an invitation that could not be sent. */
    public String failure(String username) {
        return within(await("person-" + username), "failure").getText();
    }

    /** Sends a not-sent invitation again (the row's retry). */
    public void retry(String username) {
        within(await("person-" + username), "retry").click();
    }

    public PeoplePage reload(String account) {
        go(PATH + "?account=" + account);
        await("people");
        return this;
    }

    public PeoplePage search(String text) {
        type("people-search", text);
        return this;
    }

    /** Fills the invitation form and sends it: the person, their templates, membership and invitation in one call. */
    public void invite(String firstName, String lastName, String email, List<String> templates) {
        type("invite-firstName", firstName);
        type("invite-lastName", lastName);
        type("invite-email", email);
        templates.forEach(template -> await("template-" + template).click());
        await("invite").click();
    }

    public String invitationState(String username) {
        return within(await("person-" + username), "status").getText();
    }

    public PeoplePage awaitState(String username, String state) {
        awaitText(() -> invitationState(username), state);
        return this;
    }

    public String problem(String field) {
        return await("problem-" + field).getText();
    }
}
