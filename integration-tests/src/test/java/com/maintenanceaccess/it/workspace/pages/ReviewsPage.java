package com.maintenanceaccess.it.workspace.pages;

import com.maintenanceaccess.it.support.Realm;
import java.nio.file.Path;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** Workspace → Reviews: the account's access reviews, and one review with its items and decisions. */
public final class ReviewsPage extends AccountConsole {

    public static final String PATH = "mx/reviews";

    public ReviewsPage(ChromeDriver browser, Realm realm) {
        super(browser, realm);
    }

    /** Opens the list of the account (alias), signing in; waits until it has answered. */
    public ReviewsPage openList(String account, String username, String password) {
        super.open(PATH + "?account=" + account, username, password);
        until(driver -> has(driver, "no-reviews") || has(driver, "reviews") || showsRefusalNow());
        return this;
    }

    /** Opens one review by its id (in the URL only), signing in when asked; waits for its items or a refusal. */
    public ReviewsPage openReview(String account, String reviewId, String username, String password) {
        super.open(PATH + "/" + reviewId + "?account=" + account, username, password);
        return awaitReview();
    }

    public ReviewsPage awaitReview() {
        until(driver -> has(driver, "review-items") || showsRefusalNow());
        return this;
    }

    /** Starts a review with this many days until its end date; the page opens it; returns its id (from the URL). */
    public String start(int days) {
        type("review-days", String.valueOf(days));
        await("start-review").click();
        until(driver -> driver.getCurrentUrl().matches(".*/mx/reviews/[^/?]+\\?.*") && has(driver, "review-items"));
        String url = browser.getCurrentUrl();
        return url.substring(url.indexOf("/mx/reviews/") + "/mx/reviews/".length(), url.indexOf('?'));
    }

    public boolean offersStart() {
        return shows("start-review");
    }

    /** The row of a person's item: kind template|account-role|authorization, value the template, role or reference. */
    public WebElement item(String username, String kind, String value) {
        await("review-items");
        return browser.findElements(By.cssSelector("[data-testid^='item-'][data-kind='" + kind + "']")).stream()
                .filter(row -> username.equals(row.getAttribute("data-person")) && value.equals(row.getAttribute("data-value")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + value + " of " + username + " in " + text()));
    }

    public boolean lists(String username, String kind, String value) {
        try {
            item(username, kind, value);
            return true;
        } catch (AssertionError absent) {
            return false;
        }
    }

    public String what(WebElement row) {
        return within(row, "item-what").getText();
    }

    public boolean offersDecision(WebElement row) {
        return has(row, "decide");
    }

    /** Why the signed-in person does not decide this item (empty when they may). */
    public String notYours(WebElement row) {
        return has(row, "not-yours") ? within(row, "not-yours").getText() : "";
    }

    /** Decides an item: keep or remove, with the comment (""; then the page asks for one). */
    public void decide(WebElement row, String decision, String comment) {
        replace(within(row, "review-comment"), comment);
        within(row, decision).click();
    }

    /** The problem shown under an item's comment field. */
    public String commentProblem(WebElement row) {
        until(driver -> has(row, "problem-comment"));
        return within(row, "problem-comment").getText();
    }

    /** The recorded decision of an item, once shown (the list reloads after a decision). */
    public String awaitDecision(String username, String kind, String value) {
        until(driver -> {
            try {
                return has(item(username, kind, value), "decision");
            } catch (RuntimeException | AssertionError notYet) {
                return false;
            }
        });
        return within(item(username, kind, value), "decision").getText();
    }

    public String outcome(String username, String kind, String value) {
        until(driver -> {
            try {
                return has(item(username, kind, value), "item-outcome");
            } catch (RuntimeException | AssertionError notYet) {
                return false;
            }
        });
        return within(item(username, kind, value), "item-outcome").getText();
    }

    public boolean offersClose() {
        return shows("close-review");
    }

    /** Clicks Close; answers the question the dialog asked, after Yes (or Cancel). */
    public String close(boolean yes) {
        await("close-review").click();
        return confirm(yes);
    }

    public String state() {
        return await("review-state").getText();
    }

    public String counts() {
        return await("review-counts").getText();
    }

    public boolean offersCsv() {
        return shows("review-csv");
    }

    /** Downloads of this browser go into {@code directory} (Chromium's DevTools download behaviour). */
    public ReviewsPage downloadsTo(Path directory) {
        browser.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", directory.toAbsolutePath().toString()));
        return this;
    }

    public void downloadCsv() {
        await("review-csv").click();
    }

    /** Everything the page shows as text (to check that no ids or API paths are visible). */
    public String text() {
        return browser.findElement(By.tagName("body")).getText();
    }
}
