package com.maintenanceaccess.trail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class AccountExportTest {

    /** Entries 1..n: 1, 3, 5, 6, 7, 9 are account A's, the others account B's ("secret-B" in their body). */
    private static List<TrailEntry> chain(int n) {
        List<TrailEntry> entries = new ArrayList<>();
        String previous = TrailEntry.GENESIS;
        for (int i = 1; i <= n; i++) {
            String account = (i % 2 == 1 && i < 10) || i == 6 ? "A" : "B";
            TrailEntry e = TrailEntry.next(i, "id-" + i, "signature", "user-" + account + i, 1000L * i,
                    "{\"account\":\"" + account + "\",\"note\":\"secret-" + account + "-" + i + "\"}", previous);
            entries.add(e);
            previous = e.hash();
        }
        return entries;
    }

    private static final Predicate<TrailEntry> OF_A = e -> e.body().contains("\"account\":\"A\"");

    private static ObjectNode export(List<TrailEntry> entries) {
        TrailEntry last = entries.get(entries.size() - 1);
        return AccountExport.write("maintenance", "org-a", "acme", new TrailTable.Head(last.seq(), last.hash()),
                entries.iterator(), OF_A, "2026-12-01T10:00:00Z");
    }

    @Test
    void theAccountsExportVerifies() {
        ObjectNode root = export(chain(9));
        ChainCheck.Result result = AccountExport.verify(root);
        assertTrue(result.intact(), result::problem);
        assertEquals(6, result.entries()); // 1, 3, 5, 6, 7, 9
        assertEquals(6, root.get("accountEntries").asLong());
        assertEquals(chain(9).get(8).hash(), result.lastHash());
        assertTrue(TrailCheckCommand.verify(root).intact(), "the command reads the account format");
    }

    @Test
    void otherAccountsEntriesAreOnlyHashes() {
        ObjectNode root = export(chain(9));
        String text = root.toString();
        assertFalse(text.contains("secret-B"), text);
        assertFalse(text.contains("user-B"), text);
        assertFalse(text.contains("id-2"), text);
        JsonNode run = root.get("entries").get(1);
        assertEquals(2, run.get("seq").asLong());
        assertEquals(2, run.get("toSeq").asLong());
        assertEquals(List.of("withheld", "seq", "toSeq", "previousHash", "hash"), fieldNames(run));
        // 6 is A's, so 8 is a run of its own; consecutive entries of others make one run.
        List<TrailEntry> entries = chain(12);
        JsonNode tail = export(entries).get("entries");
        JsonNode lastRun = tail.get(tail.size() - 1);
        assertEquals(10, lastRun.get("seq").asLong());
        assertEquals(12, lastRun.get("toSeq").asLong());
        assertEquals(entries.get(11).hash(), lastRun.get("hash").asText());
    }

    @Test
    void anEditedEntryIsFoundAndNamed() {
        ObjectNode root = export(chain(9));
        ObjectNode fifth = (ObjectNode) root.get("entries").get(4); // entries: 1, run 2, 3, run 4, 5
        assertEquals(5, fifth.get("seq").asLong());
        fifth.put("body", fifth.get("body").asText().replace("secret-A-5", "changed"));
        ChainCheck.Result result = AccountExport.verify(root);
        assertFalse(result.intact());
        assertEquals(5, result.firstBadSeq());
        assertTrue(result.problem().contains("entry 5 was altered"), result.problem());
    }

    @Test
    void aRemovedEntryOrRunIsFound() {
        ObjectNode root = export(chain(9));
        ((ArrayNode) root.get("entries")).remove(2); // entry 3
        ChainCheck.Result result = AccountExport.verify(root);
        assertFalse(result.intact());
        assertEquals(3, result.firstBadSeq());
        assertTrue(result.problem().contains("entry 3 is missing"), result.problem());
    }

    @Test
    void aRunWhoseHashIsChangedBreaksTheNextLink() {
        ObjectNode root = export(chain(9));
        ((ObjectNode) root.get("entries").get(1)).put("hash", TrailEntry.sha256("forged"));
        ChainCheck.Result result = AccountExport.verify(root);
        assertFalse(result.intact());
        assertEquals(3, result.firstBadSeq());
        assertTrue(result.problem().contains("does not link"), result.problem());
    }

    @Test
    void aCutEndIsFound() {
        ObjectNode root = export(chain(9));
        ArrayNode entries = (ArrayNode) root.get("entries");
        entries.remove(entries.size() - 1);
        ChainCheck.Result result = AccountExport.verify(root);
        assertFalse(result.intact());
        assertTrue(result.problem().contains("entries at the end were removed"), result.problem());
    }

    @Test
    void anAccountWithoutEntriesStillCarriesTheChainToTheHead() {
        List<TrailEntry> entries = chain(4);
        TrailEntry last = entries.get(3);
        ObjectNode root = AccountExport.write("maintenance", "org-c", "other", new TrailTable.Head(4, last.hash()),
                entries.iterator(), e -> false, "2026-12-01T10:00:00Z");
        ChainCheck.Result result = AccountExport.verify(root);
        assertTrue(result.intact(), result::problem);
        assertEquals(0, result.entries());
        assertEquals(1, root.get("entries").size());
    }

    @Test
    void aPrunedChainVerifiesFromTheRecordedPrunedHeadOnly() {
        List<TrailEntry> entries = chain(9);
        TrailEntry prunedHead = entries.get(3);
        List<TrailEntry> kept = entries.subList(4, 9);
        TrailEntry last = entries.get(8);
        ObjectNode accountFile = AccountExport.write("maintenance", "org-a", "acme", new TrailTable.Head(9, last.hash()),
                kept.iterator(), OF_A, "2026-12-01T10:00:00Z");
        ObjectNode realmFile = TrailExport.write("maintenance", new TrailTable.Head(9, last.hash()), kept.iterator(),
                "2026-12-01T10:00:00Z");
        ChainCheck.Start recorded = ChainCheck.Start.parse("4:" + prunedHead.hash());
        for (ObjectNode file : List.of(accountFile, realmFile)) {
            assertTrue(TrailCheckCommand.verify(file, recorded).intact(), () -> TrailCheckCommand.verify(file, recorded).problem());
            ChainCheck.Result fromGenesis = TrailCheckCommand.verify(file);
            assertFalse(fromGenesis.intact(), "without the pruned head the missing start shows");
            assertTrue(fromGenesis.problem().contains("entry 1 is missing"), fromGenesis.problem());
            ChainCheck.Result wrongHead = TrailCheckCommand.verify(file, ChainCheck.Start.parse("4:" + TrailEntry.sha256("x")));
            assertFalse(wrongHead.intact());
            assertEquals(5, wrongHead.firstBadSeq());
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
