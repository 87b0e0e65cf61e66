package com.maintenanceaccess.it.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.maintenanceaccess.it.invitation.InvitationSupport;
import com.maintenanceaccess.it.support.BrowserExtension;
import com.maintenanceaccess.it.support.Realm;
import com.maintenanceaccess.it.workspace.pages.InvitationsPage;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Workspace → Invitations in the real account console: states, resend, revoke, correct the address. */
class InvitationsPageIT {

    @RegisterExtension
    final BrowserExtension browser = new BrowserExtension();

    private final Realm realm = Realm.maintenance();
    private final InvitationSupport invitations = new InvitationSupport();
    private String operator;

    @BeforeEach
    void setUp() {
        operator = Operators.operator(realm);
    }

    @Test
    void aCorrectedAddressGetsTheMailAndTheAcceptedInvitationShowsAsAccepted() throws Exception {
        String invitee = invitations.invitee("ws-invitee", Map.of("firstName", "Tess", "lastName", "Technician"));
        String username = realm.username(invitee);
        assertEquals(201, invitations.invite(invitee, 7, null).status());
        String corrected = username + "-fixed@mro.example";

        InvitationsPage page = new InvitationsPage(browser.driver(), realm).open(operator, Realm.TEST_PASSWORD).filterByAddress(username);
        assertEquals("Pending", page.state(username));
        assertEquals("Tess Technician", page.personShown(username), "the person's name, not an address that may hold a typo");
        page.screenshotForDocs("invitations");

        page.correctAddress(username, corrected);
        assertTrue(page.done().contains(corrected), page.done());
        page.awaitState(username, "Pending");
        assertEquals(corrected, page.reload(username).email(username));

        // The person receives the mail at the corrected address and accepts in their own browser.
        String link = InvitationSupport.link(corrected, 1);
        InvitationSupport.accept(link, InvitationSupport.GOOD_PASSWORD);

        page.reload(username).awaitState(username, "Accepted");
        assertFalse(page.offersResend(username), "an accepted invitation is not sent again");
    }

    @Test
    void resendSendsANewMailAndRevokeEndsTheInvitation() throws Exception {
        String invitee = invitations.invitee("ws-resend", Map.of());
        String username = realm.username(invitee);
        String address = invitations.email(invitee);
        assertEquals(201, invitations.invite(invitee, 7, null).status());
        InvitationSupport.link(address, 1);

        InvitationsPage page = new InvitationsPage(browser.driver(), realm).open(operator, Realm.TEST_PASSWORD).filterByAddress(username);
        page.resend(username);
        assertTrue(page.done().contains(address), page.done());
        String second = InvitationSupport.link(address, 2);
        assertTrue(second.contains("key="), second);

        // A destructive action asks first, naming who; Cancel changes nothing.
        String question = page.revokeButCancel(username);
        assertTrue(question.contains(address), question);
        assertEquals("pending", invitations.invitation(invitee).get("status").asText(), "cancelled: nothing changed");

        page.revoke(username);
        page.awaitState(username, "Revoked");
        assertEquals("revoked", invitations.invitation(invitee).get("status").asText());

        // No dead end: a revoked invitation is sent again from the same list.
        assertTrue(page.offersResend(username), "a revoked invitation can be sent again");
        page.resend(username);
        page.awaitState(username, "Pending");
        assertTrue(InvitationSupport.link(address, 3).contains("key="), "a third mail with a working link");
    }

    @Test
    void anAddressTakenByAnotherUserIsRefusedAndNothingChanges() {
        String invitee = invitations.invitee("ws-taken", Map.of());
        String username = realm.username(invitee);
        assertEquals(201, invitations.invite(invitee, 7, null).status());
        String someoneElse = invitations.email(realm.createUser("ws-owner", Map.of()));

        InvitationsPage page = new InvitationsPage(browser.driver(), realm).open(operator, Realm.TEST_PASSWORD).filterByAddress(username);
        page.correctAddress(username, someoneElse);
        // A conflict (409) names no field: the server's sentence shows above the list.
        assertTrue(page.refusal().contains("already has this address"), page.refusal());
        assertEquals(invitations.email(invitee), invitations.invitation(invitee).get("email").asText(), "nothing changed");
    }

    @Test
    void theListPagesInTheChosenSizeForwardAndBack() throws Exception {
        String run = "ws-paging-" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 12; i++) {
            assertEquals(201, invitations.invite(invitations.invitee(run, Map.of()), 7, null).status());
        }

        InvitationsPage page = new InvitationsPage(browser.driver(), realm).open(operator, Realm.TEST_PASSWORD).filterByAddress(run);
        page.awaitRange("1–12 of 12");
        assertEquals(12, page.rows(), "20 a page at first: all twelve");
        assertFalse(page.pagerButton("next").isEnabled(), "one page: nothing next");

        page.pageSize(10).awaitRange("1–10 of 12");
        assertEquals(10, page.rows());
        assertFalse(page.pagerButton("previous").isEnabled(), "the first page: nothing before");

        page.pagerButton("next").click();
        page.awaitRange("11–12 of 12");
        assertEquals(2, page.rows());
        assertFalse(page.pagerButton("next").isEnabled(), "the last page: nothing next");

        page.pagerButton("previous").click();
        page.awaitRange("1–10 of 12");
        assertEquals(10, page.rows());
    }
}
