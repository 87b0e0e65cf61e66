package com.maintenanceaccess.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * account-console/build-if-changed.mjs, run with the machine's Node on a copy of it beside a
 * stand-in npm that only records what it was asked: {@code npm ci} only when node_modules was
 * not installed from this lock file, {@code npm run build} only when a source changed or the
 * output is gone. (A skipped build that should have run would ship a stale account console;
 * one that runs needlessly costs a second ./run.sh about 40 s.)
 */
class BuildIfChangedTest {

    static final Path SCRIPT = Path.of("account-console/build-if-changed.mjs");
    /** It reads where the description lies from here (docs/openapi.json, two folders up). */
    static final Path TYPES_SCRIPT = Path.of("account-console/generate-types.mjs");

    @TempDir
    Path dir;

    @Test
    void installsAndBuildsOnlyWhatChanged() throws Exception {
        // The repository's layout: themes/account-console beside docs/openapi.json.
        Path console = Files.createDirectories(dir.resolve("themes/account-console/src"));
        Files.copy(SCRIPT, console.resolveSibling("build-if-changed.mjs"));
        Files.copy(TYPES_SCRIPT, console.resolveSibling("generate-types.mjs"));
        Path description = Files.createDirectories(dir.resolve("docs")).resolve("openapi.json");
        Files.writeString(description, "{\"openapi\":\"3.0.1\"}");
        Files.writeString(console.resolveSibling("package-lock.json"), "{\"lockfileVersion\":3}");
        Files.writeString(console.resolve("main.tsx"), "export const a = 1;");

        assertEquals(List.of("ci", "run build"), run(), "first time");
        assertEquals(List.of(), run(), "nothing changed");

        Files.writeString(console.resolve("main.tsx"), "export const a = 2;");
        assertEquals(List.of("run build"), run(), "a source changed");
        Files.writeString(console.resolve("other.tsx"), "");
        assertEquals(List.of("run build"), run(), "a source added");
        assertEquals(List.of(), run(), "nothing changed again");

        Files.writeString(description, "{\"openapi\":\"3.0.1\",\"paths\":{}}");
        assertEquals(List.of("run build"), run(), "the description of /mx changed (the generated types)");
        Files.createDirectories(console.resolve("generated"));
        Files.writeString(console.resolve("generated/mx-api.ts"), "export type X = 1;");
        assertEquals(List.of(), run(), "the generated types are output, not a source");

        deleteTree(dir.resolve("output"));
        assertEquals(List.of("run build"), run(), "the output is gone (mvn clean)");

        Files.writeString(console.resolveSibling("package-lock.json"), "{\"lockfileVersion\":3,\"packages\":{}}");
        assertEquals(List.of("ci", "run build"), run(), "the lock file changed");

        deleteTree(console.resolveSibling("node_modules"));
        assertEquals(List.of("ci"), run(), "node_modules gone: installed again from the same lock, nothing to build");
    }

    /** One run of the script; what the stand-in npm was asked, in order. */
    private List<String> run() throws IOException, InterruptedException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path npm = bin.resolve("npm");
        Path calls = dir.resolve("calls");
        Files.deleteIfExists(calls);
        Files.writeString(npm, """
                #!/bin/sh
                echo "$*" >> "%s"
                if [ "$1" = ci ]; then mkdir -p node_modules; fi
                if [ "$1" = run ]; then mkdir -p "$MX_THEME_RESOURCES/.vite" && echo '{}' > "$MX_THEME_RESOURCES/.vite/manifest.json"; fi
                """.formatted(calls));
        npm.toFile().setExecutable(true);
        ProcessBuilder builder = new ProcessBuilder("node", "build-if-changed.mjs")
                .directory(dir.resolve("themes/account-console").toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("log").toFile());
        Map<String, String> environment = builder.environment();
        environment.put("PATH", bin + java.io.File.pathSeparator + environment.get("PATH"));
        environment.put("MX_THEME_RESOURCES", dir.resolve("output").toString());
        environment.put("MX_BUILD_STAMP", dir.resolve("target/account-console-build.sha256").toString());
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("build-if-changed.mjs still running after 60 s");
        }
        assertEquals(0, process.exitValue(), () -> read(dir.resolve("log")));
        return Files.exists(calls) ? Files.readAllLines(calls).stream().map(c -> c.startsWith("ci") ? "ci" : c).toList()
                : List.of();
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
