package com.maintenanceaccess.trail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.function.Predicate;

/**
 * The trail as one account's auditor may see it (docs/signoffs.md, "An account's export"):
 * the account's entries in full, and for each run of other entries between them only where
 * the run starts and ends and the hashes at its two ends. The links from entry to entry and
 * to the head can be checked offline ({@link TrailCheckCommand}) while nothing of another
 * account is in the file: no id, kind, subject, time or body of theirs, only the number of
 * entries and their hashes (a SHA-256 reveals nothing of what was hashed).
 *
 * <p>What the file alone cannot show: that a withheld run holds no entry of the account. The
 * server writes the runs; an entry of the account turned into a run by someone editing the
 * file is found by comparing its entries with {@code GET /mx/signoffs} or a realm-wide export.
 */
public final class AccountExport {

    public static final String FORMAT = "mx-trail-account-v1";

    private AccountExport() {
    }

    /**
     * {@code ofAccount} decides which entries are the account's; every other entry goes into
     * a withheld run. The entries must be the whole chain in sequence order.
     */
    public static ObjectNode write(String realm, String accountId, String accountAlias, TrailTable.Head head,
                                   Iterator<TrailEntry> entries, Predicate<TrailEntry> ofAccount, String exportedAt) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", FORMAT);
        root.put("realm", realm);
        root.putObject("account").put("id", accountId).put("alias", accountAlias);
        root.put("exportedAt", exportedAt);
        root.putObject("head").put("seq", head.seq()).put("hash", head.hash());
        ArrayNode list = root.putArray("entries");
        TrailEntry runStart = null;
        TrailEntry runEnd = null;
        long shown = 0;
        while (entries.hasNext()) {
            TrailEntry e = entries.next();
            if (ofAccount.test(e)) {
                if (runStart != null) {
                    list.add(withheld(runStart, runEnd));
                    runStart = null;
                }
                list.add(TrailExport.write(e));
                shown++;
            } else {
                runStart = runStart == null ? e : runStart;
                runEnd = e;
            }
        }
        if (runStart != null) {
            list.add(withheld(runStart, runEnd));
        }
        root.put("accountEntries", shown);
        return root;
    }

    private static ObjectNode withheld(TrailEntry first, TrailEntry last) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("withheld", "entries of other accounts");
        node.put("seq", first.seq());
        node.put("toSeq", last.seq());
        node.put("previousHash", first.previousHash());
        node.put("hash", last.hash());
        return node;
    }

    /**
     * The file checked: every shown entry matches its hash, every entry and run links to the
     * one before, the numbers run 1, 2, 3 … without gaps, and the chain ends at the head.
     */
    public static ChainCheck.Result verify(JsonNode root) {
        return verify(root, ChainCheck.Start.GENESIS);
    }

    /** The same for the export of a pruned chain, from the pruned head the operator recorded. */
    public static ChainCheck.Result verify(JsonNode root, ChainCheck.Start start) {
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException("not an account trail export of format " + FORMAT);
        }
        long expectedSeq = start.seq() + 1;
        String previous = start.hash();
        long shown = 0;
        for (JsonNode n : root.path("entries")) {
            long seq = n.path("seq").asLong();
            boolean isWithheld = n.has("withheld");
            long last = isWithheld ? n.path("toSeq").asLong() : seq;
            String where = isWithheld ? "the withheld run of entries " + seq + " to " + last : "entry " + seq;
            if (seq != expectedSeq || last < seq) {
                return broken(shown, expectedSeq, seq > expectedSeq
                        ? "entry " + expectedSeq + " is missing (the next entry found is " + seq + ")"
                        : where + " is out of order where entry " + expectedSeq + " belongs", previous);
            }
            if (!n.path("previousHash").asText().equals(previous)) {
                return broken(shown, seq, where + " does not link to the entry before it"
                        + " (an entry was removed or the entries were reordered)", previous);
            }
            if (!isWithheld) {
                TrailEntry e = TrailExport.entry(n);
                if (!e.hashMatches()) {
                    return broken(shown, seq, "entry " + seq + " was altered: its content does not match its hash", previous);
                }
                shown++;
            }
            previous = n.path("hash").asText();
            expectedSeq = last + 1;
        }
        long headSeq = root.path("head").path("seq").asLong();
        String headHash = root.path("head").path("hash").asText();
        if (headSeq != expectedSeq - 1 || !headHash.equals(previous)) {
            return broken(shown, expectedSeq, "the export ends at entry " + (expectedSeq - 1) + " but its head names entry "
                    + headSeq + " (entries at the end were removed or changed)", previous);
        }
        return new ChainCheck.Result(true, shown, 0, null, previous);
    }

    private static ChainCheck.Result broken(long shown, long seq, String problem, String lastGood) {
        return new ChainCheck.Result(false, shown, seq, problem, lastGood);
    }
}
