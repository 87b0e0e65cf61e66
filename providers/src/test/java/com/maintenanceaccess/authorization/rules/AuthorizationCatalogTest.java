package com.maintenanceaccess.authorization.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.maintenanceaccess.authorization.model.Fixtures;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthorizationCatalogTest {

    private final AuthorizationCatalog catalog = Fixtures.CATALOG;

    @Test
    void bundledCatalogHasTheTypeIdsOtherFeaturesReferTo() {
        assertEquals(Set.of("certifying-staff", "support-staff", "inspection", "functional-test", "category-a"),
                catalog.typeIds());
        assertEquals(Set.of("A", "B1.1", "B1.2", "B1.3", "B1.4", "B2", "B2L", "B3", "C"), catalog.licenceCategories());
    }

    @Test
    void groupsCoverTheirTypesAndTypesCoverOnlyThemselves() {
        assertTrue(catalog.covers("A320-family", "A321"));
        assertTrue(catalog.covers("A320", "A320"));
        assertFalse(catalog.covers("A320", "A321"));
        assertFalse(catalog.covers("A320-family", "B737"));
        assertTrue(catalog.isKnownAircraft("widebody"));
        assertFalse(catalog.isKnownAircraft("A380"));
    }

    @Test
    void tasksAreCatalogCategoriesOrAtaChapters() {
        assertTrue(catalog.isKnownTask("line"));
        assertTrue(catalog.isKnownTask("ATA-32"));
        assertFalse(catalog.isKnownTask("ATA-3"));
        assertFalse(catalog.isKnownTask("painting"));
    }

    @Test
    void typeRulesComeFromTheCatalog() {
        assertTrue(catalog.type("inspection").orElseThrow().independentOfPerformer());
        assertFalse(catalog.type("certifying-staff").orElseThrow().independentOfPerformer());
        assertTrue(catalog.type("certifying-staff").orElseThrow().requiresLicence());
        assertEquals(Set.of("A"), catalog.type("category-a").orElseThrow().licenceCategories());
    }

    @Test
    void aCatalogNamingAnUnknownCategoryIsRefused() {
        String yaml = "types:\n  x:\n    licenceCategories: [Z9]\nlicenceCategories: [A]\n";
        assertThrows(IllegalArgumentException.class,
                () -> AuthorizationCatalog.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))));
    }
}
