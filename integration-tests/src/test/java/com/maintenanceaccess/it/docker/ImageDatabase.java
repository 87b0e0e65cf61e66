package com.maintenanceaccess.it.docker;

import com.maintenanceaccess.it.reliability.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A PostgreSQL database for the image's containers, recreated empty for every run: on the
 * server at {@code mx.it.cluster.postgres} (trust authentication for {@code postgres}, as the
 * cluster tests use it) when it answers, else on the build's own ({@link EmbeddedPostgres}) at
 * that port. The containers reach it over loopback, since they share the host's network.
 */
final class ImageDatabase {

    static final String USER = "postgres";

    private final String hostPort;
    private final String name;

    private ImageDatabase(String hostPort, String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("a plain database name, not " + name);
        }
        this.hostPort = hostPort;
        this.name = name;
    }

    /** {@code <mx.it.docker.db>_<suffix>} (mximage_image), dropped and created empty. */
    static ImageDatabase recreate(String suffix) {
        ImageDatabase database = new ImageDatabase(server(), System.getProperty("mx.it.docker.db", "mximage") + "_" + suffix);
        database.execute("DROP DATABASE IF EXISTS " + database.name + " WITH (FORCE)");
        database.execute("CREATE DATABASE " + database.name);
        return database;
    }

    private static synchronized String server() {
        String configured = System.getProperty("mx.it.cluster.postgres", "127.0.0.1:5432");
        int colon = configured.lastIndexOf(':');
        String host = configured.substring(0, colon);
        int port = Integer.parseInt(configured.substring(colon + 1));
        if (EmbeddedPostgres.answers(host, port)) {
            return configured;
        }
        System.out.println("[docker] no PostgreSQL answers at " + configured + ": starting the build's own there");
        return EmbeddedPostgres.start(Path.of(System.getProperty("mx.it.output", "target"), "embedded-postgres"), port).hostPort();
    }

    String jdbcUrl() {
        return "jdbc:postgresql://" + hostPort + "/" + name;
    }

    /** One column of a query on this database. */
    List<String> query(String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), USER, "");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (result.next()) {
                values.add(result.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    boolean hasTable(String table) {
        return query("SELECT to_regclass('public." + table.replace("'", "") + "') IS NOT NULL").equals(List.of("t"));
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + hostPort + "/postgres", USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
