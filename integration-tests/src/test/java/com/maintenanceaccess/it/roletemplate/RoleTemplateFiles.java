package com.maintenanceaccess.it.roletemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The real realm-config files, as a pipeline sends them: concatenated into one YAML stream. */
public final class RoleTemplateFiles {

    private RoleTemplateFiles() {
    }

    public static Path dir() {
        return Path.of(System.getProperty("mx.realm-config"));
    }

    /** {@code cat access-catalog.yaml role-templates/*.yaml}, optionally leaving some templates out. */
    public static String stream(String... leaveOut) {
        StringBuilder body = new StringBuilder(read(dir().resolve("access-catalog.yaml")));
        for (Path file : templates()) {
            String name = file.getFileName().toString().replace(".yaml", "");
            if (!List.of(leaveOut).contains(name)) {
                body.append(read(file));
            }
        }
        return body.toString();
    }

    static List<Path> templates() {
        try (Stream<Path> files = Files.list(dir().resolve("role-templates"))) {
            return new ArrayList<>(files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
