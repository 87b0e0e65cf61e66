package com.maintenanceaccess.it.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.maintenanceaccess.it.invitation.InvitationSupport;
import com.maintenanceaccess.it.support.BrowserExtension;
import com.maintenanceaccess.it.support.Mail;
import com.maintenanceaccess.it.support.Realm;
import com.maintenanceaccess.it.support.SmtpOutage;
import com.maintenanceaccess.it.workspace.pages.PeoplePage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * An invitation that could not be sent, on the People page of an account administrator (account
 * roles only): its state and reason shown, and the retry that sends the mail once the mail server
 * is back.
 */
// Alone, no other test class beside it: it takes the realm's mail server away.
@Isolated
class FailedSendPageIT {

    @RegisterExtension
    final BrowserExtension browsers = new BrowserExtension();

    private final Realm realm = Realm.maintenance();
    private String accountA;
    private String aliasA;

    @BeforeEach
    void setUp() {
        accountA = realm.createAccount("ws-retry-a", true, Map.of());
        aliasA = realm.adminGet("/organizations/" + accountA).get("alias").asText();
    }

    @Test
    void aFailedSendShowsOnPeopleWithItsReasonAndTheRetrySendsTheMail() throws Exception {
        String admin = realm.accountPerson(accountA, "ws-retry-admin", "account-administrator");
        String email = "ws-retry-" + UUID.randomUUID().toString().substring(0, 8) + "@mro.example";

        PeoplePage page = new PeoplePage(browsers.driver(), realm).open(aliasA, realm.username(admin), Realm.TEST_PASSWORD);
        try (SmtpOutage outage = SmtpOutage.start(realm)) {
            page.invite("Rita", "Retry", email, List.of("planner"));
            page.awaitDone("could not be sent");
            page.search(email).awaitState(email, "Not sent");
            assertFalse(page.failure(email).isBlank(), "the reason is shown");
            // A search is not counted: the range alone. (Read too early, the line is still the unsearched list's.)
            page.awaitPaging("1–1");
            page.screenshotForDocs("people-not-sent");
        }
        assertTrue(Mail.to(email).isEmpty(), "nothing was mailed while SMTP was down");

        page.retry(email);
        page.awaitDone(email);
        page.awaitState(email, "Pending");
        assertNotNull(Mail.await(email, 1, Duration.ofSeconds(30)), "the retried invitation arrives");
        assertEquals(302, InvitationSupport.accept(InvitationSupport.link(email, 1), InvitationSupport.GOOD_PASSWORD)
                .statusCode(), "its link works");
    }

}
