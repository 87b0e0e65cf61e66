package com.maintenanceaccess.root;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProviderIdMigrationTest {

    private static Set<String> ordered(String... ids) {
        return new LinkedHashSet<>(List.of(ids));
    }

    @Test
    void theOldListenerIdBecomesTheNewOneInItsPlace() {
        assertEquals(List.of("jboss-logging", "mx-authorization-index", "mx-audit-log"),
                List.copyOf(ProviderIdMigration.renamedListeners(
                        ordered("jboss-logging", "mx-personnel-authorizations", "mx-audit-log"))));
    }

    @Test
    void bothIdsGiveTheNewOneOnce() {
        assertEquals(List.of("mx-authorization-index", "jboss-logging"), List.copyOf(ProviderIdMigration.renamedListeners(
                ordered("mx-personnel-authorizations", "jboss-logging", "mx-authorization-index"))));
    }

    @Test
    void aMigratedListIsLeftAsItIs() {
        Set<String> migrated = ordered("jboss-logging", "mx-authorization-index");
        assertEquals(migrated, ProviderIdMigration.renamedListeners(migrated));
    }

    @Test
    void theNewIdsCarryThePrefix() {
        assertEquals("mx-accept-invitation", ProviderIdMigration.REQUIRED_ACTION);
        assertEquals("mx-authorization-index", ProviderIdMigration.LISTENERS.get("mx-personnel-authorizations"));
    }
}
