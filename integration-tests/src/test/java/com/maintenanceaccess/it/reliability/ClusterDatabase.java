package com.maintenanceaccess.it.reliability;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The database the cluster nodes share, seen from the test as its administrator: recreated
 * empty for every run, cut off on demand to simulate an outage, read and written behind the
 * nodes' backs (the trail tamper scenario). Which one is {@code -Dmx.it.cluster.database}:
 * {@code postgres} (the default, {@link PostgresClusterDatabase}) or {@code mariadb}
 * ({@link MariaDbClusterDatabase}); each failsafe execution of the cluster tests runs one
 * (integration-tests/pom.xml, docs/reliability.md).
 */
abstract class ClusterDatabase {

    static ClusterDatabase fromSystemProperties() {
        String name = System.getProperty("mx.it.cluster.db", "mxcluster");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("a plain database name, not " + name);
        }
        String kind = System.getProperty("mx.it.cluster.database", "postgres");
        return switch (kind) {
            case "postgres" -> PostgresClusterDatabase.fromSystemProperties(name);
            case "mariadb" -> MariaDbClusterDatabase.fromSystemProperties(name);
            default -> throw new IllegalArgumentException("mx.it.cluster.database is postgres or mariadb, not " + kind);
        };
    }

    /** Keycloak's name for it: {@code kc.sh build --db=<kind>}. */
    abstract String kind();

    /** What the nodes pass as {@code --db-url}, {@code --db-username}, {@code --db-password}. */
    abstract String jdbcUrl();

    abstract String user();

    abstract String password();

    /** Drops the database (and whoever is still connected to it) and creates it empty. */
    abstract void recreate();

    /**
     * The outage: refuses new connections to the database and ends every open one (each
     * node's pool, open transactions included). Returns how many connections were ended.
     */
    abstract int cut();

    /** The end of the outage: connections are accepted again. */
    abstract void restore();

    /** Whether a table exists (committed) in the cluster's database; the name in any case. */
    abstract boolean hasTable(String table);

    /** The members JDBC_PING has registered: their physical addresses ({@code 127.0.0.1:7810} …). */
    abstract List<String> pingAddresses();

    /** A connection to the cluster's database as its administrator (autocommit); close it. */
    abstract Connection connect() throws SQLException;

    /** Work on a connection to the cluster's database. */
    interface Work {
        void run(Connection db) throws SQLException;
    }

    /** Runs {@code work} on a fresh administrator connection to the cluster's database. */
    void run(Work work) {
        try (Connection db = connect()) {
            work.run(db);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One column of a query on the cluster's database, as text. */
    List<String> column(String sql) {
        List<String> values = new ArrayList<>();
        run(db -> {
            try (Statement statement = db.createStatement(); ResultSet result = statement.executeQuery(sql)) {
                while (result.next()) {
                    values.add(result.getString(1));
                }
            }
        });
        return values;
    }
}
