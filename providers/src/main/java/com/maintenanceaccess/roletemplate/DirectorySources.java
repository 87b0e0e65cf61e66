package com.maintenanceaccess.roletemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The repository layout as sources: {@code <dir>/access-catalog.yaml} and
 * {@code <dir>/role-templates/*.yaml} (sorted by name), so that an image can copy
 * realm-config/ as it is and import it at start.
 */
public final class DirectorySources {

    public static final String CATALOG_FILE = "access-catalog.yaml";
    public static final String TEMPLATES_DIR = "role-templates";

    private DirectorySources() {
    }

    public static List<InputParser.Source> read(Path dir) {
        List<InputParser.Source> sources = new ArrayList<>();
        try {
            Path catalog = dir.resolve(CATALOG_FILE);
            if (Files.isRegularFile(catalog)) {
                sources.add(new InputParser.Source(CATALOG_FILE, Files.readString(catalog, StandardCharsets.UTF_8), false));
            }
            Path templates = dir.resolve(TEMPLATES_DIR);
            if (Files.isDirectory(templates)) {
                try (Stream<Path> files = Files.list(templates)) {
                    for (Path file : files.filter(f -> f.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList()) {
                        sources.add(new InputParser.Source(TEMPLATES_DIR + "/" + file.getFileName(),
                                Files.readString(file, StandardCharsets.UTF_8), false));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read role templates from " + dir, e);
        }
        return sources;
    }
}
