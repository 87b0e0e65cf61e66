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

    /** What a copy field holds: PatternFly's ClipboardCopy shows it in a read-only input. */
    private String copied(String testId) {
        WebElement field = await(testId);
        java.util.List<WebElement> inputs = field.findElements(By.tagName("input"));
        return inputs.isEmpty() ? field.getText().trim() : inputs.get(0).getAttribute("value");
    }
}
