package com.maintenanceaccess.it.reliability;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The cluster's MariaDB database ({@code --db=mariadb}), on the MariaDB server at
 * {@code mx.it.cluster.mariadb} (default 127.0.0.1:3306; the build machines run one as a
 * service, administrator {@code root} without a password) when it answers; when nothing listens
 * there and the address is on this machine, the build starts its own ({@link EmbeddedMariaDb}). The nodes connect as a user of their
 * own, named like the database, with rights on that database only: the outage locks that account
 * (new connections are refused) and kills its connections, while the test's administrator
 * connections keep working.
 */
final class MariaDbClusterDatabase extends ClusterDatabase {

    private static final String PASSWORD = "mx-cluster-test";

    private final String hostPort;
    private final String name;

    private MariaDbClusterDatabase(String hostPort, String name) {
        this.hostPort = hostPort;
        this.name = name;
    }

    static MariaDbClusterDatabase fromSystemProperties(String name) {
        String configured = System.getProperty("mx.it.cluster.mariadb", "127.0.0.1:3306");
        int colon = configured.lastIndexOf(':');
        String host = configured.substring(0, colon);
        int port = Integer.parseInt(configured.substring(colon + 1));
        if (EmbeddedPostgres.answers(host, port)) {
            System.out.println("[cluster] MariaDB at " + configured + " answers: using it");
        } else if (host.equals("127.0.0.1") || host.equals("localhost")) {
            Path dir = Path.of(System.getProperty("mx.it.output", "target"), "embedded-mariadb");
            System.out.println("[cluster] nothing answers at " + configured + ": starting the build's own MariaDB there (" + dir + ")");
            EmbeddedMariaDb.start(dir, port);
        } else {
            throw new IllegalStateException("no MariaDB answers at " + configured
                    + "; the build starts its own only on this machine (127.0.0.1:<port>)");
        }
        return new MariaDbClusterDatabase("127.0.0.1".equals(host) || "localhost".equals(host) ? "127.0.0.1:" + port : configured,
                name);
    }

    @Override
    String kind() {
        return "mariadb";
    }

    @Override
    String jdbcUrl() {
        return "jdbc:mariadb://" + hostPort + "/" + name;
    }

    @Override
    String user() {
        return name;
    }

    @Override
    String password() {
        return PASSWORD;
    }

    @Override
    void recreate() {
        execute("CREATE USER IF NOT EXISTS '" + name + "'@'%' IDENTIFIED BY '" + PASSWORD + "'");
        execute("ALTER USER '" + name + "'@'%' IDENTIFIED BY '" + PASSWORD + "' ACCOUNT UNLOCK");
        killConnections();
        execute("DROP DATABASE IF EXISTS " + name);
        execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        execute("GRANT ALL PRIVILEGES ON " + name + ".* TO '" + name + "'@'%'");
    }

    @Override
    int cut() {
        execute("ALTER USER '" + name + "'@'%' ACCOUNT LOCK");
        return killConnections();
    }

    @Override
    void restore() {
        execute("ALTER USER '" + name + "'@'%' ACCOUNT UNLOCK");
    }

    @Override
    boolean hasTable(String table) {
        return !column("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND UPPER(TABLE_NAME) = UPPER(?)",
                name, table).isEmpty();
    }

    @Override
    List<String> pingAddresses() {
        return column("SELECT ip FROM " + name + ".JGROUPS_PING ORDER BY ip");
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "root", "");
    }

    /** Kills every connection of the nodes' user; returns how many. */
    private int killConnections() {
        List<String> ids = column("SELECT ID FROM information_schema.PROCESSLIST WHERE USER = ?", name);
        for (String id : ids) {
            try {
                execute("KILL CONNECTION " + Long.parseLong(id));
            } catch (IllegalStateException e) {
                // Ended on its own meanwhile.
            }
        }
        return ids.size();
    }

    private List<String> column(String sql, Object... parameters) {
        try (Connection connection = admin(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (result.next()) {
                    values.add(result.getString(1));
                }
                return values;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private void execute(String sql) {
        try (Connection connection = admin(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private Connection admin() throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://" + hostPort + "/", "root", "");
    }
}
