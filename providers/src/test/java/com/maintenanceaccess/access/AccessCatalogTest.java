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

    /**
     * Issue 24: every name a person reads has its words in English and German in the catalog, so
     * the workspace never shows "signoffs:release", "planning" or a page's English on a German page.
     */
    @Test
    void everyModuleAreaActionAndPageHasItsWordsInEnglishAndGerman() {
        List<String> missing = new java.util.ArrayList<>();
        for (AccessCatalog.Module module : catalog.modules()) {
            if (!module.descriptions().containsKey("de")) {
                missing.add("module " + module.id());
            }
            for (AccessCatalog.Area area : module.areas()) {
                if (!area.descriptions().containsKey("de")) {
                    missing.add("area " + area.id());
                }
                for (String action : area.actions()) {
                    if (!catalog.actionDescriptions().getOrDefault(action, java.util.Map.of()).keySet()
                            .containsAll(List.of("en", "de"))) {
                        missing.add("action " + action);
                    }
                }
            }
        }
        catalog.pages().stream().filter(page -> !page.descriptions().containsKey("de")).forEach(page -> missing.add("page " + page.id()));
        assertEquals(List.of(), missing.stream().distinct().toList(), "without German (or English) words");
        for (String language : List.of("en", "de")) {
            catalog.pages().forEach(page -> assertTrue(!page.describe(language).isBlank(), page.id()));
        }
    }

    @Test
    void aPermissionAFeatureAndAPageReadInTheLanguageAsked() {
        assertEquals("Signoffs: release", catalog.permissionWords("signoffs:release", "en"));
        assertEquals("Abzeichnungen: freigeben", catalog.permissionWords("signoffs:release", "de"));
        assertEquals("Abzeichnungen: freigeben", catalog.permissionWords("signoffs:release", "de-AT"), "a regional tag reads its language");
        assertEquals("Signoffs: release", catalog.permissionWords("signoffs:release", "fr"), "English where a language has none");
        assertEquals("nowhere:view", catalog.permissionWords("nowhere:view", "de"), "an unknown area as named");
        assertEquals("Planung", catalog.featureWords("planning", "de"));
        assertEquals("Planning", catalog.featureWords("planning", "en"));
        assertEquals("Freigabebescheinigung (CRS)", catalog.page("workshop.signoffs.release").orElseThrow().describe("de"));
        assertEquals("Certificate of release to service", catalog.page("workshop.signoffs.release").orElseThrow().describe("en"));
    }

    /** A catalog stored before the words existed reads as one without words (its names stand for themselves). */
    @Test
    void aCatalogStoredWithoutWordsStillReads() {
        AccessCatalog old = AccessCatalogStore.fromJson("{\"client\":\"maintenance-app\",\"modules\":[{\"id\":\"planning\","
                + "\"feature\":\"planning\",\"description\":\"Planning\",\"areas\":[{\"id\":\"aircraft\",\"description\":"
                + "\"Aircraft\",\"actions\":[\"view\"]}]}],\"pages\":[{\"id\":\"planning.aircraft\",\"description\":"
                + "\"Aircraft list\",\"permission\":\"aircraft:view\",\"feature\":\"planning\",\"setupOnly\":false}]}");
        assertEquals("Aircraft: view", old.permissionWords("aircraft:view", "de"));
        assertEquals("Aircraft list", old.page("planning.aircraft").orElseThrow().describe("de"));
    }
}
