package com.maintenanceaccess.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The shared test server's H2 file database (Keycloak's dev-file location), opened from the
 * test while the server is stopped ({@link KeycloakServer#whileSharedStopped}; H2 locks the
 * file while the server runs): for tests that change rows behind the server's back, e.g. to
 * prove the trail detects an entry edited in the database. The H2 driver is the server's own
 * jar from the distribution, so the file is read by the H2 version that wrote it.
 */
public final class ServerDatabase {

    static final String USER = "sa";
    static final String PASSWORD = "password";

    private ServerDatabase() {
    }

    static String jdbcUrl(Path home) {
        return "jdbc:h2:file:" + home.resolve("data/h2/keycloakdb").toAbsolutePath()
                + ";NON_KEYWORDS=VALUE";
    }

    /** A fresh database for every run, as dev-mem was. */
    static void deleteFiles(Path home) {
        Path dir = home.resolve("data/h2");
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A connection to the stopped shared server's database; close it before the server starts again. */
    public static Connection connect() {
        KeycloakServer server = KeycloakServer.shared();
        if (server.isRunning()) {
            throw new IllegalStateException("the server holds its database: use KeycloakServer.whileSharedStopped");
        }
        try (Stream<Path> jars = Files.list(server.home().resolve("lib/lib/main"))) {
            Path h2 = jars.filter(p -> p.getFileName().toString().startsWith("com.h2database.h2-")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no H2 driver in the distribution"));
            URLClassLoader loader = new URLClassLoader(new URL[] {h2.toUri().toURL()}, ServerDatabase.class.getClassLoader());
            Driver driver = (Driver) Class.forName("org.h2.Driver", true, loader).getDeclaredConstructor().newInstance();
            Properties credentials = new Properties();
            credentials.setProperty("user", USER);
            credentials.setProperty("password", PASSWORD);
            return driver.connect(jdbcUrl(server.home()), credentials);
        } catch (IOException | ReflectiveOperationException | SQLException e) {
            throw new IllegalStateException("cannot open the test server's database", e);
        }
    }

    /** Runs one INSERT, UPDATE or DELETE with its parameters ({@code ?} in order); returns the rows changed. */
    public static int update(Connection db, String statement, Object... parameters) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            return ps.executeUpdate();
        }
    }

}
