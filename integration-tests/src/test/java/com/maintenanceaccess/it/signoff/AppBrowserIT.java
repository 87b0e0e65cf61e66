package com.maintenanceaccess.it.signoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.authorization.Authz;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Realm;
import com.maintenanceaccess.it.support.pages.AppPage;
import com.maintenanceaccess.it.workspace.pages.PageText;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.Order;

/**
 * The reference maintenance app (app/) in Chromium against the test server: sign-in with PKCE,
 * navigation per role, a release signed with re-authentication, an RII refused for the
 * performer and accepted for another inspector, and a refusal that the trail keeps; why a page is
 * closed and why a signoff is refused in words (the server's message keys), in English and German.
 */
// Runs the reference app on its one port (mx.it.app-port): one such class at a time, these three
// first (@Order; the walk is the longest class: started late, it ran alone at the end).
@ResourceLock("reference-app")
@Order(1)
class AppBrowserIT extends ReferenceAppFixture {

    AppBrowserIT() {
        super("app-mro", "App");
    }

    /** Fills the signing form, signs, re-enters the password on the signoff page, returns the result. */
    private static WebElement sign(AppPage app, String type, String workOrder, String inspects) {
        return app.sign(type, workOrder, inspects, Realm.TEST_PASSWORD);
    }

    @Test
    void aStoresUserSeesNoWorkshopPageAndIsToldWhy() {
        AppPage app = signIn(member("app-stores", "stores"));
        List<String> allowed = app.allowedPages();
        assertTrue(allowed.stream().anyMatch(p -> p.startsWith("stores.")), allowed::toString);
        assertTrue(allowed.stream().noneMatch(p -> p.startsWith("workshop.")), allowed::toString);
        WebElement denied = app.deniedPage("workshop.tasks");
        // In words: the check's title, what it found and the fix, no API path (issue 24).
        assertTrue(denied.getText().contains("Workshop tasks: not available"), denied.getText());
        assertTrue(denied.getText().contains("A role template includes the permission: none of the person's role templates includes tasks:view"),
                denied.getText());
        assertTrue(denied.getText().contains("Fix: Give the person a role template that includes tasks:view"), denied.getText());
        assertEquals("en", app.language());
        assertEquals(List.of(), PageText.findingsButPermissions(app.textWithoutStatus()), app.text());
    }

    /**
     * A person whose own language is German (their locale in Keycloak; the browser asks for English)
     * reads the app in German: the frame, the pages they may not open with why (the server's checks
     * in words), and a refused signoff with its reasons; no English sentence, id, raw key or API path.
     */
    @Test
    void aGermanSpeakerReadsTheAppAndTheServersReasonsInGerman() {
        String stores = member("app-de", "stores", Map.of("attributes", Map.of("locale", List.of("de"))));
        AppPage app = signIn(stores).german();
        assertEquals("de", app.language());
        WebElement denied = app.deniedPage("workshop.tasks");
        assertTrue(denied.getText().contains("Werkstattaufgaben: nicht verfügbar"), denied.getText());
        assertTrue(denied.getText().contains("Eine Rollenvorlage enthält die Berechtigung: keine Rollenvorlage der Person enthält tasks:view"),
                denied.getText());
        assertTrue(denied.getText().contains("Abhilfe: Geben Sie der Person eine Rollenvorlage, die tasks:view enthält"), denied.getText());
        assertTrue(app.allowedPages().contains("stores.inventory"), app.allowedPages()::toString);
        assertTrue(app.text().contains("Ihre Seiten") && app.text().contains("Bestand"), app.text());
        assertEquals(List.of(), PageText.findingsButPermissions(app.textWithoutStatus()), app.text());
        assertEquals(List.of(), PageText.english(app.text()), app.text());

        WebElement refused = sign(app, "release", "WO-APP-DE", null);
        assertEquals("refused", refused.getAttribute("class"), refused.getText());
        assertTrue(refused.getText().contains("Abgelehnt"), refused.getText());
        assertTrue(refused.getText().contains("Die Abzeichnung wurde abgelehnt, die Ablehnung ist aufgezeichnet."), refused.getText());
        assertTrue(refused.getText().contains("die Person hat keine Berechtigung dieser Art"), refused.getText());
        assertTrue(refused.getText().contains("Ablehnung aufgezeichnet"), refused.getText());
        assertFalse(refused.getText().contains("403"), refused.getText());
        assertEquals(List.of(), PageText.findingsButPermissions(app.textWithoutStatus()), app.text());
        assertEquals(List.of(), PageText.english(app.text()), app.text());
    }

    @Test
    void aReleaseIsSignedWithReauthentication() {
        String tech = member("app-tech", "certifying-staff");
        authz.grant(officerToken, tech, Authz.crs("CRS-APP-TECH"));
        AppPage app = signIn(tech);
        assertTrue(app.allowedPages().contains("workshop.tasks"), app.allowedPages()::toString);
        WebElement result = sign(app, "release", "WO-APP-1", null);
        assertEquals("accepted", result.getAttribute("class"), result.getText());
        assertTrue(result.getText().contains("CRS-APP-TECH"), result.getText());
        assertTrue(result.getText().contains("signoff"), result.getText());
    }

    @Test
    void anInspectionIsRefusedForThePerformerAndAcceptedForAnotherInspector() {
        String performer = member("app-performer", "certifying-staff");
        authz.grant(officerToken, performer, Authz.crs("CRS-APP-PERF"));
        Map<String, Object> inspection = Authz.inspection("RII-APP-PERF");
        inspection.put("scope", Map.of("aircraft", List.of("A320-family"), "tasks", List.of("line")));
        authz.grant(officerToken, performer, inspection);
        AppPage app = signIn(performer);
        WebElement task = sign(app, "task", "WO-APP-RII", null);
        assertEquals("accepted", task.getAttribute("class"), task.getText());
        String signatureId = app.recordId();

        WebElement own = sign(app, "inspection", "WO-APP-RII", signatureId);
        assertEquals("refused", own.getAttribute("class"), own.getText());
        assertTrue(own.getText().contains("the inspector performed or certified the work being inspected"), own.getText());
        assertFalse(own.getText().contains("signer_performed_work"), own.getText());

        browser.restart();
        String inspector = member("app-inspector", "technician");
        Map<String, Object> other = Authz.inspection("RII-APP-INSP");
        other.put("scope", Map.of("aircraft", List.of("A320-family"), "tasks", List.of("line")));
        authz.grant(officerToken, inspector, other);
        WebElement independent = sign(signIn(inspector), "inspection", "WO-APP-RII", signatureId);
        assertEquals("accepted", independent.getAttribute("class"), independent.getText());
        assertTrue(independent.getText().contains("RII-APP-INSP"), independent.getText());
    }

    @Test
    void aRefusedSignoffIsRecorded() {
        String stores = member("app-refused", "stores");
        WebElement refused = sign(signIn(stores), "release", "WO-APP-NO", null);
        assertEquals("refused", refused.getAttribute("class"), refused.getText());
        assertTrue(refused.getText().contains("Refused"), refused.getText());
        assertTrue(refused.getText().contains("the person holds no authorization of this type"), refused.getText());
        assertEquals(List.of(), PageText.findings(refused.getText()), refused.getText());
        JsonNode recorded = Http.get(realm.url("/mx/signoffs?outcome=refused&person=" + stores), officerToken).json();
        assertEquals(1, recorded.get("signoffs").size(), recorded::toString);
        assertFalse(recorded.get("signoffs").get(0).get("record").get("reasons").isEmpty());
    }
}
