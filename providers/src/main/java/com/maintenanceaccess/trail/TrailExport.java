package com.maintenanceaccess.trail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The export format of a trail, which carries the chain: every entry with its stored body
 * text, its previous hash and its hash, and the head as the server recorded it. An auditor
 * verifies it offline with {@link TrailCheckCommand}; nothing in it is re-serialised.
 */
public final class TrailExport {

    public static final String FORMAT = "mx-trail-v1";

    private TrailExport() {
    }

    public static ObjectNode write(String realm, TrailTable.Head head, Iterator<TrailEntry> entries, String exportedAt) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", FORMAT);
        root.put("realm", realm);
        root.put("exportedAt", exportedAt);
        root.putObject("head").put("seq", head.seq()).put("hash", head.hash());
        ArrayNode list = root.putArray("entries");
        entries.forEachRemaining(e -> list.add(write(e)));
        return root;
    }

    public static ObjectNode write(TrailEntry e) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("seq", e.seq());
        node.put("id", e.id());
        node.put("kind", e.kind());
        node.put("subjectId", e.subjectId());
        node.put("atMillis", e.atMillis());
        node.put("body", e.body());
        node.put("previousHash", e.previousHash());
        node.put("hash", e.hash());
        return node;
    }

    /** The entries of an export, in the order the file lists them. */
    public static List<TrailEntry> entries(JsonNode root) {
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException("not a trail export of format " + FORMAT);
        }
        List<TrailEntry> entries = new ArrayList<>();
        for (JsonNode n : root.path("entries")) {
            entries.add(entry(n));
        }
        return entries;
    }

    /** One entry as {@link #write(TrailEntry)} wrote it. */
    public static TrailEntry entry(JsonNode n) {
        return new TrailEntry(n.path("seq").asLong(), n.path("id").asText(), n.path("kind").asText(),
                n.path("subjectId").isNull() ? null : n.path("subjectId").asText(), n.path("atMillis").asLong(),
                n.path("body").asText(), n.path("previousHash").asText(), n.path("hash").asText());
    }

    /** The chain of an export checked, including that it ends where its head says. */
    public static ChainCheck.Result verify(JsonNode root) {
        return verify(root, ChainCheck.Start.GENESIS);
    }

    /** The same for the export of a pruned chain, from the pruned head the operator recorded. */
    public static ChainCheck.Result verify(JsonNode root, ChainCheck.Start start) {
        List<TrailEntry> entries = entries(root);
        ChainCheck.Result result = ChainCheck.verify(entries.iterator(), start);
        long last = start.seq() + result.entries();
        long headSeq = root.path("head").path("seq").asLong();
        String headHash = root.path("head").path("hash").asText();
        if (result.intact() && (headSeq != last || !headHash.equals(result.lastHash()))) {
            return new ChainCheck.Result(false, result.entries(), last + 1,
                    "the export ends at entry " + last + " but its head names entry " + headSeq
                            + " (entries at the end were removed or changed)", result.lastHash());
        }
        return result;
    }
}
