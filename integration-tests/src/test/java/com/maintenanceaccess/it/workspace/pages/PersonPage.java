package com.maintenanceaccess.it.workspace.pages;

import com.maintenanceaccess.it.support.Realm;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/** Workspace → a person: setup review, invitation, "why can't they see …", deactivate/reactivate. */
public final class PersonPage extends AccountConsole {

    public PersonPage(ChromeDriver browser, Realm realm) {
        super(browser, realm);
    }

    public static String path(String userId) {
        return "mx/people/" + userId;
    }

    public PersonPage open(String userId, String username, String password) {
        super.open(path(userId), username, password);
        return awaitLoaded();
    }

    /** Opens the person's page on one account's membership (role templates, account roles, removal). */
    public PersonPage openIn(String account, String userId, String username, String password) {
        super.open(path(userId) + "?account=" + account, username, password);
        await("membership");
        return this;
    }

    /** Waits for the membership of the chosen account: true when shown, false when the person is not a member. */
    public boolean member() {
        WebElement membership = await("membership");
        until(driver -> has(membership, "person-email") || has(membership, "not-a-member") || has(membership, "mx-error"));
        return shows("person-email");
    }

    public boolean templateChecked(String template) {
        return await("person-template-" + template).isSelected();
    }

    public PersonPage toggleTemplate(String template) {
        await("person-template-" + template).click();
        return this;
    }

    public void saveTemplates() {
        await("save-templates").click();
    }

    public boolean accountRoleChecked(String role) {
        return await("person-role-" + role).isSelected();
    }

    public PersonPage toggleAccountRole(String role) {
        await("person-role-" + role).click();
        return this;
    }

    public void saveAccountRoles() {
        await("save-account-roles").click();
    }

    /** Removes the person from the account; the page goes back to People. */
    public PeoplePage removeFromAccount() {
        await("remove-from-account").click();
        confirm(true);
        return new PeoplePage(browser, realm).awaitLoaded();
    }

    PersonPage awaitLoaded() {
        await("setup-review");
        return this;
    }

    /** Setup review: check id → passed. */
    public Map<String, Boolean> setupReview() {
        return checks(await("setup-review"));
    }

    public String invitationState() {
        return within(await("invitation"), "status").getText();
    }

    /** The person's history, newest first: each entry's text ("Dec 7, 2026, 3:38 PM: Ada Operator deactivated them — …"). */
    public java.util.List<String> history() {
        WebElement list = await("person-history");
        return list.findElements(testId("history-entry")).stream().map(WebElement::getText).toList();
    }

    /** Waits until the history's newest entry is this event (data-event) and returns its text and its instant. */
    public String[] awaitNewestHistory(String event) {
        until(driver -> {
            java.util.List<WebElement> entries = await("person-history").findElements(testId("history-entry"));
            return !entries.isEmpty() && event.equals(entries.get(0).getAttribute("data-event"));
        });
        WebElement newest = await("person-history").findElements(testId("history-entry")).get(0);
        return new String[] {newest.getText(), newest.findElement(org.openqa.selenium.By.tagName("time")).getAttribute("datetime")};
    }

    /** Chooses a page of the access catalog and asks why; returns check id → passed. */
    public Map<String, Boolean> explain(String pageId) {
        until(driver -> !await("explain-page").findElements(org.openqa.selenium.By.cssSelector(
                "option[value='" + pageId + "']")).isEmpty());
        new Select(await("explain-page")).selectByValue(pageId);
        await("explain").click();
        until(driver -> shows("explain-checks"));
        return checks(await("explain-checks"));
    }

    /** The choices of "why can't they see": the text of each page offered, in order. */
    public java.util.List<String> explainChoices() {
        until(driver -> await("explain-page").findElements(org.openqa.selenium.By.tagName("option")).size() > 1);
        return await("explain-page").findElements(org.openqa.selenium.By.tagName("option")).stream()
                .map(option -> option.getAttribute("textContent")).toList();
    }

    /** The answer's sentence: the page asked about, and whether the person can open it. */
    public String explainAnswer() {
        return await("explain-answer").getText();
    }

    /** The heading of the account's section ("In the account …"). */
    public String membershipHeading() {
        return await("membership").findElement(org.openqa.selenium.By.tagName("h2")).getText();
    }

    public boolean explainAllowed() {
        return Boolean.parseBoolean(await("explain-answer").getAttribute("data-allowed"));
    }

    /** The title, evidence and fix shown for one check of the setup review. */
    public String setupReviewCheckText(String checkId) {
        return within(await("setup-review"), "check-" + checkId).getText();
    }

    /** The evidence and fix shown for one check of the explanation. */
    public String explainCheckText(String checkId) {
        return within(await("explain-checks"), "check-" + checkId).getText();
    }

    /** Deactivates with this reason, answering Yes to the confirmation; returns the question it asked. */
    public String deactivate(String reason) {
        type("access-reason", reason);
        await("deactivate").click();
        return confirm(true);
    }

    /** The state line under the title: "deactivated", "enabled" or "disabled" (data-state), and its text. */
    public String state() {
        return await("person-state").getAttribute("data-state");
    }

    public String stateText() {
        return await("person-state").getText();
    }

    /** Whether the page offers this action now (deactivate / reactivate). */
    public boolean offers(String action) {
        return shows(action);
    }

    /** Reloads the page and waits for it (what a person sees when they come back later). */
    public PersonPage reloadPage() {
        browser.navigate().refresh();
        return awaitLoaded();
    }

    public void reactivate(String reason) {
        type("access-reason", reason);
        await("reactivate").click();
    }

    public String reasonProblem() {
        return await("problem-reason").getText();
    }

    public AuthorizationsPage openAuthorizations() {
        await("authorizations-link").click();
        return new AuthorizationsPage(browser, realm).awaitLoaded();
    }

    private Map<String, Boolean> checks(WebElement list) {
        Map<String, Boolean> checks = new LinkedHashMap<>();
        for (WebElement item : list.findElements(org.openqa.selenium.By.cssSelector("[data-testid^='check-']"))) {
            checks.put(item.getAttribute("data-testid").substring("check-".length()),
                    Boolean.parseBoolean(item.getAttribute("data-passed")));
        }
        return checks;
    }
}
