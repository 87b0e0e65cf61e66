package com.maintenanceaccess.trail;

import java.util.Iterator;

/**
 * Walks a realm's entries in sequence order and reports the first one that is not what the
 * chain says it must be: a sequence gap (an entry removed), a link to the wrong previous hash
 * (removed or reordered), or a hash that does not match the entry's own fields (edited).
 * Used by the verify endpoint and by the offline check ({@link TrailCheckCommand}) alike.
 */
public final class ChainCheck {

    /** {@code firstBadSeq} is 0 and {@code problem} null when the chain is intact. */
    public record Result(boolean intact, long entries, long firstBadSeq, String problem, String lastHash) {
    }

    private ChainCheck() {
    }

    public static Result verify(Iterator<TrailEntry> entries) {
        return verify(entries, Start.GENESIS);
    }

    /**
     * Where a chain starts: the genesis, or the last entry an operator pruned (its number and
     * hash, recorded when pruning; docs/signoffs.md "Retention").
     */
    public record Start(long seq, String hash) {
        public static final Start GENESIS = new Start(0, TrailEntry.GENESIS);

        /** {@code SEQ:HASH}, as the operator recorded it. */
        public static Start parse(String text) {
            String[] parts = text.split(":", 2);
            if (parts.length != 2 || !parts[1].matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("a pruned head is SEQ:HASH (a number and 64 hex digits): " + text);
            }
            return new Start(Long.parseLong(parts[0]), parts[1]);
        }
    }

    /** The chain checked from {@code start}: its first entry must be the one after it and link to its hash. */
    public static Result verify(Iterator<TrailEntry> entries, Start start) {
        long expectedSeq = start.seq() + 1;
        String previous = start.hash();
        long count = 0;
        while (entries.hasNext()) {
            TrailEntry e = entries.next();
            count++;
            if (e.seq() != expectedSeq) {
                return broken(count, expectedSeq, e.seq() > expectedSeq
                        ? "entry " + expectedSeq + " is missing (the next entry found is " + e.seq() + ")"
                        : "entry " + e.seq() + " appears out of order where entry " + expectedSeq + " belongs", previous);
            }
            if (!e.previousHash().equals(previous)) {
                return broken(count, e.seq(), "entry " + e.seq() + " does not link to the entry before it"
                        + " (an entry was removed or the entries were reordered)", previous);
            }
            if (!e.hashMatches()) {
                return broken(count, e.seq(), "entry " + e.seq() + " was altered: its content does not match its hash",
                        previous);
            }
            previous = e.hash();
            expectedSeq++;
        }
        return new Result(true, count, 0, null, previous);
    }

    private static Result broken(long count, long seq, String problem, String lastGood) {
        return new Result(false, count, seq, problem, lastGood);
    }
}
