package com.maintenanceaccess.invitation.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.maintenanceaccess.invitation.model.Invitation.Actor;
import com.maintenanceaccess.invitation.model.Invitation.Usability;
import com.maintenanceaccess.kernel.Problems;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvitationTest {

    private static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");
    private static final Actor ADMIN = new Actor("admin-id", "Ada Admin");

    private static Invitation pending() {
        return Invitation.send(null, "pat@mro.example", 7, "acme", ADMIN, NOW, "n1");
    }

    @Test
    void sendMakesAPendingInvitationWithExpiryAndHistory() {
        Invitation invitation = pending();
        assertEquals(InvitationStatus.PENDING, invitation.status());
        assertEquals("n1", invitation.nonce());
        assertEquals(Instant.parse("2026-12-05T08:00:00Z"), invitation.expiresAt());
        assertEquals("admin-id", invitation.invitedBy());
        assertEquals("acme", invitation.account());
        assertEquals(1, invitation.history().size());
        assertTrue(invitation.history().get(0).contains("sent by=admin-id to=pat@mro.example"));
    }

    @Test
    void attributesRoundTrip() {
        Invitation invitation = pending().resend("pat@mro.example", 3, ADMIN, NOW.plusSeconds(60), "n2");
        Map<String, List<String>> attributes = new HashMap<>(invitation.toAttributes());
        Invitation read = Invitation.read(attributes::get);
        assertEquals(invitation, read);
        assertEquals(2, read.history().size());
        assertNull(Invitation.read(key -> null), "no status: never invited");
    }

    @Test
    void aLinkIsUsableOnlyWithTheCurrentNonceAddressAndBeforeExpiry() {
        Invitation invitation = pending();
        String mail = "pat@mro.example";
        assertEquals(Usability.USABLE, invitation.usability("n1", mail, mail, NOW));
        assertEquals(Usability.USABLE, invitation.usability("n1", "PAT@mro.example", mail, NOW), "case-insensitive");
        assertEquals(Usability.SUPERSEDED, invitation.usability("n0", mail, mail, NOW));
        assertEquals(Usability.SUPERSEDED, invitation.usability(null, mail, mail, NOW));
        assertEquals(Usability.SUPERSEDED, invitation.usability("n1", "other@mro.example", mail, NOW));
        assertEquals(Usability.SUPERSEDED, invitation.usability("n1", mail, "changed@mro.example", NOW));
        assertEquals(Usability.EXPIRED, invitation.usability("n1", mail, mail, invitation.expiresAt()));
        assertEquals(Usability.USABLE, invitation.usability("n1", mail, mail, invitation.expiresAt().minusSeconds(1)));
    }

    @Test
    void resendRotatesTheNonceSoEarlierLinksDie() {
        Invitation resent = pending().resend("pat@mro.example", 7, ADMIN, NOW.plusSeconds(5), "n2");
        assertEquals(Usability.SUPERSEDED, resent.usability("n1", "pat@mro.example", "pat@mro.example", NOW));
        assertEquals(Usability.USABLE, resent.usability("n2", "pat@mro.example", "pat@mro.example", NOW));
    }

    @Test
    void anExpiredInvitationCanBeResentButNotMovedToANewAddress() {
        Instant later = NOW.plus(Duration.ofDays(8));
        Invitation invitation = pending();
        assertEquals(InvitationStatus.EXPIRED, invitation.effectiveStatus(later));
        assertThrows(WebApplicationException.class, () -> invitation.changeAddress("x@mro.example", ADMIN, later, "n2"));
        Invitation resent = invitation.resend("pat@mro.example", 7, ADMIN, later, "n2");
        assertEquals(InvitationStatus.PENDING, resent.effectiveStatus(later));
    }

    @Test
    void addressChangeKeepsExpiryAndHistoryAndKillsTheOldLink() {
        Invitation moved = pending().changeAddress("new@mro.example", ADMIN, NOW.plusSeconds(10), "n2");
        assertEquals("new@mro.example", moved.email());
        assertEquals(pending().expiresAt(), moved.expiresAt());
        assertEquals(2, moved.history().size());
        assertEquals(Usability.SUPERSEDED, moved.usability("n1", "pat@mro.example", "new@mro.example", NOW));
        assertEquals(Usability.USABLE, moved.usability("n2", "new@mro.example", "new@mro.example", NOW));
        WebApplicationException same = assertThrows(WebApplicationException.class,
                () -> pending().changeAddress("PAT@mro.example", ADMIN, NOW, "n2"));
        assertEquals("email", Problems.answer(same).problems().get(0).field());
    }

    @Test
    void acceptanceClearsTheNonceAndCannotHappenTwice() {
        Invitation accepted = pending().accept("n1", "pat@mro.example", "pat@mro.example", NOW.plusSeconds(1));
        assertEquals(InvitationStatus.ACCEPTED, accepted.status());
        assertNull(accepted.nonce());
        assertEquals(NOW.plusSeconds(1), accepted.acceptedAt());
        assertEquals(Usability.ACCEPTED, accepted.usability("n1", "pat@mro.example", "pat@mro.example", NOW));
        assertThrows(WebApplicationException.class,
                () -> accepted.accept("n1", "pat@mro.example", "pat@mro.example", NOW));
        WebApplicationException again = assertThrows(WebApplicationException.class,
                () -> Invitation.send(accepted, "pat@mro.example", 7, null, ADMIN, NOW, "n3"));
        assertEquals(409, again.getResponse().getStatus());
        assertThrows(WebApplicationException.class, () -> accepted.resend("pat@mro.example", 7, ADMIN, NOW, "n3"));
        assertThrows(WebApplicationException.class, () -> accepted.revoke(ADMIN, NOW));
    }

    @Test
    void anExpiredLinkCannotBeAccepted() {
        Invitation invitation = pending();
        assertThrows(WebApplicationException.class, () -> invitation.accept("n1", "pat@mro.example", "pat@mro.example",
                NOW.plus(Duration.ofDays(7))));
    }

    @Test
    void revokeKillsTheLinkAndAllowsANewInvitationWithHistory() {
        Invitation revoked = pending().revoke(ADMIN, NOW.plusSeconds(1));
        assertEquals(InvitationStatus.REVOKED, revoked.status());
        assertNull(revoked.nonce());
        assertEquals(Usability.REVOKED, revoked.usability("n1", "pat@mro.example", "pat@mro.example", NOW));
        assertThrows(WebApplicationException.class, () -> revoked.revoke(ADMIN, NOW));
        Invitation again = Invitation.send(revoked, "pat@mro.example", 7, null, ADMIN, NOW.plusSeconds(2), "n2");
        assertEquals(InvitationStatus.PENDING, again.status());
        assertEquals(3, again.history().size());
        assertNotEquals(revoked.nonce(), again.nonce());
    }

    @Test
    void aRevokedInvitationCanBeSentAgainWithANewLink() {
        Invitation revoked = pending().revoke(ADMIN, NOW.plusSeconds(1));
        Invitation resent = revoked.resend("pat@mro.example", 7, ADMIN, NOW.plusSeconds(2), "n2");
        assertEquals(InvitationStatus.PENDING, resent.status());
        assertEquals("n2", resent.nonce());
        assertEquals(Usability.SUPERSEDED, resent.usability("n1", "pat@mro.example", "pat@mro.example", NOW.plusSeconds(3)),
                "the link of before the revoke stays dead");
        assertEquals(Usability.USABLE, resent.usability("n2", "pat@mro.example", "pat@mro.example", NOW.plusSeconds(3)));
        assertEquals(3, resent.history().size());
    }

    @Test
    void anAddressWithoutADomainEndingIsNotInvited() {
        WebApplicationException refused = assertThrows(WebApplicationException.class,
                () -> Invitation.send(null, "nora.newhire@demo-mro", 7, null, ADMIN, NOW, "n1"));
        assertEquals(400, refused.getResponse().getStatus());
        assertEquals("email", Problems.answer(refused).problems().get(0).field());
    }

    @Test
    void aSecondInvitationWhilePendingIsRefused() {
        WebApplicationException e = assertThrows(WebApplicationException.class,
                () -> Invitation.send(pending(), "pat@mro.example", 7, null, ADMIN, NOW, "n2"));
        assertEquals(409, e.getResponse().getStatus());
    }

    @Test
    void expirePersistsOnlyWhenDue() {
        assertThrows(WebApplicationException.class, () -> pending().expire(NOW));
        Invitation expired = pending().expire(NOW.plus(Duration.ofDays(7)));
        assertEquals(InvitationStatus.EXPIRED, expired.status());
        assertNull(expired.nonce());
    }

    @Test
    void noAddressNoInvitation() {
        WebApplicationException e = assertThrows(WebApplicationException.class,
                () -> Invitation.send(null, " ", 7, null, ADMIN, NOW, "n1"));
        assertEquals("email", Problems.answer(e).problems().get(0).field());
    }

    @Test
    void historyIsBounded() {
        Invitation invitation = pending();
        for (int i = 0; i < 60; i++) {
            invitation = invitation.resend("pat@mro.example", 7, ADMIN, NOW.plusSeconds(i), "n" + i);
        }
        assertEquals(Invitation.HISTORY_LIMIT, invitation.history().size());
    }

    @Test
    void aLinkKilledByAnOutsideAddressChangeStaysDeadWhenTheAddressComesBack() {
        String mail = "pat@mro.example";
        Invitation killed = pending().killLink("address-changed-outside", ADMIN, NOW.plusSeconds(10),
                "from=" + mail + " to=elsewhere@mro.example");
        assertEquals(InvitationStatus.PENDING, killed.status(), "still pending: a resend mails a new link");
        assertEquals(Usability.SUPERSEDED, killed.usability("n1", mail, mail, NOW), "the old address is back: still dead");
        assertTrue(killed.history().get(1).contains("link-killed by=admin-id reason=address-changed-outside"));
        Invitation resent = killed.resend(mail, 7, ADMIN, NOW.plusSeconds(20), "n2");
        assertEquals(Usability.USABLE, resent.usability("n2", mail, mail, NOW.plusSeconds(30)));
        assertThrows(WebApplicationException.class, () -> killed.killLink("again", ADMIN, NOW, ""), "no live link");
    }

    @Test
    void endingAPendingInvitationRevokesItForGood() {
        Invitation ended = pending().end("required-action-removed", ADMIN, NOW.plusSeconds(10));
        assertEquals(InvitationStatus.REVOKED, ended.status());
        assertNull(ended.nonce());
        assertEquals(Usability.REVOKED, ended.usability("n1", "pat@mro.example", "pat@mro.example", NOW));
        assertTrue(ended.history().get(1).contains("required-action-removed by=admin-id"));
        assertThrows(WebApplicationException.class, () -> ended.end("again", ADMIN, NOW));
    }
}
