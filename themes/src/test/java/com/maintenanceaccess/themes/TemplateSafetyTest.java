package com.maintenanceaccess.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fails the build when a theme template could output unescaped HTML: {@code ?no_esc} outside
 * {@code kcSanitize(...)}, or {@code ?new} (which can instantiate arbitrary classes).
 */
class TemplateSafetyTest {

    static final Path THEMES = Path.of("src/main/resources/theme");
    static final Pattern NO_ESC = Pattern.compile("\\?no_esc\\b");
    static final Pattern SANITIZED = Pattern.compile("kcSanitize\\([^$]*\\)\\?no_esc");
    static final Pattern NEW = Pattern.compile("\\?new\\b");
    static final Pattern COMMENT = Pattern.compile("<#--.*?-->", Pattern.DOTALL);

    @Test
    void everyTemplateEscapesItsOutput() throws IOException {
        List<Path> templates = templates();
        assertFalse(templates.isEmpty(), "the themes have templates");
        List<String> problems = new ArrayList<>();
        for (Path template : templates) {
            problems.addAll(problems(template.toString(), Files.readString(template)));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theCheckCatchesUnsafeTemplates() {
        assertEquals(1, problems("a.ftl", "<p>${user.firstName?no_esc}</p>").size());
        assertEquals(1, problems("b.ftl", "<#assign x = \"freemarker.template.utility.Execute\"?new()>").size());
        assertTrue(problems("c.ftl", "${kcSanitize(msg(\"x\"))?no_esc} ${user.firstName}").isEmpty());
        assertTrue(problems("d.ftl", "<#-- never ?no_esc\n or ?new here -->\n${x}").isEmpty());
    }

    static List<String> problems(String name, String text) {
        List<String> problems = new ArrayList<>();
        // FreeMarker comments output nothing; keep their line breaks so line numbers stay right.
        String code = COMMENT.matcher(text).replaceAll(comment -> comment.group().replaceAll("[^\n]", " "));
        String[] lines = code.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String withoutSanitized = SANITIZED.matcher(lines[i]).replaceAll("");
            if (NO_ESC.matcher(withoutSanitized).find()) {
                problems.add(name + ":" + (i + 1) + " outputs ?no_esc without kcSanitize");
            }
            if (NEW.matcher(lines[i]).find()) {
                problems.add(name + ":" + (i + 1) + " uses ?new");
            }
        }
        return problems;
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(THEMES)) {
            return files.filter(file -> file.toString().endsWith(".ftl")).toList();
        }
    }
}
