package com.maintenanceaccess.it.workspace.pages;

import com.maintenanceaccess.it.support.Realm;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/** Workspace → Access review: the report's findings, thresholds, category filter, paging, CSV. */
public final class AccessReviewPage extends AccountConsole {

    public static final String PATH = "mx/access-review";

    public AccessReviewPage(ChromeDriver browser, Realm realm) {
        super(browser, realm);
    }

    public AccessReviewPage open(String username, String password) {
        super.open(PATH, username, password);
        await("administrators");
        return this;
    }

    public String administrators() {
        return await("administrators").getText();
    }

    public AccessReviewPage category(String category) {
        new Select(await("category")).selectByValue(category);
        return this;
    }

    /** The categories of the findings listed now. */
    public List<String> categories() {
        return await("findings").findElements(By.cssSelector("[data-category]")).stream()
                .map(row -> row.getAttribute("data-category")).toList();
    }

    /** The categories found for one user on the pages shown, paging on until the user appears or the report ends. */
    public List<String> findingsOf(String username) {
        // The table stands empty until the report has loaded (then the administrators' count shows too).
        await("administrators");
        for (int page = 0; page < 50; page++) {
            List<WebElement> rows = await("findings").findElements(testId("finding-" + username));
            if (!rows.isEmpty()) {
                return rows.stream().map(row -> row.getAttribute("data-category")).toList();
            }
            // The pager's next button (PatternFly's Pagination marks it data-action="next").
            WebElement next = await("report-paging").findElement(By.cssSelector("button[data-action='next']"));
            if (!next.isEnabled()) {
                return List.of();
            }
            String before = await("findings").getText();
            next.click();
            until(driver -> !before.equals(await("findings").getText()));
        }
        return List.of();
    }

    /** The detail of each finding of one user, as shown (after {@link #findingsOf} found them). */
    public List<String> detailsOf(String username) {
        findingsOf(username);
        return await("findings").findElements(testId("finding-" + username)).stream()
                .map(row -> row.findElement(testId("finding-detail")).getText()).toList();
    }

    public AccessReviewPage threshold(String name, int days) {
        type(name, String.valueOf(days));
        return this;
    }

    public String thresholdProblem(String name) {
        return await("problem-" + name).getText();
    }
}
