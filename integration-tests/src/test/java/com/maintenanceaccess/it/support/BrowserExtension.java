package com.maintenanceaccess.it.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A fresh headless Chromium for every test ({@link Browser#open()}: Debian's Chromium and
 * chromedriver, off the network, an empty profile of its own), a screenshot when the test
 * fails ({@code target/screenshots/<class>-<test>-failed.png}), and the browser closed after.
 *
 * <pre>
 * &#64;RegisterExtension
 * final BrowserExtension browser = new BrowserExtension();
 * ... browser.driver() ...
 * </pre>
 */
public final class BrowserExtension implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

    private ChromeDriver driver;

    /** This test's browser. */
    public ChromeDriver driver() {
        if (driver == null) {
            throw new IllegalStateException("the browser is opened before each test");
        }
        return driver;
    }

    /** Closes this test's browser and opens a new one: another person, nothing shared (no cookies, no profile). */
    public ChromeDriver restart() {
        quit();
        driver = Browser.open();
        return driver;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        driver = Browser.open();
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent() && driver != null) {
            try {
                Browser.screenshot(driver, context.getRequiredTestClass().getSimpleName() + "-"
                        + context.getRequiredTestMethod().getName() + "-failed");
            } catch (RuntimeException e) {
                // A browser that died takes no screenshot; the test's own failure is what counts.
                context.getExecutionException().get().addSuppressed(e);
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        quit();
    }

    private void quit() {
        if (driver != null) {
            Browser.close(driver);
            driver = null;
        }
    }
}
