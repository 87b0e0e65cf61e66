package com.maintenanceaccess.it.signoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.app.AppServer;
import com.maintenanceaccess.it.authorization.Authz;
import com.maintenanceaccess.it.support.Browser;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Realm;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The reference maintenance app (app/) in Chromium against the test server: sign-in with PKCE,
 * navigation per role, a release signed with re-authentication, an RII refused for the
 * performer and accepted for another inspector, and a refusal that the trail keeps.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppBrowserIT {

    private final Realm realm = Realm.maintenance();
    private final Authz authz = new Authz(realm);
    private final int port = Integer.getInteger("mx.it.app-port", 3600);
    private AppServer app;
    private ChromeDriver browser;
    private String officerToken;
    private String account;

    @BeforeAll
    void startApp() throws Exception {
        officerToken = realm.userToken(authz.officer());
        account = realm.createAccount("app-mro", true, Map.of("mx.features", List.of("workshop", "stores", "planning")));
        app = new AppServer(port, realm.server().baseUrl(), Realm.NAME);
        app.start();
    }

    @AfterAll
    void stopApp() {
        app.stop();
    }

    @BeforeEach
    void open() {
        browser = Browser.open();
    }

    @AfterEach
    void close() {
        browser.quit();
    }

    private String member(String prefix, String template) {
        String id = realm.createUser(prefix, Map.of("firstName", "App", "lastName", prefix));
        realm.addMember(account, id);
        authz.grantRealmRoles(id, template);
        return id;
    }

    private void signInToApp(String userId) {
        browser.get("http://localhost:" + port + "/");
        Browser.await(browser, By.id("login")).click();
        Browser.signIn(browser, realm.username(userId), Realm.TEST_PASSWORD);
        Browser.await(browser, By.cssSelector("#pages li"));
    }

    private List<String> allowedPages() {
        return browser.findElements(By.cssSelector("#pages li.allowed")).stream().map(e -> e.getAttribute("data-page")).toList();
    }

    /** Fills the signing form, signs, re-enters the password on the signoff page, returns the result. */
    private WebElement sign(String userId, String type, String workOrder, String inspects) {
        new Select(browser.findElement(By.id("sign-type"))).selectByValue(type);
        WebElement order = browser.findElement(By.id("sign-workorder"));
        order.clear();
        order.sendKeys(workOrder);
        if (inspects != null) {
            browser.findElement(By.id("sign-inspects")).sendKeys(inspects);
        }
        browser.findElement(By.id("sign")).click();
        WebElement statement;
        try {
            statement = Browser.await(browser, By.id("mx-signing"));
        } catch (org.openqa.selenium.TimeoutException e) {
            Browser.screenshot(browser, "signoff-" + workOrder);
            throw new AssertionError("no statement on the signoff page " + browser.getCurrentUrl() + ": "
                    + browser.getPageSource(), e);
        }
        assertTrue(statement.getText().contains("work order " + workOrder), statement.getText());
        Browser.await(browser, By.id("password")).sendKeys(Realm.TEST_PASSWORD);
        browser.findElement(By.id("kc-login")).click();
        new WebDriverWait(browser, java.time.Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#record dt")));
        return browser.findElement(By.id("result"));
    }

    @Test
    void aStoresUserSeesNoWorkshopPageAndIsToldWhy() {
        signInToApp(member("app-stores", "stores"));
        List<String> allowed = allowedPages();
        assertTrue(allowed.stream().anyMatch(p -> p.startsWith("stores.")), allowed::toString);
        assertTrue(allowed.stream().noneMatch(p -> p.startsWith("workshop.")), allowed::toString);
        WebElement denied = browser.findElement(By.cssSelector("#pages li.denied[data-page='workshop.tasks']"));
        assertTrue(denied.getText().contains("tasks:view"), denied.getText());
    }

    @Test
    void aReleaseIsSignedWithReauthentication() {
        String tech = member("app-tech", "certifying-staff");
        authz.grant(officerToken, tech, Authz.crs("CRS-APP-TECH"));
        signInToApp(tech);
        assertTrue(allowedPages().contains("workshop.tasks"), allowedPages()::toString);
        WebElement result = sign(tech, "release", "WO-APP-1", null);
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
        signInToApp(performer);
        WebElement task = sign(performer, "task", "WO-APP-RII", null);
        assertEquals("accepted", task.getAttribute("class"), task.getText());
        String signatureId = browser.findElement(By.cssSelector("#record dd")).getText();

        WebElement own = sign(performer, "inspection", "WO-APP-RII", signatureId);
        assertEquals("refused", own.getAttribute("class"), own.getText());
        assertTrue(own.getText().contains("signer_performed_work"), own.getText());

        browser.quit();
        browser = Browser.open();
        String inspector = member("app-inspector", "technician");
        Map<String, Object> other = Authz.inspection("RII-APP-INSP");
        other.put("scope", Map.of("aircraft", List.of("A320-family"), "tasks", List.of("line")));
        authz.grant(officerToken, inspector, other);
        signInToApp(inspector);
        WebElement independent = sign(inspector, "inspection", "WO-APP-RII", signatureId);
        assertEquals("accepted", independent.getAttribute("class"), independent.getText());
        assertTrue(independent.getText().contains("RII-APP-INSP"), independent.getText());
    }

    @Test
    void aRefusedSignoffIsRecorded() {
        String stores = member("app-refused", "stores");
        signInToApp(stores);
        WebElement refused = sign(stores, "release", "WO-APP-NO", null);
        assertEquals("refused", refused.getAttribute("class"), refused.getText());
        assertTrue(refused.getText().contains("missing"), refused.getText());
        JsonNode recorded = Http.get(realm.url("/mx/signoffs?outcome=refused&person=" + stores), officerToken).json();
        assertEquals(1, recorded.get("signoffs").size(), recorded::toString);
        assertFalse(recorded.get("signoffs").get(0).get("record").get("reasons").isEmpty());
    }
}
