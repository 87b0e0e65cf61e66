package com.maintenanceaccess.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 17's "done when", checked on the sources: no class outside {@code bundle/} imports JPA
 * or Keycloak's JPA packages, names a Keycloak entity, or puts a Keycloak table in SQL. Those
 * belong to the seam ({@link KeycloakInternals}, {@link KeycloakStore}).
 */
class SeamBoundaryTest {

    private static final Path SOURCES = Path.of("src/main/java/com/maintenanceaccess");
    private static final Pattern JPA = Pattern.compile(
            "jakarta\\.persistence|org\\.keycloak\\.models\\.jpa|org\\.keycloak\\.connections\\.jpa|EntityManager"
                    + "|\\b\\w+Entity\\b(?!\\()|createNativeQuery");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern KEYCLOAK_TABLE = Pattern.compile(
            "\\b(REALM|KEYCLOAK_ROLE|ROLE_ATTRIBUTE|COMPOSITE_ROLE|CLIENT_SCOPE\\w*|USER_ATTRIBUTE|USER_ENTITY)\\b");

    @Test
    void onlyTheSeamReachesKeycloaksJpaStore() throws IOException {
        assertEquals(List.of(), offences(JPA, false));
    }

    @Test
    void onlyTheSeamNamesKeycloaksTablesInSql() throws IOException {
        assertEquals(List.of(), offences(KEYCLOAK_TABLE, true));
    }

    @Test
    void theSeamItselfIsWhatTheChecksLookAt() throws IOException {
        String store = Files.readString(SOURCES.resolve("bundle/KeycloakStore.java"));
        assertTrue(JPA.matcher(store).find(), "the pattern finds JPA where it is");
        assertTrue(STRING.matcher(store).results().anyMatch(s -> KEYCLOAK_TABLE.matcher(s.group()).find()),
                "the pattern finds Keycloak's tables where they are");
    }

    private static List<String> offences(Pattern pattern, boolean inStringsOnly) throws IOException {
        List<String> offences = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (file.startsWith(SOURCES.resolve("bundle"))) {
                    continue;
                }
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (found(pattern, lines.get(i), inStringsOnly)) {
                        offences.add(SOURCES.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).trim());
                    }
                }
            }
        }
        return offences;
    }

    private static boolean found(Pattern pattern, String line, boolean inStringsOnly) {
        if (!inStringsOnly) {
            return pattern.matcher(line).find();
        }
        Matcher strings = STRING.matcher(line);
        while (strings.find()) {
            if (pattern.matcher(strings.group()).find()) {
                return true;
            }
        }
        return false;
    }
}
