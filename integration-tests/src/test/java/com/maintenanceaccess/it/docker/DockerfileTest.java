package com.maintenanceaccess.it.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What {@code docker build} needs from the repository, checked in every build (the image tests,
 * {@link DockerImageSmokeIT}, build only the path that takes the reactor's jars): Maven in the
 * image's build stage reads every module the parent pom lists (not those of profiles), so the
 * Dockerfile must copy each one's pom or whole folder, else Maven stops with "Child module …
 * does not exist".
 */
class DockerfileTest {

    private static final Path ROOT = Path.of(System.getProperty("mx.repository", "..")).toAbsolutePath().normalize();
    /** {@code COPY <source> <destination>} of the build context (not {@code COPY --from=stage}). */
    private static final Pattern COPY = Pattern.compile("(?m)^COPY\\s+(?!--)(\\S+)\\s+\\S+\\s*$");

    @Test
    void theBuildStageCopiesEveryModuleThatTheParentPomLists() throws Exception {
        List<String> modules = defaultModules(ROOT.resolve("pom.xml"));
        assertFalse(modules.isEmpty(), "the parent pom lists modules");
        assertEquals(List.of(), missingModules(modules, Files.readString(ROOT.resolve("docker/Dockerfile"))),
                "docker/Dockerfile must COPY these modules (or their pom.xml)");
    }

    /**
     * The tests build the image on stand-in base images passed as build arguments; production
     * builds on the defaults, which must stay the official images (docs/operations.md, "The image").
     */
    @Test
    void theBaseImagesAreBuildArgumentsThatDefaultToTheOfficialImages() throws Exception {
        String dockerfile = Files.readString(ROOT.resolve("docker/Dockerfile"));
        Map<String, String> defaults = new HashMap<>();
        Matcher arg = Pattern.compile("(?m)^ARG\\s+(\\w+)=(\\S+)\\s*$").matcher(dockerfile);
        while (arg.find()) {
            defaults.put(arg.group(1), arg.group(2));
        }
        assertEquals("node:20-bookworm", defaults.get("NODE_IMAGE"));
        assertEquals("maven:3.9-eclipse-temurin-17", defaults.get("MAVEN_IMAGE"));
        assertEquals("quay.io/keycloak/keycloak:" + System.getProperty("keycloak.version", "26.7.3"), defaults.get("KEYCLOAK_IMAGE"));
        assertEquals("source", defaults.get("BUNDLE"), "production compiles the bundle from source");
        Matcher from = Pattern.compile("(?m)^FROM\\s+(\\S+)").matcher(dockerfile);
        while (from.find()) {
            String image = from.group(1);
            assertTrue(image.startsWith("${") || image.equals("scratch") || image.startsWith("bundle-"),
                    "a FROM names a build argument, not an image: " + image);
        }
    }

    @Test
    void aModuleCopiedNeitherWholeNorByItsPomIsMissing() {
        String dockerfile = """
                FROM maven AS bundle
                COPY pom.xml .
                COPY providers providers
                COPY server/pom.xml server/pom.xml
                COPY test-support/src test-support/src
                COPY --from=bundle /out/mailbox mailbox
                """;
        assertEquals(List.of("test-support", "mailbox"),
                missingModules(List.of("providers", "server", "test-support", "mailbox"), dockerfile));
    }

    static List<String> missingModules(List<String> modules, String dockerfile) {
        List<String> copied = copiedSources(dockerfile);
        List<String> missing = new ArrayList<>();
        for (String module : modules) {
            if (!copied.contains(module) && !copied.contains(module + "/pom.xml")) {
                missing.add(module);
            }
        }
        return missing;
    }

    static List<String> defaultModules(Path pom) throws Exception {
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        Element project = document.getDocumentElement();
        List<String> modules = new ArrayList<>();
        for (Node child = project.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && element.getTagName().equals("modules")) {
                NodeList list = element.getElementsByTagName("module");
                for (int i = 0; i < list.getLength(); i++) {
                    modules.add(list.item(i).getTextContent().trim());
                }
            }
        }
        return modules;
    }

    static List<String> copiedSources(String dockerfile) {
        List<String> sources = new ArrayList<>();
        Matcher matcher = COPY.matcher(dockerfile);
        while (matcher.find()) {
            String source = matcher.group(1);
            sources.add(source.endsWith("/") ? source.substring(0, source.length() - 1) : source);
        }
        return sources;
    }
}
