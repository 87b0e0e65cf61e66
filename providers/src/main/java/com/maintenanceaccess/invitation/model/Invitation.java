package com.maintenanceaccess.invitation.model;

import com.maintenanceaccess.kernel.Problems;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One user's invitation as it is stored on the user (unmanaged attributes prefixed
 * {@code mx.invitation.}), and the rules for moving it between states. Immutable: every
 * transition returns a new value, or throws a refusal ({@link com.maintenanceaccess.kernel.Problems}) and changes nothing.
 *
 * <p>The nonce is what a link is bound to. Every transition that must kill earlier links
 * (resend, address change, revoke, acceptance, expiry) replaces or clears it.
 */
public final class Invitation {

    public static final String PREFIX = "mx.invitation.";
    public static final String STATUS = PREFIX + "status";
    public static final String NONCE = PREFIX + "nonce";
    public static final String EMAIL = PREFIX + "email";
    public static final String SENT_AT = PREFIX + "sentAt";
    public static final String EXPIRES_AT = PREFIX + "expiresAt";
    public static final String ACCEPTED_AT = PREFIX + "acceptedAt";
    public static final String INVITED_BY = PREFIX + "invitedBy";
    public static final String INVITED_BY_NAME = PREFIX + "invitedByName";
    public static final String ACCOUNT = PREFIX + "account";
    public static final String HISTORY = PREFIX + "history";
    public static final List<String> KEYS = List.of(STATUS, NONCE, EMAIL, SENT_AT, EXPIRES_AT, ACCEPTED_AT,
            INVITED_BY, INVITED_BY_NAME, ACCOUNT, HISTORY);
    /** History is an audit aid on the user; the event store keeps the full trail. */
    public static final int HISTORY_LIMIT = 50;

    private final InvitationStatus status;
    private final String nonce;
    private final String email;
    private final Instant sentAt;
    private final Instant expiresAt;
    private final Instant acceptedAt;
    private final String invitedBy;
    private final String invitedByName;
    private final String account;
    private final List<String> history;

    private Invitation(InvitationStatus status, String nonce, String email, Instant sentAt, Instant expiresAt,
            Instant acceptedAt, String invitedBy, String invitedByName, String account, List<String> history) {
        this.status = status;
        this.nonce = nonce;
        this.email = email;
        this.sentAt = sentAt;
        this.expiresAt = expiresAt;
        this.acceptedAt = acceptedAt;
        this.invitedBy = invitedBy;
        this.invitedByName = invitedByName;
        this.account = account;
        this.history = List.copyOf(history);
    }

    /** Who did something and in whose name: the actor's user id and display name. */
    public record Actor(String id, String name) {
        public static final Actor INVITEE = new Actor("invitee", "invitee");
        public static final Actor SYSTEM = new Actor("system", "system");
    }

    // ---------------------------------------------------------------- reading and writing

    /** Reads the state from a user's attributes; {@code null} when the user was never invited. */
    public static Invitation read(Function<String, List<String>> attributes) {
        InvitationStatus status = InvitationStatus.parse(first(attributes.apply(STATUS)));
        if (status == null) {
            return null;
        }
        List<String> history = attributes.apply(HISTORY);
        return new Invitation(status, first(attributes.apply(NONCE)), first(attributes.apply(EMAIL)),
                instant(first(attributes.apply(SENT_AT))), instant(first(attributes.apply(EXPIRES_AT))),
                instant(first(attributes.apply(ACCEPTED_AT))), first(attributes.apply(INVITED_BY)),
                first(attributes.apply(INVITED_BY_NAME)), first(attributes.apply(ACCOUNT)),
                history == null ? List.of() : history);
    }

    /** Every key with its values; an empty list means "remove the attribute". */
    public Map<String, List<String>> toAttributes() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        out.put(STATUS, one(status.value()));
        out.put(NONCE, one(nonce));
        out.put(EMAIL, one(email));
        out.put(SENT_AT, one(sentAt));
        out.put(EXPIRES_AT, one(expiresAt));
        out.put(ACCEPTED_AT, one(acceptedAt));
        out.put(INVITED_BY, one(invitedBy));
        out.put(INVITED_BY_NAME, one(invitedByName));
        out.put(ACCOUNT, one(account));
        out.put(HISTORY, history);
        return out;
    }

    // ---------------------------------------------------------------- transitions

    /**
     * A new invitation for a user who has none, or whose last one expired or was revoked.
     * History of earlier invitations is kept.
     */
    public static Invitation send(Invitation current, String email, int days, String account, Actor actor,
            Instant now, String newNonce) {
        requireEmail(email);
        if (current != null) {
            InvitationStatus effective = current.effectiveStatus(now);
            if (effective == InvitationStatus.ACCEPTED) {
                throw Problems.conflict("the user already accepted an invitation.");
            }
            if (effective == InvitationStatus.PENDING) {
                throw Problems.conflict("the user has a pending invitation: resend it or change its address instead.");
            }
        }
        Instant expires = expiry(now, days);
        List<String> history = current == null ? List.of() : current.history;
        return new Invitation(InvitationStatus.PENDING, newNonce, email, now, expires, null, actor.id(),
                actor.name(), account, append(history, now, "sent", actor, "to=" + email + " expiresAt=" + expires
                        + (account == null ? "" : " account=" + account)));
    }

    /**
     * A new link (new nonce, new expiry) for a pending, expired or revoked invitation; earlier links die.
     * Revoked too: an administrator who revoked by mistake, or whose person comes back, would otherwise
     * have no way to invite them again (the person exists, so inviting anew is refused).
     */
    public Invitation resend(String currentEmail, int days, Actor actor, Instant now, String newNonce) {
        requireEmail(currentEmail);
        InvitationStatus effective = effectiveStatus(now);
        if (effective == InvitationStatus.ACCEPTED) {
            throw Problems.conflict("only a pending, expired or revoked invitation can be resent (it is "
                    + effective.value() + ").");
        }
        Instant expires = expiry(now, days);
        return new Invitation(InvitationStatus.PENDING, newNonce, currentEmail, now, expires, null, invitedBy,
                invitedByName, account, append(history, now, "resent", actor, "to=" + currentEmail
                        + " expiresAt=" + expires));
    }

    /** Revokes a pending or expired invitation; its link dies. */
    public Invitation revoke(Actor actor, Instant now) {
        InvitationStatus effective = effectiveStatus(now);
        if (effective != InvitationStatus.PENDING && effective != InvitationStatus.EXPIRED) {
            throw Problems.conflict("only a pending or expired invitation can be revoked (it is "
                    + effective.value() + ").");
        }
        return new Invitation(InvitationStatus.REVOKED, null, email, sentAt, expiresAt, null, invitedBy,
                invitedByName, account, append(history, now, "revoked", actor, ""));
    }

    /** Moves a pending invitation to a new address: the old link dies, expiry and history stay. */
    public Invitation changeAddress(String newEmail, Actor actor, Instant now, String newNonce) {
        requireEmail(newEmail);
        InvitationStatus effective = effectiveStatus(now);
        if (effective != InvitationStatus.PENDING) {
            throw Problems.conflict("only a pending invitation can change its address (it is "
                    + effective.value() + ").");
        }
        if (newEmail.equalsIgnoreCase(email)) {
            throw Problems.invalid("email", "the invitation already goes to this address");
        }
        return new Invitation(InvitationStatus.PENDING, newNonce, newEmail, now, expiresAt, null, invitedBy,
                invitedByName, account, append(history, now, "address-changed", actor, "from=" + email + " to=" + newEmail));
    }

    /**
     * Ends a pending invitation because something outside the invitation API made it meaningless
     * (e.g. {@code required-action-removed}: the person could log in without the link). It ends
     * as revoked, so its link dies for good and a new invitation can be sent.
     */
    public Invitation end(String why, Actor actor, Instant now) {
        if (status != InvitationStatus.PENDING) {
            throw Problems.conflict("only a pending invitation can be ended (it is "
                    + status.value() + ").");
        }
        return new Invitation(InvitationStatus.REVOKED, null, email, sentAt, expiresAt, null, invitedBy,
                invitedByName, account, append(history, now, why, actor, ""));
    }

    /**
     * Kills the link of a pending invitation without a new one (the user's address was changed
     * outside the invitation API): the nonce is cleared, so restoring the old address does not
     * revive the link. A resend mails a new one.
     */
    public Invitation killLink(String why, Actor actor, Instant now, String detail) {
        if (status != InvitationStatus.PENDING || nonce == null) {
            throw Problems.conflict("the invitation has no live link.");
        }
        return new Invitation(InvitationStatus.PENDING, null, email, sentAt, expiresAt, null, invitedBy,
                invitedByName, account, append(history, now, "link-killed", actor, "reason=" + why
                        + (detail.isEmpty() ? "" : " " + detail)));
    }

    /** Persists the expiry of a pending invitation whose time is up. */
    public Invitation expire(Instant now) {
        if (status != InvitationStatus.PENDING || !isDue(now)) {
            throw Problems.conflict("the invitation is not due to expire.");
        }
        return new Invitation(InvitationStatus.EXPIRED, null, email, sentAt, expiresAt, null, invitedBy,
                invitedByName, account, append(history, now, "expired", Actor.SYSTEM, "expiresAt=" + expiresAt));
    }

    /** Accepts the invitation a link was issued for; the nonce is cleared so the link dies. */
    public Invitation accept(String linkNonce, String linkEmail, String userEmail, Instant now) {
        Usability usability = usability(linkNonce, linkEmail, userEmail, now);
        if (usability != Usability.USABLE) {
            throw Problems.conflict("the invitation link is " + usability.name().toLowerCase() + ".");
        }
        return new Invitation(InvitationStatus.ACCEPTED, null, email, sentAt, expiresAt, now, invitedBy,
                invitedByName, account, append(history, now, "accepted", Actor.INVITEE, ""));
    }

    // ---------------------------------------------------------------- questions

    /** Why a link can or cannot be used. The invitee sees one page for every "no". */
    public enum Usability { USABLE, EXPIRED, ACCEPTED, REVOKED, SUPERSEDED }

    /** Whether a link carrying this nonce and address may accept the invitation now. */
    public Usability usability(String linkNonce, String linkEmail, String userEmail, Instant now) {
        switch (status) {
            case ACCEPTED:
                return Usability.ACCEPTED;
            case REVOKED:
                return Usability.REVOKED;
            case EXPIRED:
                return Usability.EXPIRED;
            default:
                break;
        }
        if (nonce == null || linkNonce == null || !nonce.equals(linkNonce)) {
            return Usability.SUPERSEDED;
        }
        if (linkEmail == null || !linkEmail.equalsIgnoreCase(email) || userEmail == null
                || !userEmail.equalsIgnoreCase(email)) {
            return Usability.SUPERSEDED;
        }
        return isDue(now) ? Usability.EXPIRED : Usability.USABLE;
    }

    /** The status an administrator should see: a pending invitation past its expiry is expired. */
    public InvitationStatus effectiveStatus(Instant now) {
        return status == InvitationStatus.PENDING && isDue(now) ? InvitationStatus.EXPIRED : status;
    }

    public boolean isDue(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** Whole days since the (last) link was sent. */
    public long ageInDays(Instant now) {
        return sentAt == null ? 0 : Duration.between(sentAt, now).toDays();
    }

    public InvitationStatus status() {
        return status;
    }

    public String nonce() {
        return nonce;
    }

    public String email() {
        return email;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant acceptedAt() {
        return acceptedAt;
    }

    public String invitedBy() {
        return invitedBy;
    }

    public String invitedByName() {
        return invitedByName;
    }

    public String account() {
        return account;
    }

    public List<String> history() {
        return history;
    }

    // ---------------------------------------------------------------- helpers

    private static void requireEmail(String email) {
        if (email == null || email.isBlank()) {
            throw Problems.invalid("email", "the user has no e-mail address to send the invitation to");
        }
        String problem = com.maintenanceaccess.kernel.DeliverableAddress.problem(email);
        if (problem != null) {
            throw Problems.invalid("email", "the user's e-mail address " + problem + ": correct the address first");
        }
    }

    private static Instant expiry(Instant now, int days) {
        return now.plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    }

    private static List<String> append(List<String> history, Instant now, String what, Actor actor, String detail) {
        List<String> out = new ArrayList<>(history);
        out.add(now.truncatedTo(ChronoUnit.SECONDS) + " " + what + " by=" + actor.id()
                + (detail.isEmpty() ? "" : " " + detail));
        while (out.size() > HISTORY_LIMIT) {
            out.remove(0);
        }
        return Collections.unmodifiableList(out);
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static List<String> one(Object value) {
        return value == null ? List.of() : List.of(value.toString());
    }

    private static Instant instant(String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Invitation other && toAttributes().equals(other.toAttributes());
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, nonce, email, sentAt);
    }
}
