package com.maintenanceaccess.it.workspace.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person must never read on a workspace page (issue 24, item 1): a raw message key (the
 * console's "mxSomething" or "mx-something", a server key "mx.some.key"), an id (a UUID), an API
 * path ("/mx/…"), a permission as stored ("signoffs:release", "workorders:*": the catalog has words
 * for it) and, where the caller names them, machine names such as an account's alias ("demo-mro",
 * where the account's name belongs). {@link #findings} names each kind found once, with a little of
 * the text around it so that a failure says where.
 */
public final class PageText {

    /** The theme's keys ("mxAuthorization-suspendd", "mx-pendingDays") and the server's ("mx.invalid.email"). */
    static final Pattern RAW_KEY = Pattern.compile("(?<![\\w.@/-])mx(?:[A-Z][\\w-]*|-[a-z][\\w-]*|\\.[a-z][\\w-]*(?:\\.[\\w-]+)+)");
    static final Pattern UUID = Pattern.compile("(?i)\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b");
    static final Pattern API_PATH = Pattern.compile("/mx/");
    /** {@code <area>:<action>} with an action of the catalog (or {@code *}), not part of an address or a longer word. */
    static final Pattern PERMISSION = Pattern.compile(
            "(?<![\\w/.@:-])[a-z][a-z0-9]*(?:-[a-z0-9]+)*:(?:view|create|edit|delete|export|approve|release|complete|manage|\\*)(?![\\w-])");

    private PageText() {
    }

    /** One line per kind found (raw key, id, API path, permission), empty when the text is fine. */
    public static List<String> findings(String text) {
        return findings(text, List.of());
    }

    /**
     * The findings, a permission as stored excepted: for the reference app, whose reasons under a
     * page that is not available still name the missing permission so ("… includes tasks:view";
     * docs/workspace.md). Keys, ids, paths and English on German pages are still found there.
     */
    public static List<String> findingsButPermissions(String text) {
        return findings(text).stream().filter(found -> !found.startsWith("permission ")).toList();
    }

    /**
     * The same, and each of {@code machineNames} (an account's alias) found as a word of its own (not
     * inside an e-mail address, a domain or a longer name): a person reads the account's name.
     */
    public static List<String> findings(String text, java.util.Collection<String> machineNames) {
        List<String> findings = new ArrayList<>();
        find(findings, "raw key", RAW_KEY, text);
        find(findings, "id", UUID, text);
        find(findings, "API path", API_PATH, text);
        find(findings, "permission", PERMISSION, text);
        for (String name : machineNames) {
            find(findings, "machine name", Pattern.compile("(?<![\\w.@/-])" + Pattern.quote(name) + "(?![\\w-]|\\.\\w)"), text);
        }
        return findings;
    }

    /**
     * English words that no German sentence holds ("the", "and", "with", "you", …): on a page in German
     * they show a sentence left in English (a server message, a description without its German text).
     * One line per sentence-like stretch found, at most three.
     */
    public static List<String> english(String text) {
        List<String> found = new ArrayList<>();
        Matcher english = ENGLISH.matcher(text);
        while (english.find() && found.size() < 3) {
            int start = Math.max(0, text.lastIndexOf('\n', english.start()) + 1);
            int end = text.indexOf('\n', english.end());
            String line = text.substring(start, end < 0 ? text.length() : end);
            found.add("\"" + (line.length() > 100 ? line.substring(0, 100) + "…" : line) + "\"");
            english.region(end < 0 ? text.length() : end, text.length());
        }
        return found;
    }

    static final Pattern ENGLISH = Pattern.compile("\\b(?:the|The|and|with|your|Your|you|You|this|This|cannot|has been|have been|are|is not|of the)\\b");

    private static void find(List<String> findings, String kind, Pattern pattern, String text) {
        Matcher found = pattern.matcher(text);
        if (found.find()) {
            String around = text.substring(Math.max(0, found.start() - 30), Math.min(text.length(), found.end() + 30));
            findings.add(kind + " " + found.group() + " in …" + around.replace('\n', ' ') + "…");
        }
    }
}
