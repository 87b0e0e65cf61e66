package com.maintenanceaccess.it.authorization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.maintenanceaccess.it.support.Http;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two compliance officers editing the same authorization cannot silently overwrite each other. */
class ConcurrentEditIT {

    private final Authz authz = new Authz();

    @Test
    void theSecondEditBasedOnAStaleVersionIsRefused() {
        String person = authz.person("edited");
        String first = authz.realm.userToken(authz.officer());
        String second = authz.realm.userToken(authz.officer());
        String id = authz.grant(first, person, Authz.crs("CRS-EDIT-1")).get("id").asText();
        String url = authz.url(person) + "/" + id;

        // Both officers open the record: same version.
        String version = Http.get(url, first).header("ETag");
        assertNotNull(version, "GET answers the record's version");
        assertEquals(version, Http.get(url, second).header("ETag"));

        Http.Response saved = Http.send("PUT", url, first, "application/json",
                Http.toJson(Authz.with(Authz.crs("CRS-EDIT-1"), "limitations", "no engine ground runs; no APU")),
                Map.of("If-Match", version));
        assertEquals(200, saved.status(), saved::toString);
        assertNotEquals(version, saved.header("ETag"), "a write answers the new version");

        Http.Response stale = Http.send("PUT", url, second, "application/json",
                Http.toJson(Authz.with(Authz.crs("CRS-EDIT-1"), "limitations", "none")), Map.of("If-Match", version));
        assertEquals(412, stale.status(), stale::toString);
        assertTrue(stale.json().get("error_description").asText().contains("was changed since you read it"));
        assertEquals("no engine ground runs; no APU", Http.get(url, second).json().get("limitations").asText(),
                "the first officer's change stands");

        Http.Response suspendStale = Http.send("POST", url + "/suspend", second, "application/json",
                "{\"reason\":\"audit\"}", Map.of("If-Match", version));
        assertEquals(412, suspendStale.status(), "status changes check the version too");
        Http.Response suspend = Http.send("POST", url + "/suspend", second, "application/json",
                "{\"reason\":\"audit\"}", Map.of("If-Match", saved.header("ETag")));
        assertEquals(200, suspend.status(), suspend::toString);
    }
}
