package com.maintenanceaccess.it.signoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.KeycloakServer;
import com.maintenanceaccess.it.support.Realm;
import com.maintenanceaccess.it.support.ServerDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The trail detects what someone with database access does behind the server's back, on the
 * shared server's H2 database ({@link TrailTampering}; ClusterIT runs the same scenario on
 * PostgreSQL and on MariaDB): an entry edited, deleted, two entries swapped, the last entry
 * removed, straight in the database files (the shared server stopped for it, H2 locks its
 * files); after the restart each realm's verify endpoint names the first bad entry and the
 * untouched copy is intact. The export carries the chain: the offline check (a separate java
 * process) accepts it as exported and names the entry changed in the file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// Alone, no other test class beside it: it stops the shared server and breaks the realm's trail.
@Isolated
class TrailTamperIT {

    private final Realm realm = Realm.maintenance();
    private final TrailTampering tampering = new TrailTampering(realm);

    @BeforeAll
    void setUp() {
        tampering.prepare(work -> KeycloakServer.whileSharedStopped(() -> {
            try (Connection db = ServerDatabase.connect()) {
                work.run(db);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    @Test
    void anUntouchedCopyIsIntact() {
        tampering.assertIntact();
    }

    @Test
    void anEditedEntryIsFound() {
        tampering.assertEditFound();
    }

    @Test
    void aDeletedEntryIsFound() {
        tampering.assertDeleteFound();
    }

    @Test
    void swappedEntriesAreFound() {
        tampering.assertSwapFound();
    }

    @Test
    void aRemovedLastEntryIsFound() {
        tampering.assertTruncateFound();
    }

    @Test
    void anExportIsVerifiedOfflineAndAnEditInTheFileIsFound() throws Exception {
        Http.Response export = Http.get(realm.url("/mx/trail/export"), tampering.readerToken());
        assertEquals(200, export.status(), export::toString);
        Path file = Files.createTempFile("trail-", ".json");
        Files.writeString(file, export.body());
        OfflineTrailCheck.Result intact = offlineCheck(file);
        assertEquals(0, intact.exit(), intact.output());
        assertTrue(intact.output().startsWith("intact: "), intact.output());

        ObjectNode root = (ObjectNode) Http.JSON.readTree(export.body());
        ObjectNode second = (ObjectNode) root.get("entries").get(1);
        second.put("body", second.get("body").asText() + " ");
        Files.writeString(file, Http.JSON.writeValueAsString(root));
        OfflineTrailCheck.Result broken = offlineCheck(file);
        assertEquals(1, broken.exit(), broken.output());
        assertTrue(broken.output().startsWith("BROKEN at entry 2: "), broken.output());
    }

    private OfflineTrailCheck.Result offlineCheck(Path file) throws IOException, InterruptedException {
        return OfflineTrailCheck.run(realm.server(), file);
    }
}
