package com.maintenanceaccess.it.platform;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.maintenanceaccess.it.support.Realm;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Admin and login events of the realm reach the bundle's audit log as JSON lines. */
class AuditLogIT {

    @Test
    void anAdminWriteIsMirroredToTheAuditLog() throws Exception {
        Realm realm = Realm.maintenance();
        String userId = realm.createUser("audited", Map.of());

        String line = awaitLogLine(realm, userId);
        assertTrue(line.contains("\"kind\":\"admin\""), line);
        assertTrue(line.contains("\"operation\":\"CREATE\""), line);
        assertTrue(line.contains("\"resourcePath\":\"users/" + userId + "\""), line);
        assertTrue(line.contains("\"representation\""), "admin events carry the representation: " + line);
    }

    private static String awaitLogLine(Realm realm, String needle) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            List<String> lines = Files.readAllLines(realm.server().log());
            for (String line : lines) {
                if (line.contains("com.maintenanceaccess.audit") && line.contains(needle)) {
                    return line;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no audit line mentions " + needle);
    }
}
