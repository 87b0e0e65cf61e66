package com.maintenanceaccess.it.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.maintenanceaccess.it.support.BrowserExtension;
import com.maintenanceaccess.it.support.Realm;
import com.maintenanceaccess.it.workspace.pages.AccountConsole;
import com.maintenanceaccess.it.workspace.pages.PeoplePage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Narrow screens (issue 24 item 6: "at 800 px the side menu covers the names and addresses, and ☰
 * does not close it"): at 800 and 360 px the menu is closed over the table, ☰ opens and closes it,
 * choosing a page closes it, and the table is read without scrolling sideways at 800 px.
 */
class NarrowScreenIT {

    @RegisterExtension
    final BrowserExtension browsers = new BrowserExtension();

    private final Realm realm = Realm.maintenance();

    @Test
    void theMenuLeavesTheTableFreeAndClosesAt800And360Pixels() {
        String account = realm.createAccount("ws-narrow", true, Map.of());
        String alias = realm.adminGet("/organizations/" + account).get("alias").asText();
        String admin = realm.accountPerson(account, "narrow-admin", "account-administrator");
        String member = realm.accountPerson(account, "narrow-member");

        PeoplePage page = new PeoplePage(browsers.driver(), realm);
        page.windowSize(800, 900);
        page.open(alias, realm.username(admin), Realm.TEST_PASSWORD);
        page.awaitListed(realm.username(member));
        for (int width : new int[] {800, 360}) {
            page.windowSize(width, 900);
            page.awaitMenu(false);
            assertTrue(page.visibleUncovered("people"), width + " px: the menu does not cover the table");
            assertEquals(List.of(), page.cutColumnTitles(), width + " px: every column title is read whole");
            assertFalse(page.overflowsSideways(), width + " px: the People page is read without scrolling sideways");
            assertEquals(List.of(), page.unnamedCells(), width + " px: a table shown as a grid names each value");
            if (width == 800) {
                page.screenshotForDocs("narrow-800");
            }

            page.toggleMenu();
            page.awaitMenu(true);
            assertFalse(page.visibleUncovered("people"), width + " px: ☰ opened the menu over the table");
            if (width == 360) {
                page.screenshotForDocs("narrow-360-menu");
            }
            page.toggleMenu();
            page.awaitMenu(false);
            assertTrue(page.visibleUncovered("people"), width + " px: ☰ closed it again");

            // Choosing a page in the menu goes there and closes the menu.
            page.toggleMenu();
            page.awaitMenu(true);
            page.chooseInMenu("mx/invitations");
            page.awaitMenu(false);
            assertTrue(page.visibleUncovered("invitations"), width + " px: the chosen page, free of the menu");
            page.go("mx/people?account=" + alias);
            page.awaitListed(realm.username(member));
        }
        AccountConsole console = page;
        console.windowSize(1400, 900);
        console.awaitMenu(true);
        assertTrue(console.visibleUncovered("people"), "at 1400 px the menu stands beside the table");
    }
}
