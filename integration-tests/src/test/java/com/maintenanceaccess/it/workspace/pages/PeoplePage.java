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

    /** The pager's range ("1–20 of 37", or "1–1" when the API does not count: a search or filter). */
    public String paging() {
        return await("people-paging-range").getText();
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

    /** Invite a team: pastes the CSV text into the team form's field and checks it (nothing is sent). */
    public PeoplePage checkTeam(String csv) {
        org.openqa.selenium.WebElement field = await("team-invite").findElement(org.openqa.selenium.By.tagName("textarea"));
        replace(field, csv);
        await("team-preview").click();
        await("team-rows");
        return this;
    }

    /** Invites the rows the check found ready. */
    public PeoplePage inviteTeam() {
        await("team-invite-all").click();
        until(driver -> driver.findElements(testId("team-rows")).stream().anyMatch(rows ->
                rows.findElements(org.openqa.selenium.By.cssSelector("[data-outcome='invited']")).size() > 0
                        || rows.findElements(org.openqa.selenium.By.cssSelector("[data-outcome='ready']")).isEmpty()));
        return this;
    }

    /** The outcome of the row of this line of the file: ready, invited or refused. */
    public String teamOutcome(int line) {
        return await("team-row-" + line).getAttribute("data-outcome");
    }

    /** The row's text as shown (name, address, templates, state and its problems). */
    public String teamRow(int line) {
        return await("team-row-" + line).getText();
    }

    public String teamInviteButton() {
        return await("team-invite-all").getText();
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
