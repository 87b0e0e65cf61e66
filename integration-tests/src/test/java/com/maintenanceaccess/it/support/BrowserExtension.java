package com.maintenanceaccess.it.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The browsers of a test: each a fresh headless Chromium ({@link Browser#open()}: Debian's
 * Chromium and chromedriver, off the network, an empty profile of its own), opened when the
 * test first asks for it, a screenshot of each when the test fails
 * ({@code target/screenshots/<class>-<test>-failed.png}, {@code …-<test>-<name>-failed.png} for
 * a named one), and all closed after the test.
 *
 * <p>Most tests need one browser, {@link #driver()}. A test in which several people act at
 * once (an administrator and a person, an officer and an auditor) asks for each by name,
 * {@link #driver(String)}: separate browsers, no cookie or session shared.
 *
 * <pre>
 * &#64;RegisterExtension
 * final BrowserExtension browsers = new BrowserExtension();
 * ... browsers.driver() ...  browsers.driver("auditor") ...
 * </pre>
 */
public final class BrowserExtension implements AfterTestExecutionCallback, AfterEachCallback {

    /** The name of the browser {@link #driver()} returns. */
    private static final String DEFAULT = "";

    private final Map<String, ChromeDriver> open = new LinkedHashMap<>();

    /** This test's browser, opened on the first call. */
    public ChromeDriver driver() {
        return driver(DEFAULT);
    }

    /** This test's browser of that name (e.g. "officer"), opened on the first call with the name. */
    public ChromeDriver driver(String name) {
        return open.computeIfAbsent(name, n -> Browser.open());
    }

    /** Closes this test's browser and opens a new one: another person, nothing shared (no cookies, no profile). */
    public ChromeDriver restart() {
        ChromeDriver old = open.remove(DEFAULT);
        if (old != null) {
            Browser.close(old);
        }
        return driver();
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()) {
            return;
        }
        String test = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
        open.forEach((name, driver) -> {
            try {
                Browser.screenshot(driver, test + (name.isEmpty() ? "" : "-" + name) + "-failed");
            } catch (RuntimeException e) {
                // A browser that died takes no screenshot; the test's own failure is what counts.
                context.getExecutionException().get().addSuppressed(e);
            }
        });
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<ChromeDriver> drivers = new ArrayList<>(open.values());
        open.clear();
        RuntimeException failed = null;
        for (ChromeDriver driver : drivers) {
            try {
                Browser.close(driver);
            } catch (RuntimeException e) {
                // Close the others all the same: no Chromium outlives its test.
                if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }
}
