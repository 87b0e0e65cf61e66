package com.maintenanceaccess.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.persistence.Column;
import jakarta.persistence.Table;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The changelog and the entities describe the same tables (the server's start check reads each
 * table through its entity; this finds a drift in the build already), and release 0.1's change
 * sets adopt tables that are already there instead of failing on them.
 */
class BundleTablesChangelogTest {

    @Test
    void everyEntityColumnIsCreatedByTheChangelogAndNothingElse() throws Exception {
        Map<String, Set<String>> mapped = new TreeMap<>();
        for (Class<?> entity : BundleTablesProviderFactory.ENTITIES) {
            Set<String> columns = new TreeSet<>();
            for (Field field : entity.getDeclaredFields()) {
                Column column = field.getAnnotation(Column.class);
                if (column != null) {
                    columns.add(column.name());
                }
            }
            mapped.put(entity.getAnnotation(Table.class).name(), columns);
        }
        Map<String, Set<String>> created = new TreeMap<>();
        NodeList tables = changelog().getElementsByTagName("createTable");
        for (int i = 0; i < tables.getLength(); i++) {
            Element table = (Element) tables.item(i);
            Set<String> columns = new TreeSet<>();
            NodeList children = table.getElementsByTagName("column");
            for (int c = 0; c < children.getLength(); c++) {
                columns.add(((Element) children.item(c)).getAttribute("name"));
            }
            created.put(table.getAttribute("tableName"), columns);
        }
        assertEquals(mapped, created);
    }

    @Test
    void release01sChangeSetsAreMarkedAsRanWhereTheirObjectExists() throws Exception {
        NodeList changeSets = changelog().getElementsByTagName("changeSet");
        List<String> notAdopting = new ArrayList<>();
        int release01 = 0;
        for (int i = 0; i < changeSets.getLength(); i++) {
            Element changeSet = (Element) changeSets.item(i);
            if (!changeSet.getAttribute("id").startsWith("mx-0.1-")) {
                continue; // a later change set (e.g. t23-bind's) creates a table release 0.1 never had
            }
            release01++;
            NodeList preconditions = changeSet.getElementsByTagName("preConditions");
            boolean adopts = preconditions.getLength() == 1
                    && "MARK_RAN".equals(((Element) preconditions.item(0)).getAttribute("onFail"))
                    && ((Element) preconditions.item(0)).getElementsByTagName("not").getLength() == 1;
            if (!adopts) {
                notAdopting.add(changeSet.getAttribute("id"));
            }
        }
        assertEquals(List.of(), notAdopting);
        // Later change sets (e.g. t25-notices' MX_NOTICE) are not release 0.1's.
        assertEquals(5, release01, "three tables and two indexes, as release 0.1 created them");
    }

    private static Document changelog() throws Exception {
        try (InputStream in = BundleTablesProviderFactory.class.getClassLoader()
                .getResourceAsStream(BundleTablesProviderFactory.CHANGELOG)) {
            assertNotNull(in, BundleTablesProviderFactory.CHANGELOG);
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            return factory.newDocumentBuilder().parse(in);
        }
    }
}
