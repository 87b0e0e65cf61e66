package com.maintenanceaccess.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.maintenanceaccess.roletemplate.DirectorySources;
import com.maintenanceaccess.roletemplate.InputParser;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessCatalogTest {

    private final AccessCatalog catalog = InputParser.parse(DirectorySources.read(Path.of("../realm-config"))).catalog();

    @Test
    void theStoredJsonReadsBackAsTheSameCatalog() {
        String json = AccessCatalogStore.toJson(catalog);
        assertEquals(catalog, AccessCatalogStore.fromJson(json));
        assertEquals(json, AccessCatalogStore.toJson(AccessCatalogStore.fromJson(json)), "stable, so unchanged input writes nothing");
    }

    @Test
    void pagesCarryFeatureSetupModeAndAuthorizationType() {
        AccessCatalog.Page release = catalog.page("planning.workorders.release").orElseThrow();
        assertEquals("workorders:release", release.permission());
        assertEquals("certifying-staff", release.authorizationType());
        assertTrue(catalog.page("administration.setup-tools").orElseThrow().setupOnly());
        assertEquals(List.of("planning", "workshop", "stores", "purchasing", "compliance", "administration"),
                List.copyOf(catalog.features()));
        assertEquals("compliance", catalog.moduleOf("directives:view").orElseThrow().id());
        assertEquals(2, catalog.pagesNeeding("workpackages:release").size() + catalog.pagesNeeding("workorders:release").size());
    }
}
