package com.maintenanceaccess.it.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.api.MxResourceProviderFactory;
import com.maintenanceaccess.audit.AuditLogListenerFactory;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Realm;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The admin console's server info lists every provider of the bundle with the bundle version. */
class ServerInfoIT {

    /** SPI id → provider id, for every factory the bundle registers. */
    static final Map<String, String> BUNDLE_PROVIDERS = Map.of(
            "realm-restapi-extension", MxResourceProviderFactory.PROVIDER_ID,
            "eventsListener", AuditLogListenerFactory.PROVIDER_ID);

    @Test
    void serverInfoListsEveryBundleProviderWithTheBundleVersion() {
        Realm realm = Realm.maintenance();
        Http.Response response = Http.get(realm.server().baseUrl() + "/admin/serverinfo", realm.adminToken());
        assertEquals(200, response.status(), response::toString);
        JsonNode providers = response.json().get("providers");

        BUNDLE_PROVIDERS.forEach((spi, id) -> {
            JsonNode provider = providers.path(spi).path("providers").path(id);
            assertNotNull(provider.get("operationalInfo"), spi + "/" + id + " missing from server info: " + provider);
            assertEquals(System.getProperty("mx.bundle.version"), provider.get("operationalInfo").get("version").asText(),
                    spi + "/" + id);
        });
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
        assertEquals("this operation needs the view-realm permission",
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
