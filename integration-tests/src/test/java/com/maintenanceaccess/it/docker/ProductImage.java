package com.maintenanceaccess.it.docker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * docker/Dockerfile built once per test JVM, as the tests run it: the bundle's jars that this
 * build's reactor has just made ({@code BUNDLE=prebuilt}, so the image holds exactly the jars
 * the other tests tested and Maven does not run again inside the build), on the official Keycloak
 * image when the engine has it or can pull it, else on the local stand-in that
 * docker/standin/build.sh makes (once per machine). The console and Maven stages of the
 * Dockerfile's default path are not built here (docs/operations.md, "The image").
 */
final class ProductImage {

    static final String OFFICIAL_KEYCLOAK = "quay.io/keycloak/keycloak:" + System.getProperty("keycloak.version", "26.7.3");

    private static String built;

    private ProductImage() {
    }

    /** The image's tag, built on first use. */
    static synchronized String get(DockerEngine docker) {
        if (built == null) {
            Path context = Path.of(System.getProperty("mx.docker.context", "..")).toAbsolutePath().normalize();
            String keycloak = keycloakBase(docker, context);
            // One tag per engineer's port set, so parallel builds on one engine do not retag each other's image.
            String tag = "maintenance-access:it-" + System.getProperty("mx.it.docker.node-a", "8183:9183:7802").split(":")[0];
            DockerEngine.Result before = docker.tryRun(Map.of(), Duration.ofSeconds(30), "image", "inspect", "--format", "{{.Id}}", tag);
            long start = System.nanoTime();
            docker.run(Map.of("DOCKER_BUILDKIT", "1"), Duration.ofMinutes(15), "build",
                    "--network", "host",
                    "--build-arg", "KEYCLOAK_IMAGE=" + keycloak,
                    "--build-arg", "BUNDLE=prebuilt",
                    "--build-arg", "BUNDLE_VERSION=" + System.getProperty("mx.bundle.version"),
                    "-f", context.resolve("docker/Dockerfile").toString(),
                    "-t", tag, context.toString());
            System.out.printf("[docker] built %s on %s in %d s%n", tag, keycloak, (System.nanoTime() - start) / 1_000_000_000);
            // The previous build of this tag, now untagged: removed, so that builds do not pile up
            // on a developer's machine (a container still using it keeps it; that failure is harmless).
            String previous = before.output().trim();
            if (before.ok() && !docker.run(Duration.ofSeconds(30), "image", "inspect", "--format", "{{.Id}}", tag).trim().equals(previous)) {
                docker.tryRun(Map.of(), Duration.ofMinutes(1), "rmi", previous);
            }
            built = tag;
        }
        return built;
    }

    /** The official image when present or pullable; else the stand-in (made now if this machine has none yet). */
    private static String keycloakBase(DockerEngine docker, Path context) {
        if (docker.tryRun(Map.of(), Duration.ofSeconds(30), "image", "inspect", OFFICIAL_KEYCLOAK).ok()) {
            return OFFICIAL_KEYCLOAK;
        }
        DockerEngine.Result pull = docker.tryRun(Map.of(), Duration.ofMinutes(5), "pull", OFFICIAL_KEYCLOAK);
        if (pull.ok()) {
            return OFFICIAL_KEYCLOAK;
        }
        System.out.println("[docker] " + OFFICIAL_KEYCLOAK + " cannot be pulled (" + pull.output().trim()
                + "): using the local stand-in (docker/standin/build.sh)");
        Path script = context.resolve("docker/standin/build.sh");
        Path work = Path.of(System.getProperty("mx.it.output", "target"), "standin").toAbsolutePath();
        DockerEngine.Result standin = DockerEngine.exec(java.util.List.of("sh", script.toString(), "keycloak"), Map.of(
                "DOCKER", docker.cli(),
                "KEYCLOAK_VERSION", System.getProperty("keycloak.version", "26.7.3"),
                "KEYCLOAK_ZIP", System.getProperty("mx.keycloak.zip", ""),
                "STANDIN_WORK", work.toString()), Duration.ofMinutes(20));
        if (!standin.ok()) {
            throw new IllegalStateException("the Keycloak stand-in could not be built:\n" + standin.output());
        }
        String[] lines = standin.output().trim().split("\n");
        String tag = lines[lines.length - 1].trim();
        if (!Files.exists(script) || !tag.startsWith("mx-standin/keycloak:")) {
            throw new IllegalStateException("unexpected output of " + script + ":\n" + standin.output());
        }
        return tag;
    }
}
