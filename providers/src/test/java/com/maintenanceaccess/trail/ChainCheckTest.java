package com.maintenanceaccess.trail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainCheckTest {

    private static List<TrailEntry> chain(int n) {
        List<TrailEntry> entries = new ArrayList<>();
        String previous = TrailEntry.GENESIS;
        for (int i = 1; i <= n; i++) {
            TrailEntry e = TrailEntry.next(i, "id-" + i, "signature", "user-" + i, 1000L * i, "{\"n\":" + i + "}", previous);
            entries.add(e);
            previous = e.hash();
        }
        return entries;
    }

    @Test
    void anIntactChainPasses() {
        ChainCheck.Result result = ChainCheck.verify(chain(5).iterator());
        assertTrue(result.intact());
        assertEquals(5, result.entries());
    }

    @Test
    void anEditedBodyIsFound() {
        List<TrailEntry> entries = chain(5);
        TrailEntry e = entries.get(2);
        entries.set(2, new TrailEntry(e.seq(), e.id(), e.kind(), e.subjectId(), e.atMillis(), "{\"n\":99}",
                e.previousHash(), e.hash()));
        ChainCheck.Result result = ChainCheck.verify(entries.iterator());
        assertFalse(result.intact());
        assertEquals(3, result.firstBadSeq());
        assertTrue(result.problem().contains("altered"));
    }

    @Test
    void anEditWhoseHashIsRecomputedBreaksTheNextLink() {
        List<TrailEntry> entries = chain(5);
        TrailEntry e = entries.get(2);
        entries.set(2, TrailEntry.next(e.seq(), e.id(), e.kind(), e.subjectId(), e.atMillis(), "{\"n\":99}", e.previousHash()));
        ChainCheck.Result result = ChainCheck.verify(entries.iterator());
        assertEquals(4, result.firstBadSeq());
        assertTrue(result.problem().contains("does not link"));
    }

    @Test
    void aDeletedEntryIsFound() {
        List<TrailEntry> entries = chain(5);
        entries.remove(1);
        ChainCheck.Result result = ChainCheck.verify(entries.iterator());
        assertEquals(2, result.firstBadSeq());
        assertTrue(result.problem().contains("missing"));
    }

    @Test
    void reorderedEntriesAreFound() {
        List<TrailEntry> entries = chain(5);
        entries.add(1, entries.remove(2));
        ChainCheck.Result result = ChainCheck.verify(entries.iterator());
        assertFalse(result.intact());
        assertEquals(2, result.firstBadSeq());
    }

    @Test
    void anEditedSubjectOrTimeChangesTheHash() {
        TrailEntry e = chain(1).get(0);
        assertFalse(new TrailEntry(1, e.id(), e.kind(), "someone-else", e.atMillis(), e.body(), e.previousHash(), e.hash())
                .hashMatches());
        assertFalse(new TrailEntry(1, e.id(), e.kind(), e.subjectId(), e.atMillis() + 1, e.body(), e.previousHash(), e.hash())
                .hashMatches());
    }
}
