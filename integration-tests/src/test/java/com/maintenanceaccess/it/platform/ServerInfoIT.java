package com.maintenanceaccess.it.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.root.MxResourceProviderFactory;
import com.maintenanceaccess.audit.AuditLogListenerFactory;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Realm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The admin console's server info lists every provider of the bundle with the bundle version. */
class ServerInfoIT {

    @Test
    void serverInfoListsEveryBundleProviderWithTheBundleVersion() throws Exception {
        Realm realm = Realm.maintenance();
        Http.Response response = Http.get(realm.server().baseUrl() + "/admin/serverinfo", realm.adminToken());
        assertEquals(200, response.status(), response::toString);

        // Every provider in server info that says it is ours, by SPI, with its version.
        List<String> reported = new ArrayList<>();
        response.json().get("providers").fields().forEachRemaining(spi -> spi.getValue().path("providers").fields()
                .forEachRemaining(provider -> {
                    JsonNode info = provider.getValue().path("operationalInfo");
                    if ("maintenance-access".equals(info.path("bundle").asText())) {
                        assertEquals(System.getProperty("mx.bundle.version"), info.path("version").asText(),
                                spi.getKey() + "/" + provider.getKey());
                        reported.add(spi.getKey() + "/" + provider.getKey());
                    }
                }));

        assertTrue(reported.contains("realm-restapi-extension/" + MxResourceProviderFactory.PROVIDER_ID), reported::toString);
        assertTrue(reported.contains("eventsListener/" + AuditLogListenerFactory.PROVIDER_ID), reported::toString);
        assertEquals(bundleFactories().size(), reported.size(),
                "each factory the jar registers is listed: " + bundleFactories() + " vs " + reported);
    }

    /** The factory classes the providers jar registers in META-INF/services (SPI definitions aside). */
    private static List<String> bundleFactories() throws Exception {
        Path jar = Path.of(System.getProperty("keycloak.home"), "providers", "maintenance-access-providers.jar");
        List<String> factories = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : java.util.Collections.list(file.entries())) {
                if (entry.getName().startsWith("META-INF/services/") && !entry.isDirectory()
                        && !entry.getName().endsWith("org.keycloak.provider.Spi")) {
                    new String(file.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8).lines()
                            .map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                            .forEach(factories::add);
                }
            }
        }
        return factories;
    }

    @Test
    void serverRunsThePinnedKeycloakVersion() {
        Realm realm = Realm.maintenance();
        JsonNode info = Http.get(realm.server().baseUrl() + "/admin/serverinfo", realm.adminToken()).json();
        assertEquals(System.getProperty("keycloak.version"), info.get("systemInfo").get("version").asText());
    }

    @Test
    void bundleApiAnswersOnlyRealmAdministrators() {
        Realm realm = Realm.maintenance();
        assertEquals(401, Http.get(realm.url("/mx"), null).status());

        String plainUser = realm.createUser("nobody", Map.of());
        Http.Response forbidden = Http.get(realm.url("/mx"), realm.userToken(plainUser));
        assertEquals(403, forbidden.status(), forbidden::toString);
        assertEquals("this operation is for realm operators with view-realm. Nothing was changed.",
                forbidden.json().get("error_description").asText());

        String operator = realm.createUser("operator", Map.of());
        realm.grantRealmManagement(operator, "view-realm");
        Http.Response ok = Http.get(realm.url("/mx"), realm.userToken(operator));
        assertEquals(200, ok.status(), ok::toString);
        assertEquals(System.getProperty("mx.bundle.version"), ok.json().get("version").asText());
    }

    @Test
    void aTokenOfAnotherRealmIsRejected() {
        Realm realm = Realm.maintenance();
        // The master administrator's token is valid, but not for this realm's bundle API.
        assertEquals(401, Http.get(realm.url("/mx"), realm.adminToken()).status());
    }
}
