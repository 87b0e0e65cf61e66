package com.maintenanceaccess.notice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A notice's kind and facts as the short JSON kept in its row ({@code NOTICE_BODY}), so that a
 * send that failed is tried again with what was due then, also for notices no later state can
 * tell again (a grant, a suspension).
 */
final class NoticeCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private NoticeCodec() {
    }

    static String encode(Notice notice) {
        Notice.Facts f = notice.facts();
        ObjectNode body = JSON.createObjectNode();
        body.put("k", notice.kind().id());
        body.put("pn", f.personName());
        body.put("pe", f.personEmail());
        body.put("an", f.accountName());
        body.put("t", f.authorizationType());
        body.put("r", f.reference());
        if (f.until() != null) {
            body.put("u", f.until().toEpochMilli());
        }
        body.put("d", f.days());
        body.put("l", f.byLicence());
        body.put("why", f.reason());
        int more = f.more();
        if (!f.items().isEmpty()) {
            ArrayNode items = body.putArray("i");
            for (Notice.Item item : f.items()) {
                items.addArray().add(item.personName()).add(item.authorizationType()).add(item.reference())
                        .add(item.until().toEpochMilli()).add(item.what());
            }
            // The column holds 2000 characters: a digest keeps the first lines and counts the rest.
            while (body.toString().length() > MAX && items.size() > 0) {
                items.remove(items.size() - 1);
                more++;
            }
        }
        body.put("m", more);
        String text = body.toString();
        // A long reason is cut rather than the notice lost.
        return text.length() <= MAX ? text : encodeWithout(body);
    }

    private static final int MAX = 2000;

    private static String encodeWithout(ObjectNode body) {
        body.put("why", "");
        return body.toString();
    }

    static Notice decode(String subjectId, String key, String recipientId, String text) {
        try {
            JsonNode body = JSON.readTree(text);
            Notice.Facts facts = new Notice.Facts(str(body, "pn"), str(body, "pe"), str(body, "an"), str(body, "t"),
                    str(body, "r"), body.hasNonNull("u") ? Instant.ofEpochMilli(body.get("u").asLong()) : null,
                    body.path("d").asLong(), body.path("l").asBoolean(), str(body, "why"), items(body),
                    body.path("m").asInt());
            return new Notice(NoticeKind.byId(body.path("k").asText()), subjectId, key, recipientId, facts);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("an unreadable notice row " + key + " of " + subjectId, e);
        }
    }

    private static List<Notice.Item> items(JsonNode body) {
        List<Notice.Item> items = new ArrayList<>();
        for (JsonNode item : body.path("i")) {
            items.add(new Notice.Item(item.path(0).asText(), item.path(1).asText(), item.path(2).asText(),
                    Instant.ofEpochMilli(item.path(3).asLong()), item.path(4).asText()));
        }
        return items;
    }

    private static String str(JsonNode body, String field) {
        return body.hasNonNull(field) ? body.get(field).asText() : null;
    }
}
