package com.maintenanceaccess.it.signoff;

import com.maintenanceaccess.it.support.KeycloakServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The auditor's offline check as they run it, in a JVM of its own:
 * {@code java -cp <providers jar and Jackson> com.maintenanceaccess.trail.TrailCheckCommand file}
 * with the jars taken from the test server's distribution (docs/signoffs.md).
 */
final class OfflineTrailCheck {

    record Result(int exit, String output) {
    }

    private OfflineTrailCheck() {
    }

    static Result run(KeycloakServer server, Path file) throws IOException, InterruptedException {
        Path home = server.home();
        List<String> classPath = new ArrayList<>();
        try (Stream<Path> providers = Files.list(home.resolve("providers"));
             Stream<Path> lib = Files.list(home.resolve("lib/lib/main"))) {
            providers.filter(p -> p.getFileName().toString().contains("providers")).forEach(p -> classPath.add(p.toString()));
            lib.filter(p -> p.getFileName().toString().startsWith("com.fasterxml.jackson.core."))
                    .forEach(p -> classPath.add(p.toString()));
        }
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(":", classPath), "com.maintenanceaccess.trail.TrailCheckCommand", file.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return new Result(process.waitFor(), output + " (class path: " + String.join(":", classPath) + ")");
    }
}
