package com.maintenanceaccess.it.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What {@code docker build} needs from the repository, checked in every build since this
 * machine has no Docker engine: Maven in the image's build stage reads every module the parent
 * pom lists (not those of profiles), so the Dockerfile must copy each one's pom or whole folder,
 * else Maven stops with "Child module … does not exist".
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
