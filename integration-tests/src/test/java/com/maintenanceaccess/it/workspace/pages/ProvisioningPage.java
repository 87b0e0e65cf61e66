package com.maintenanceaccess.it.workspace.pages;

import com.maintenanceaccess.it.support.Realm;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** t26-scim: Workspace → Provisioning: an account's SCIM tokens (create, shown once, revoke). */
public final class ProvisioningPage extends AccountConsole {

    public static final String PATH = "mx/provisioning";

    public ProvisioningPage(ChromeDriver browser, Realm realm) {
        super(browser, realm);
    }

    public ProvisioningPage open(String account, String username, String password) {
        super.open(PATH + "?account=" + account, username, password);
        await("token-form");
        return this;
    }

    public ProvisioningPage create(String name) {
        type("token-name", name);
        await("create-token").click();
        return this;
    }

    /** The secret shown once after creating a token. */
    public String secret() {
        return copied("secret-value");
    }

    public String baseUrl() {
        return copied("base-url");
    }

    public boolean showsSecret() {
        return shows("token-secret");
    }

    /** The state shown for the token named {@code name}, once its row is there. */
    public String status(String name) {
        return within(await("token-" + name), "token-status").getText();
    }

    public void awaitStatus(String name, String status) {
        awaitText(() -> status(name), status);
    }

    public ProvisioningPage revoke(String name) {
        within(await("token-" + name), "revoke-token").click();
        return this;
    }

    /** Chooses how people from the directory get in ("invitation" or "identity-provider") and saves. */
    public ProvisioningPage chooseOnboarding(String onboarding) {
        await("onboarding-" + onboarding).click();
        await("onboarding-save").click();
        return this;
    }

    public boolean onboardingChosen(String onboarding) {
        return await("onboarding-" + onboarding).isSelected();
    }

    /** Adds a row mapping a directory group to a template (by its name). */
    public ProvisioningPage addMapping(String group, String template) {
        int row = browser.findElements(By.cssSelector("[data-testid^='mapping-row-']")).size();
        await("mapping-add").click();
        type("mapping-group-" + row, group);
        new org.openqa.selenium.support.ui.Select(await("mapping-template-" + row)).selectByValue(template);
        return this;
    }

    public ProvisioningPage saveMapping() {
        await("mapping-save").click();
        return this;
    }

    /** Whether the template list offers {@code template} for a new row (privileged ones are not, unless allowed). */
    public boolean offers(int row, String template) {
        return new org.openqa.selenium.support.ui.Select(await("mapping-template-" + row)).getOptions().stream()
                .anyMatch(option -> template.equals(option.getAttribute("value")) && option.isEnabled());
    }

    /** The problem shown under a field (e.g. "groupMapping[1].template"). */
    public String problem(String field) {
        return await("problem-" + field).getText();
    }

    /** The whole text of the page (to check that it shows no ids). */
    public String text() {
        return browser.findElement(By.tagName("body")).getText();
    }

    /** What a copy field holds: PatternFly's ClipboardCopy shows it in a read-only input. */
    private String copied(String testId) {
        WebElement field = await(testId);
        java.util.List<WebElement> inputs = field.findElements(By.tagName("input"));
        return inputs.isEmpty() ? field.getText().trim() : inputs.get(0).getAttribute("value");
    }
}
