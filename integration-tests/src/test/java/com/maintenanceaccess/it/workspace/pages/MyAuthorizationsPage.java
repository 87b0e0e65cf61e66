package com.maintenanceaccess.it.workspace.pages;

import com.maintenanceaccess.it.support.Realm;
import org.openqa.selenium.chrome.ChromeDriver;

/** Workspace → My authorizations: the signed-in person's own records as text, and their invitation state. */
public final class MyAuthorizationsPage extends AccountConsole {

    public static final String PATH = "mx/my-authorizations";

    public MyAuthorizationsPage(ChromeDriver browser, Realm realm) {
        super(browser, realm);
    }

    public MyAuthorizationsPage open(String username, String password) {
        super.open(PATH, username, password);
        await("my-invitation");
        return this;
    }

    public String invitationState() {
        return within(await("my-invitation"), "status").getText();
    }

    /** The server's sentence for one record. */
    public String summary(String reference) {
        return within(await("my-authorization-" + reference), "summary").getText();
    }

    public String state(String reference) {
        return within(await("my-authorization-" + reference), "state").getText();
    }

    public String usable(String reference) {
        return within(await("my-authorization-" + reference), "usable").getText();
    }

    /** The heading of the account group the record is shown in ("Issued by <account name>"). */
    public String issuedBy(String reference) {
        await("my-authorization-" + reference);
        return browser.findElement(org.openqa.selenium.By.xpath("//section[.//*[@data-testid='my-authorization-"
                + reference + "']]//*[@data-testid='issued-by']")).getText();
    }
}
