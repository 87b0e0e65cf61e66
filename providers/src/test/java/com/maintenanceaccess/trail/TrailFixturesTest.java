package com.maintenanceaccess.trail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The trail exports the account console's browser check ({@code trailCheck.ts}) is unit-tested
 * against: written by the server's own export code ({@link TrailExport}, {@link AccountExport}),
 * with the verdict of the server's own check ({@link TrailCheckCommand}) beside each, in
 * {@code themes/account-console/test/trail-fixtures/}. The console's test
 * ({@code trailCheck.test.mjs}) must reach the same verdicts on the same files.
 *
 * <p>This test fails when the committed files are no longer what the server writes or decides;
 * {@code mvn -pl providers test -Dtest=TrailFixturesTest -Dtrail.fixtures.write=true} writes them
 * anew (then review the diff).
 */
class TrailFixturesTest {

    private static final Path DIR = Path.of("..", "themes", "account-console", "test", "trail-fixtures");
    /** Non-ASCII as \\u escapes: the files stay plain ASCII, the unpaired surrogate included. */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final String EXPORTED_AT = "2026-12-07T10:00:00Z";

    /**
     * Entries 1..n of two accounts, with what the Java and the browser checks must read alike:
     * German and Japanese text, an emoji (a surrogate pair), an unpaired surrogate (Java hashes
     * it as "?"), markup, and an entry without a subject.
     */
    private static List<TrailEntry> chain(int n) {
        String[] notes = {"Freigabe bestätigt – Prüfer Müller", "点検完了", "ok ✈️ 🛩", "broken \uD800 surrogate",
            "<b>escaped?</b> & \"quoted\"", "plain"};
        List<TrailEntry> entries = new ArrayList<>();
        String previous = TrailEntry.GENESIS;
        for (int i = 1; i <= n; i++) {
            String account = i % 3 == 0 ? "B" : "A";
            String body = JsonNodeFactory.instance.objectNode().put("account", account).put("note", notes[i % notes.length])
                    .toString();
            TrailEntry e = TrailEntry.next(i, "id-" + i, i % 2 == 0 ? "signature" : "authorization-granted",
                    i == 4 ? null : "user-" + account + i, 1_765_100_000_000L + 1000L * i, body, previous);
            entries.add(e);
            previous = e.hash();
        }
        return entries;
    }

    private static ObjectNode full(List<TrailEntry> entries) {
        TrailEntry last = entries.get(entries.size() - 1);
        return TrailExport.write("maintenance", new TrailTable.Head(last.seq(), last.hash()), entries.iterator(), EXPORTED_AT);
    }

    private static ObjectNode ofAccountA(List<TrailEntry> entries) {
        TrailEntry last = entries.get(entries.size() - 1);
        Predicate<TrailEntry> ofA = e -> e.body().contains("\"account\":\"A\"");
        return AccountExport.write("maintenance", "org-a", "demo-mro", new TrailTable.Head(last.seq(), last.hash()),
                entries.iterator(), ofA, EXPORTED_AT);
    }

    private static ObjectNode entry(ObjectNode root, int index) {
        return (ObjectNode) root.get("entries").get(index);
    }

    /** Each fixture by its file name, as the server writes it or as somebody changed it afterwards. */
    private static Map<String, ObjectNode> fixtures() {
        Map<String, ObjectNode> files = new LinkedHashMap<>();
        files.put("full-intact.json", full(chain(8)));

        ObjectNode edited = full(chain(8));
        entry(edited, 4).put("body", entry(edited, 4).get("body").asText().replace("plain", "changed"));
        files.put("full-body-edited.json", edited);

        ObjectNode removed = full(chain(8));
        ((ArrayNode) removed.get("entries")).remove(2);
        files.put("full-entry-removed.json", removed);

        ObjectNode cut = full(chain(8));
        ((ArrayNode) cut.get("entries")).remove(7);
        files.put("full-end-cut.json", cut);

        ObjectNode reordered = full(chain(8));
        ArrayNode list = (ArrayNode) reordered.get("entries");
        JsonNode second = list.remove(1);
        list.insert(2, second);
        files.put("full-reordered.json", reordered);

        files.put("account-intact.json", ofAccountA(chain(9)));

        ObjectNode accountEdited = ofAccountA(chain(9));
        entry(accountEdited, 0).put("kind", "signature-forged");
        files.put("account-entry-edited.json", accountEdited);

        ObjectNode runChanged = ofAccountA(chain(9));
        for (JsonNode n : runChanged.get("entries")) {
            if (n.has("withheld")) {
                ((ObjectNode) n).put("hash", "f".repeat(64));
                break;
            }
        }
        files.put("account-withheld-run-changed.json", runChanged);
        return files;
    }

    /** The server's verdict, in the words trailCheck.ts answers with. */
    private static ObjectNode verdict(JsonNode root) {
        ChainCheck.Result result = TrailCheckCommand.verify(root);
        ObjectNode v = JsonNodeFactory.instance.objectNode();
        v.put("ofAccount", AccountExport.FORMAT.equals(root.path("format").asText()));
        if (result.intact()) {
            v.put("kind", "intact").put("entries", result.entries()).put("lastHash", result.lastHash());
        } else {
            v.put("kind", "broken").put("firstBadSeq", result.firstBadSeq()).put("problem", result.problem());
        }
        return v;
    }

    @Test
    void theConsolesFixturesAreWhatTheServerWritesAndDecides() throws IOException {
        Map<String, ObjectNode> files = fixtures();
        ObjectNode expected = JsonNodeFactory.instance.objectNode();
        files.forEach((name, root) -> expected.set(name, verdict(root)));
        assertEquals("intact", expected.get("full-intact.json").get("kind").asText());
        assertEquals("intact", expected.get("account-intact.json").get("kind").asText());
        expected.fieldNames().forEachRemaining(name -> assertTrue(name.endsWith("-intact.json")
                || "broken".equals(expected.get(name).get("kind").asText()), name + " is a tampered file: " + expected.get(name)));

        if (Boolean.getBoolean("trail.fixtures.write")) {
            Files.createDirectories(DIR);
            for (Map.Entry<String, ObjectNode> file : files.entrySet()) {
                Files.writeString(DIR.resolve(file.getKey()), text(file.getValue()), StandardCharsets.UTF_8);
            }
            Files.writeString(DIR.resolve("expected.json"), text(expected), StandardCharsets.UTF_8);
        }
        String rewrite = " (if the export or the check changed on purpose, run this test with -Dtrail.fixtures.write=true)";
        for (Map.Entry<String, ObjectNode> file : files.entrySet()) {
            assertEquals(text(file.getValue()), Files.readString(DIR.resolve(file.getKey()), StandardCharsets.UTF_8),
                    file.getKey() + " is what the server writes" + rewrite);
        }
        assertEquals(text(expected), Files.readString(DIR.resolve("expected.json"), StandardCharsets.UTF_8),
                "expected.json is what TrailCheckCommand decides" + rewrite);
    }

    private static String text(JsonNode node) throws IOException {
        return JSON.writeValueAsString(node) + "\n";
    }
}
