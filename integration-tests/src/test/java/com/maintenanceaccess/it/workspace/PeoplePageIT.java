package com.maintenanceaccess.it.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.maintenanceaccess.it.invitation.InvitationSupport;
import com.maintenanceaccess.it.support.BrowserExtension;
import com.maintenanceaccess.it.support.Realm;
import com.maintenanceaccess.it.workspace.pages.PeoplePage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Workspace → People: invite from the form → the mail in GreenMail → accept → shown as accepted. */
class PeoplePageIT {

    @RegisterExtension
    final BrowserExtension browser = new BrowserExtension();

    private final Realm realm = Realm.maintenance();
    private String operator;

    @BeforeEach
    void setUp() {
        operator = Operators.operator(realm);
    }

    @Test
    void anInvitationMadeInTheFormArrivesAndShowsAsAcceptedOnceAccepted() throws Exception {
        String account = accountAlias();
        String email = "ws-people-" + UUID.randomUUID().toString().substring(0, 8) + "@mro.example";

        PeoplePage page = new PeoplePage(browser.driver(), realm).open(account, operator, Realm.TEST_PASSWORD);
        page.invite("Pia", "Planner", "not-an-address", List.of("planner"));
        assertFalse(page.problem("email").isBlank(), "the address problem stands on the e-mail field");

        page.invite("Pia", "Planner", email, List.of());
        page.awaitDone(email);
        page.search(email).awaitState(email, "Pending");
        page.screenshotForDocs("people");

        String link = InvitationSupport.link(email, 1);
        InvitationSupport.accept(link, InvitationSupport.GOOD_PASSWORD);
        page.reload(account).search(email).awaitState(email, "Accepted");
        assertTrue(realm.adminGet("/organizations/" + accountId + "/members?search=" + email).size() == 1,
                "the person is a member of the account");
    }

    private String accountId;

    private String accountAlias() {
        accountId = realm.createAccount("ws-people", true, Map.of());
        return realm.adminGet("/organizations/" + accountId).get("alias").asText();
    }
}
