package com.maintenanceaccess.it.docker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The Docker engine the image tests use, through its command line. When none answers and this
 * build may start one (root, Debian's {@code docker.io} installed), it starts {@code dockerd} as
 * these machines allow it (docs/operations.md, "The image"): no bridge, no iptables rules, so
 * containers run with {@code --network host}. The engine is left running for later builds.
 * <p>
 * When there is no engine and none can be started, the image tests are skipped with the reason
 * printed (and in the failsafe report); {@code -Dit.docker.required=true} turns that into a
 * failure, for CI machines where the engine must be there.
 */
final class DockerEngine {

    private static DockerEngine found;

    private final String cli;

    private DockerEngine(String cli) {
        this.cli = cli;
    }

    /** The engine, started if need be; aborts (or fails, if required) the calling test when there is none. */
    static synchronized DockerEngine require() {
        if (found == null) {
            String problem = start();
            if (problem != null) {
                String message = "[docker] the image tests cannot run: " + problem;
                System.out.println(message);
                if (Boolean.getBoolean("mx.it.docker.required")) {
                    Assertions.fail(message);
                }
                Assumptions.abort(message);
            }
            found = new DockerEngine(buildKitCli());
            System.out.println("[docker] engine answers; image builds use " + found.cli);
        }
        return found;
    }

    /** Null when an engine answers (perhaps just started), else why not. */
    private static String start() {
        if (answers()) {
            return null;
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return "no Docker engine answers and only root may start one";
        }
        if (!onPath("dockerd")) {
            return "no Docker engine answers and dockerd is not installed (apt-get install docker.io)";
        }
        Path log = Path.of(System.getProperty("mx.it.output", "target"), "dockerd.log");
        System.out.println("[docker] no engine answers: starting dockerd (log " + log + ")");
        try {
            Files.createDirectories(log.getParent());
            // setsid: the engine is not this JVM's child in the terminal's eyes, and outlives the build.
            new ProcessBuilder("setsid", "dockerd", "--bridge=none", "--iptables=false", "--ip-masq=false")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
        } catch (IOException e) {
            return "dockerd did not start: " + e.getMessage();
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (answers()) {
                return null;
            }
            sleep(Duration.ofMillis(200));
        }
        return "dockerd was started but does not answer after 60 s; see " + log;
    }

    private static boolean answers() {
        return onPath("docker") && exec(List.of("docker", "version", "--format", "{{.Server.Version}}"), Map.of(), Duration.ofSeconds(20)).ok();
    }

    /**
     * A command line that builds with BuildKit (docker/Dockerfile picks its stages with build
     * arguments; the classic builder would build every stage). Newer clients build with BuildKit
     * only through the buildx plugin; Debian's 20.10 client has it built in.
     */
    private static String buildKitCli() {
        for (String candidate : List.of("docker", "/usr/bin/docker")) {
            Result version = exec(List.of(candidate, "version", "--format", "{{.Client.Version}}"), Map.of(), Duration.ofSeconds(20));
            if (!version.ok()) {
                continue;
            }
            int major = Integer.parseInt(version.output().trim().split("\\.")[0]);
            if (major < 23 || exec(List.of(candidate, "buildx", "version"), Map.of(), Duration.ofSeconds(20)).ok()) {
                return candidate;
            }
        }
        Assertions.fail("no Docker client here builds with BuildKit: install the buildx plugin or Debian's docker.io client");
        return null;
    }

    /** Runs {@code docker args…}; fails the test with the command's output when it fails. */
    String run(Duration timeout, String... args) {
        return run(Map.of(), timeout, args);
    }

    String run(Map<String, String> environment, Duration timeout, String... args) {
        Result result = tryRun(environment, timeout, args);
        if (!result.ok()) {
            throw new IllegalStateException("docker " + String.join(" ", args) + " failed:\n" + tail(result.output()));
        }
        return result.output();
    }

    Result tryRun(Map<String, String> environment, Duration timeout, String... args) {
        List<String> command = new ArrayList<>(List.of(cli));
        command.addAll(List.of(args));
        return exec(command, environment, timeout);
    }

    String cli() {
        return cli;
    }

    record Result(int exit, String output) {
        boolean ok() {
            return exit == 0;
        }
    }

    static Result exec(List<String> command, Map<String, String> environment, Duration timeout) {
        try {
            Path output = Files.createTempFile("mx-docker", ".out");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor();
                    return new Result(-1, "timed out after " + timeout + ": " + command + "\n" + Files.readString(output));
                }
                return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            return new Result(-1, command + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted: " + command);
        }
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static String tail(String output) {
        return output.length() > 6000 ? "…" + output.substring(output.length() - 6000) : output;
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
