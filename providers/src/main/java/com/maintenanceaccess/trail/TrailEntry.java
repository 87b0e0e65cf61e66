package com.maintenanceaccess.trail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One entry of a realm's tamper-evident trail. {@code seq} counts from 1 per realm without
 * gaps; {@code hash} is the SHA-256 of the entry's fields and the previous entry's hash, so a
 * changed, removed or moved entry breaks every hash after it. {@code body} is stored as the
 * exact JSON text that was hashed: verification never re-serialises anything.
 */
public record TrailEntry(long seq, String id, String kind, String subjectId, long atMillis, String body,
                         String previousHash, String hash) {

    /** The hash that the first entry of a realm chains to. */
    public static final String GENESIS = "0".repeat(64);

    /** An entry to append after {@code previousHash}, its own hash computed. */
    public static TrailEntry next(long seq, String id, String kind, String subjectId, long atMillis, String body,
                                  String previousHash) {
        return new TrailEntry(seq, id, kind, subjectId, atMillis, body, previousHash,
                hashOf(seq, id, kind, subjectId, atMillis, body, previousHash));
    }

    /** The hash these fields must carry; the one definition the server and the offline check share. */
    public static String hashOf(long seq, String id, String kind, String subjectId, long atMillis, String body,
                                String previousHash) {
        String canonical = String.join("\n", "mx-trail-v1", Long.toString(seq), id, kind,
                subjectId == null ? "" : subjectId, Long.toString(atMillis), previousHash, body);
        return sha256(canonical);
    }

    public boolean hashMatches() {
        return hash.equals(hashOf(seq, id, kind, subjectId, atMillis, body, previousHash));
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
