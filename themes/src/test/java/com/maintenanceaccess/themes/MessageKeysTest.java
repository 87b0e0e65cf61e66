package com.maintenanceaccess.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One vocabulary, two languages: every message of the bundle's themes exists in English and in
 * German, and every key the templates and the account console use exists. A missing key shows the
 * key itself to a person ("mxAuthorization-suspendd"), so the build fails instead.
 * Keys without the bundle's "mx" prefix are Keycloak's own (its base themes have them in both).
 */
class MessageKeysTest {

    static final Path THEMES = Path.of("src/main/resources/theme/maintenance");
    static final Path CONSOLE = Path.of("account-console/src");
    /** {@code msg("mxKey")} and {@code msg('mxKey', …)} in FreeMarker (not a prefix a template completes, "mxType_" + type). */
    static final Pattern TEMPLATE_KEY = Pattern.compile("msg\\([\"'](mx[A-Za-z0-9._-]+)[\"']\\s*[),]");
    /**
     * Any string literal {@code "mxKey…"} in the console: in {@code t(…)} and in tables of keys alike
     * (not a prefix the code completes, {@code "mxEvidence.path."}: it ends with the dot).
     */
    static final Pattern CONSOLE_KEY = Pattern.compile("\"(mx[A-Z][A-Za-z0-9._-]*[A-Za-z0-9_-])\"");
    /** The server's message keys ({@code api/ProblemKeys}): the /mx API sends them for the console to show. */
    static final Path SERVER = Path.of("../providers/src/main/java");
    /** ... and the setup review's fixes ({@code review/SetupReview}, issue 24). */
    static final Pattern SERVER_KEY = Pattern.compile("\"(mx(?:Error|Fix)\\.[A-Za-z0-9._-]+)\"");

    @Test
    void everyThemeHasTheSameKeysInEnglishAndGerman() throws IOException {
        for (String type : new String[] {"login", "email", "account", "admin"}) {
            Set<String> en = keys(THEMES.resolve(type + "/messages/messages_en.properties"));
            Set<String> de = keys(THEMES.resolve(type + "/messages/messages_de.properties"));
            assertFalse(en.isEmpty(), type);
            assertEquals(Set.of(), missing(en, de), type + ": keys in English without German text");
            assertEquals(Set.of(), missing(de, en), type + ": keys in German without English text");
        }
    }

    @Test
    void everyKeyTheTemplatesUseExists() throws IOException {
        for (String type : new String[] {"login", "email"}) {
            Set<String> known = keys(THEMES.resolve(type + "/messages/messages_en.properties"));
            Set<String> used = used(THEMES.resolve(type), TEMPLATE_KEY, ".ftl");
            assertFalse(used.isEmpty(), type);
            assertEquals(Set.of(), missing(used, known), type + ": keys used by templates without a text");
        }
    }

    @Test
    void everyKeyTheAccountConsoleUsesExists() throws IOException {
        Set<String> known = keys(THEMES.resolve("account/messages/messages_en.properties"));
        Set<String> used = used(CONSOLE, CONSOLE_KEY, ".tsx", ".ts");
        assertFalse(used.isEmpty());
        assertEquals(Set.of(), missing(used, known), "keys used by the account console without a text");
    }

    @Test
    void everyKeyTheServerSendsExistsInBothLanguages() throws IOException {
        Set<String> en = keys(THEMES.resolve("account/messages/messages_en.properties"));
        Set<String> de = keys(THEMES.resolve("account/messages/messages_de.properties"));
        Set<String> used = used(SERVER, SERVER_KEY, ".java");
        assertFalse(used.size() < 20, "the server's keys are found: " + used);
        assertEquals(Set.of(), missing(used, en), "keys the server sends without an English text");
        assertEquals(Set.of(), missing(used, de), "keys the server sends without a German text");
    }

    /**
     * The reference app (app/) reads its words from the account theme (Keycloak's messages
     * endpoint): every key its page and script name has a text, and every page of the bundled
     * access catalog has a name in both languages (a page without one would show its catalog's
     * English description on a German page).
     */
    @Test
    void everyKeyTheReferenceAppUsesExistsAndEveryCatalogPageHasAName() throws IOException {
        Set<String> en = keys(THEMES.resolve("account/messages/messages_en.properties"));
        Set<String> de = keys(THEMES.resolve("account/messages/messages_de.properties"));
        Set<String> used = used(APP, APP_KEY, ".js", ".html");
        assertFalse(used.size() < 40, "the app's keys are found: " + used);
        assertEquals(Set.of(), missing(used, en), "keys used by the reference app without a text");
        Set<String> pages = new TreeSet<>();
        Matcher page = CATALOG_PAGE.matcher(Files.readString(CATALOG));
        while (page.find()) {
            pages.add("mxPageName." + page.group(1));
        }
        assertFalse(pages.size() < 30, "the catalog's pages are found: " + pages);
        assertEquals(Set.of(), missing(pages, en), "catalog pages without an English name");
        assertEquals(Set.of(), missing(pages, de), "catalog pages without a German name");
        for (String kind : new String[] {"release", "task", "inspection"}) {
            for (String prefix : new String[] {"mxApp.kind-", "mxApp.category-", "mxApp.button-", "mxApp.declaration-", "mxApp.statement-"}) {
                assertEquals(Set.of(), missing(Set.of(prefix + kind), en), "the app's words for a " + kind);
            }
        }
    }

    /**
     * The realm's user profile names its texts as message keys ({@code ${mxProfile…}}: the personnel
     * authorizations' label, help and group, the user-metadata group). Keycloak resolves them in the
     * admin console (admin theme), the account console's personal info (account theme) and the login
     * pages' profile forms (login theme): each key has a text in both languages in all three, the same
     * text in each (so a person reads one label wherever they meet it). The profile's plain texts are
     * none: Keycloak's own keys ({@code ${firstName}}) aside, every label, help and header is a key.
     */
    @Test
    void everyTextOfTheUserProfileIsAKeyWithATextInEveryThemeThatShowsIt() throws IOException {
        String realm = Files.readString(REALM);
        Set<String> keys = new TreeSet<>();
        Matcher key = PROFILE_KEY.matcher(realm);
        while (key.find()) {
            keys.add(key.group(1));
        }
        assertFalse(keys.size() < 6, "the profile's keys are found: " + keys);
        Matcher plain = PROFILE_TEXT.matcher(realm);
        while (plain.find()) {
            assertTrue(plain.group(2).startsWith("${") && plain.group(2).endsWith("}"),
                    "a plain text in the user profile, not a message key: " + plain.group());
        }
        for (String language : new String[] {"en", "de"}) {
            Properties account = properties(THEMES.resolve("account/messages/messages_" + language + ".properties"));
            for (String type : new String[] {"admin", "account", "login"}) {
                Properties texts = properties(THEMES.resolve(type + "/messages/messages_" + language + ".properties"));
                for (String name : keys) {
                    assertTrue(texts.getProperty(name) != null, type + " " + language + ": no text for " + name);
                    assertEquals(account.getProperty(name), texts.getProperty(name), type + " " + language + " " + name);
                }
            }
        }
    }

    static final Path REALM = Path.of("../realm-config/maintenance-realm.json");
    /** {@code ${mxKey}} in the realm file (the user profile is a JSON string in it: quotes escaped). */
    static final Pattern PROFILE_KEY = Pattern.compile("\\$\\{(mx[A-Za-z0-9]+)\\}");
    /** A text the user profile shows: a display name or header, a description, a helper-text annotation. */
    static final Pattern PROFILE_TEXT = Pattern.compile(
            "\\\\\"(displayName|displayHeader|displayDescription|inputHelperTextBefore|inputHelperTextAfter)\\\\\":\\\\\"([^\\\\]*)\\\\\"");

    static final Path APP = Path.of("../app/src/main/resources/web");
    /** {@code "mxApp.key"} in the app's script and {@code data-text="mxApp.key"} in its page. */
    static final Pattern APP_KEY = Pattern.compile("[\"'](mx[A-Z][A-Za-z0-9._-]*[A-Za-z0-9])[\"']");
    static final Path CATALOG = Path.of("../realm-config/access-catalog.yaml");
    /** A page of the access catalog: {@code - {id: planning.aircraft, description: …, permission: …}}. */
    static final Pattern CATALOG_PAGE = Pattern.compile("(?m)^  - \\{id: ([a-z0-9.-]+), description: .*permission:");

    /**
     * The admin theme's script (personnel authorizations in words, issue 24 item 8): every key it
     * names, and every state it names by suffix, has a text; the authorization types read as in
     * the workspace (the account theme's texts, in both languages).
     */
    @Test
    void everyKeyTheAdminScriptUsesExists() throws IOException {
        Path admin = THEMES.resolve("admin");
        Set<String> known = keys(admin.resolve("messages/messages_en.properties"));
        Set<String> used = used(admin.resolve("resources/js"), ADMIN_SCRIPT_KEY, ".js");
        assertFalse(used.size() < 10, "the script's keys are found: " + used);
        for (String state : new String[] {"active", "suspended", "revoked", "expired", "notYetInForce", "unknown"}) {
            used.add("mxAdminState-" + state);
        }
        assertEquals(Set.of(), missing(used, known), "keys used by the admin script without a text");
        for (String language : new String[] {"en", "de"}) {
            Properties account = properties(THEMES.resolve("account/messages/messages_" + language + ".properties"));
            Properties adminTexts = properties(admin.resolve("messages/messages_" + language + ".properties"));
            for (String key : account.stringPropertyNames()) {
                if (key.startsWith("mxAuthorizationType-")) {
                    assertEquals(account.getProperty(key), adminTexts.getProperty(key), language + " " + key);
                }
            }
        }
    }

    /** {@code "mxAdminKey"} string literals in the admin theme's script. */
    static final Pattern ADMIN_SCRIPT_KEY = Pattern.compile("\"(mx[A-Z][A-Za-z0-9._-]*)\"");

    private static Properties properties(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static Set<String> missing(Set<String> wanted, Set<String> present) {
        Set<String> missing = new TreeSet<>(wanted);
        missing.removeAll(present);
        return missing;
    }

    private static Set<String> keys(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }

    private static Set<String> used(Path root, Pattern pattern, String... suffixes) throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> Stream.of(suffixes).anyMatch(s -> f.toString().endsWith(s))).toList()) {
                Matcher matcher = pattern.matcher(Files.readString(file));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        return used;
    }
}
