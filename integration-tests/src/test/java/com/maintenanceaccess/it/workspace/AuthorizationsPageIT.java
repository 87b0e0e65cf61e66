package com.maintenanceaccess.it.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.authorization.Authz;
import com.maintenanceaccess.it.support.BrowserExtension;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Realm;
import com.maintenanceaccess.it.workspace.pages.AuthorizationsPage;
import com.maintenanceaccess.it.workspace.pages.CompliancePage;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Workspace → Personnel authorizations and Compliance, in the real account console. */
class AuthorizationsPageIT {

    @RegisterExtension
    final BrowserExtension browser = new BrowserExtension();


    private final Realm realm = Realm.maintenance();
    private final Authz authz = new Authz(realm);
    private String officer;

    @BeforeEach
    void setUp() {
        officer = Operators.operator(realm);
    }

    static AuthorizationsPage.Entry crs(String reference, String category, LocalDate expiry) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return new AuthorizationsPage.Entry("certifying-staff", reference, "UK CAA", "UK.66.123456", category,
                today.plusYears(3).toString(), List.of("A320-family"), List.of("line", "base"), "LHR",
                today.minusDays(1).toString(), expiry.toString(), today.minusMonths(1).toString(),
                today.minusMonths(20).toString(), today.minusDays(10).toString());
    }

    @Test
    void eachValidationMessageStandsOnItsField() {
        String person = authz.person("ws-crs-bad");
        AuthorizationsPage page = new AuthorizationsPage(browser.driver(), realm).open(person, officer,
                Realm.TEST_PASSWORD);
        page.fill(new AuthorizationsPage.Entry("certifying-staff", "x", "", "", "", "", List.of(), List.of(), "",
                "", "", "", "", ""));
        page.grant();
        // The form asks first for what the type needs at signoff (recency), naming the type.
        assertTrue(page.problem("continuationTraining").contains("Certifying staff"), page.problem("continuationTraining"));
        assertFalse(page.problem("experience").isBlank());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        page.fill(new AuthorizationsPage.Entry("certifying-staff", "x", "", "", "", "", List.of(), List.of(), "",
                "", "", today.minusMonths(1).toString(), today.minusMonths(20).toString(), today.minusDays(10).toString()));
        page.grant();
        assertFalse(page.problem("reference").isBlank());
        assertFalse(page.problem("licence.authority").isBlank());
        assertFalse(page.problem("licence.category").isBlank());
        assertFalse(page.problem("scope.aircraft").isBlank());
        assertFalse(page.problem("scope.tasks").isBlank());
        assertEquals(0, Http.get(realm.url("/mx/users/" + person + "/authorizations"), realm.userToken(officerId())).json().size(),
                "nothing was granted");
        page.screenshotForDocs("authorizations-problems");
    }

    @Test
    void anAuthorizationEnteredInTheFormIsInTheNextTokenAndSuspensionTakesItOut() {
        String person = authz.person("ws-crs");
        String reference = "UK.145.WS-" + person.substring(0, 6).toUpperCase();
        AuthorizationsPage page = new AuthorizationsPage(browser.driver(), realm).open(person, officer, Realm.TEST_PASSWORD);
        page.fill(crs(reference, "B1.1", LocalDate.now(ZoneOffset.UTC).plusDays(10)));
        page.grant();
        assertTrue(page.done().contains(reference), page.done());
        page.awaitState(reference, "Valid");
        assertEquals("", page.unusable(reference), "recency and training are current: usable at signoff");

        JsonNode claim = authz.mxAuth(person);
        assertEquals(1, claim.size(), claim::toString);
        assertTrue(claim.toString().contains(reference), claim::toString);
        page.screenshotForDocs("authorizations");

        page.change(reference, "suspend", "audit finding QA-12");
        page.awaitState(reference, "Suspended");
        assertEquals(0, authz.mxAuth(person).size(), "a suspended authorization is not in the token");

        // It ends within 30 days, so Compliance lists it among those ending soon.
        CompliancePage compliance = new CompliancePage(browser.driver(), realm);
        compliance.go(CompliancePage.PATH);
        compliance.withinDays(30).awaitExpiring(reference);
        compliance.screenshotForDocs("compliance");
    }

    private String officerId() {
        return realm.adminGet("/users?exact=true&username=" + officer).get(0).get("id").asText();
    }
}
