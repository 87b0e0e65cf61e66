package com.maintenanceaccess.it.workspace.pages;

import com.maintenanceaccess.it.support.Realm;
import java.util.List;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/** Workspace → a person → Personnel authorizations: the records, their lifecycle, the grant form. */
public final class AuthorizationsPage extends AccountConsole {

    public AuthorizationsPage(ChromeDriver browser, Realm realm) {
        super(browser, realm);
    }

    public static String path(String userId) {
        return "mx/people/" + userId + "/authorizations";
    }

    public AuthorizationsPage open(String userId, String username, String password) {
        super.open(path(userId), username, password);
        return awaitLoaded();
    }

    AuthorizationsPage awaitLoaded() {
        await("grant-form");
        return this;
    }

    /** The form's values for one record; empty strings and lists are left as they are. */
    public record Entry(String type, String reference, String authority, String number, String category,
                        String licenceExpiry, List<String> aircraft, List<String> tasks, String bases,
                        String effective, String expiry, String continuationTraining,
                        String experienceFrom, String experienceTo) {
    }

    public AuthorizationsPage fill(Entry entry) {
        // The choices come from the server's catalog (GET /mx/authorizations/catalog): wait for them.
        until(driver -> !driver.findElements(org.openqa.selenium.By.cssSelector(
                "[data-testid='type'] option[value='" + entry.type() + "']")).isEmpty());
        new Select(await("type")).selectByValue(entry.type());
        type("reference", entry.reference());
        type("licence-authority", entry.authority());
        type("licence-number", entry.number());
        if (!entry.category().isEmpty()) {
            new Select(await("licence-category")).selectByValue(entry.category());
        }
        date("licence-expiry", entry.licenceExpiry());
        entry.aircraft().forEach(aircraft -> await("aircraft-" + aircraft).click());
        entry.tasks().forEach(task -> await("task-" + task).click());
        type("bases", entry.bases());
        date("effective", entry.effective());
        date("expiry", entry.expiry());
        date("continuation-training", entry.continuationTraining());
        date("experience-from", entry.experienceFrom());
        date("experience-to", entry.experienceTo());
        return this;
    }

    public void grant() {
        await("grant").click();
    }

    /** The message shown under a field of the form (the field as the API names it, e.g. licence.category). */
    public String problem(String field) {
        return await("problem-" + field).getText();
    }

    public boolean hasProblem(String field) {
        return shows("problem-" + field);
    }

    /** Why a valid record cannot be used at signoff, as the list says it; empty when it can. */
    public String unusable(String reference) {
        return browser.findElements(testId("authorization-" + reference)).stream()
                .flatMap(row -> row.findElements(testId("unusable")).stream())
                .map(org.openqa.selenium.WebElement::getText).findFirst().orElse("");
    }

    public String state(String reference) {
        return within(await("authorization-" + reference), "state").getText();
    }

    public AuthorizationsPage awaitState(String reference, String state) {
        awaitText(() -> state(reference), state);
        return this;
    }

    /** suspend, reinstate or revoke, with the reason typed first. */
    public void change(String reference, String step, String reason) {
        type("lifecycle-reason", reason);
        within(await("authorization-" + reference), step).click();
    }

    /** Correct: opens the record in the form, changes its reference, gives the reason and saves. */
    public void correct(String reference, String newReference, String reason) {
        within(await("authorization-" + reference), "correct").click();
        awaitText(() -> await("reference").getAttribute("value"), reference);
        type("reference", newReference);
        type("correction-reason", reason);
        await("save-correction").click();
    }

    /** How many records the list shows. */
    public int count() {
        return await("authorizations").findElements(org.openqa.selenium.By.cssSelector("tbody tr")).size();
    }

    /** PatternFly's date picker: a text input that takes YYYY-MM-DD, read when it loses focus. */
    private void date(String testId, String value) {
        if (value.isEmpty()) {
            return;
        }
        type(testId, value).sendKeys(Keys.TAB);
    }
}
