package com.maintenanceaccess.review;

import com.maintenanceaccess.access.AccessCatalog;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evidence and findings in words, written by the server in one language (the access report's CSV):
 * each part's key from the account theme's texts, its {@code {0}}, {@code {1}} … filled with the
 * parameters in words by their kind, as the workspace's {@code components/CheckWords.ts} shows them
 * on screen (role templates by their names, authorization types, features, areas and permissions
 * from the access catalog's words), parts joined by "; ", a privileged template's paths
 * ({@code mxEvidence.path.*}) in brackets after it. Times are written as UTC, to the minute, the
 * same in every language ("2026-12-08 14:30 UTC"): a file is read far from the page that asked.
 * A key the texts lack is written as the part's parameters (never as the key).
 */
final class EvidenceWords {

    private static final String READ_ONLY = "-read-only";
    private static final String PATH = "mxEvidence.path.";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Properties messages;
    private final Locale locale;
    private final AccessCatalog catalog;

    /** @param catalog the access catalog whose words name features, areas and permissions; null: as named */
    EvidenceWords(Properties messages, Locale locale, AccessCatalog catalog) {
        this.messages = messages;
        this.locale = locale == null ? Locale.ENGLISH : locale;
        this.catalog = catalog;
    }

    /** The parts as one text: joined by "; ", the paths of a privileged template in brackets after it. */
    String parts(List<EvidencePart> parts) {
        List<String> sentences = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        for (EvidencePart part : parts) {
            if (part.key().startsWith(PATH) && !sentences.isEmpty()) {
                paths.add(part(part));
                continue;
            }
            closePaths(sentences, paths);
            sentences.add(part(part));
        }
        closePaths(sentences, paths);
        return String.join("; ", sentences);
    }

    private static void closePaths(List<String> sentences, List<String> paths) {
        if (!paths.isEmpty()) {
            int last = sentences.size() - 1;
            sentences.set(last, sentences.get(last) + " (" + String.join("; ", paths) + ")");
            paths.clear();
        }
    }

    String part(EvidencePart part) {
        String text = messages.getProperty(part.key());
        if (text == null) {
            return String.join(" ", part.params().stream().map(this::param).toList());
        }
        Matcher placeholder = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            int index = Integer.parseInt(placeholder.group(1));
            String value = index < part.params().size() ? param(part.params().get(index)) : placeholder.group();
            placeholder.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(out);
        return out.toString();
    }

    String param(EvidenceParam param) {
        List<String> words = param.values().stream().map(value -> word(param.kind(), value)).toList();
        return words.isEmpty() ? "—" : String.join(", ", words);
    }

    String word(String kind, String value) {
        String language = locale.getLanguage();
        return switch (kind) {
            case "template", "role" -> templateName(value);
            case "authorizationType" -> messages.getProperty("mxAuthorizationType-" + value, value);
            case "reason" -> messages.getProperty("mxSignoffReason." + value, value);
            case "invitationStatus" -> messages.getProperty("mxStatus-" + value, value).toLowerCase(locale);
            case "feature" -> catalog == null ? value : catalog.featureWords(value, language);
            case "area" -> catalog == null ? value : catalog.area(value).map(area -> area.describe(language)).orElse(value);
            case "permission" -> catalog == null ? value : catalog.permissionWords(value, language);
            case "time" -> time(value);
            default -> value;
        };
    }

    /** A bundled template by its name in the language ("Planning", "Planung"), a read-only variant so marked; any other as named. */
    private String templateName(String name) {
        boolean readOnly = name.endsWith(READ_ONLY);
        String base = readOnly ? name.substring(0, name.length() - READ_ONLY.length()) : name;
        String words = messages.getProperty("mxTemplateName." + base);
        if (words == null) {
            return name;
        }
        return readOnly ? messages.getProperty("mxTemplateReadOnlyName", "{{name}}").replace("{{name}}", words) : words;
    }

    private static String time(String value) {
        try {
            return TIME.format(Instant.parse(value));
        } catch (DateTimeParseException e) {
            return value;
        }
    }
}
