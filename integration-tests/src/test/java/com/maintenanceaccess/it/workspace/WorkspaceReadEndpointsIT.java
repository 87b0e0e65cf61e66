package com.maintenanceaccess.it.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.authorization.Authz;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Realm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The read endpoints the workspace pages need: the server's personnel-authorization catalog
 * ({@code GET /mx/authorizations/catalog}) and a person's own records as text with their
 * invitation state ({@code GET /mx/me/authorizations}).
 */
class WorkspaceReadEndpointsIT {

    private final Realm realm = Realm.maintenance();
    private final Authz authz = new Authz(realm);

    @Test
    void theCatalogIsTheServersForAnyAccountRoleAndRefusedWithoutOne() {
        String account = realm.createAccount("ws-catalog", true, Map.of());
        String auditor = realm.accountPerson(account, "ws-catalog-auditor", "auditor");
        Http.Response answer = Http.get(realm.url("/mx/authorizations/catalog"), realm.userToken(auditor));
        assertEquals(200, answer.status(), answer::toString);
        JsonNode catalog = answer.json();
        List<String> types = new ArrayList<>();
        catalog.get("types").forEach(type -> types.add(type.get("id").asText()));
        assertTrue(types.containsAll(List.of("certifying-staff", "inspection")), types::toString);
        JsonNode crs = catalog.get("types").get(types.indexOf("certifying-staff"));
        assertEquals("Certifying staff (CRS)", crs.get("name").asText());
        assertTrue(crs.get("requiresLicence").asBoolean());
        assertTrue(crs.get("licenceCategories").toString().contains("B1.1"), crs::toString);
        assertTrue(catalog.get("aircraftGroups").has("A320-family"), catalog::toString);
        assertTrue(catalog.get("taskCategories").toString().contains("line"), catalog::toString);

        String nobody = realm.createUser("ws-catalog-nobody", Map.of());
        Http.Response refused = Http.get(realm.url("/mx/authorizations/catalog"), realm.userToken(nobody));
        assertEquals(403, refused.status(), refused::toString);
        assertTrue(refused.json().get("error_description").asText().contains("account role"), refused::toString);
        assertEquals(401, Http.get(realm.url("/mx/authorizations/catalog"), null).status());
    }

    @Test
    void aPersonReadsTheirOwnRecordsAsTextAndOnlyTheirOwn() {
        String account = realm.createAccount("ws-mine", true, Map.of());
        String officer = realm.accountPerson(account, "ws-mine-officer", "compliance-officer");
        String worker = realm.accountPerson(account, "ws-mine-worker");
        String reference = "UK.145.MINE-" + worker.substring(0, 6).toUpperCase();
        authz.grant(realm.userToken(officer), worker, Authz.crs(reference));

        Http.Response answer = Http.get(realm.url("/mx/me/authorizations"), realm.userToken(worker));
        assertEquals(200, answer.status(), answer::toString);
        JsonNode mine = answer.json();
        assertEquals(worker, mine.get("userId").asText());
        assertTrue(mine.get("invitation").has("status"), mine::toString);
        assertEquals(1, mine.get("authorizations").size(), mine::toString);
        JsonNode record = mine.get("authorizations").get(0);
        assertEquals(reference, record.get("reference").asText());
        assertEquals("valid", record.get("state").asText());
        assertEquals("Certifying staff (CRS)", record.get("typeName").asText());
        String summary = record.get("summary").asText();
        assertTrue(summary.startsWith("Certifying staff (CRS) " + reference + ", licence B1.1 (UK CAA UK.66.123456): "
                + "aircraft A320-family; tasks line, base, ATA-32; bases LHR; limitations: no engine ground runs; valid until "),
                summary);
        assertTrue(summary.endsWith("; usable at signoff."), summary);

        Http.Response officers = Http.get(realm.url("/mx/me/authorizations"), realm.userToken(officer));
        assertEquals(200, officers.status(), officers::toString);
        assertEquals(0, officers.json().get("authorizations").size(), "only the caller's own records: " + officers);
        assertEquals(401, Http.get(realm.url("/mx/me/authorizations"), null).status());
    }
}
