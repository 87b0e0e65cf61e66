package com.maintenanceaccess.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver (no browser download).
 * The flags keep it off the network: this machine reaches only loopback.
 */
public final class Browser {

    private Browser() {
    }

    /**
     * A new Chromium with an empty profile of its own ({@code --user-data-dir} under
     * target/chromium-profiles): no cookie, cache or setting passes from one browser to the
     * next. {@link #close} removes the profile; {@link BrowserExtension} does both for a test.
     */
    public static ChromeDriver open() {
        Path profile;
        try {
            Path profiles = Path.of(System.getProperty("mx.it.output", "target"), "chromium-profiles");
            Files.createDirectories(profiles);
            profile = Files.createTempDirectory(profiles, "profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("mx.it.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=1280,1000", "--lang=en");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("mx.it.chromedriver", "/usr/bin/chromedriver")).toFile())
                .build();
        return new ChromeDriver(service, options);
    }

    /** Quits the browser and removes the profile {@link #open} made for it. */
    public static void close(ChromeDriver driver) {
        Object chrome = driver.getCapabilities().getCapability("chrome");
        driver.quit();
        if (chrome instanceof Map<?, ?> details && details.get("userDataDir") instanceof String dir) {
            try (Stream<Path> files = Files.walk(Path.of(dir))) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // Chromium may still be letting go of its files; target/ is cleaned with the build.
            }
        }
    }

    /** Waits up to 20 s for an element (pages such as the account console redirect by script). */
    public static WebElement await(ChromeDriver driver, By locator) {
        return new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Saves a screenshot as target/screenshots/NAME.png and returns its path. */
    public static Path screenshot(ChromeDriver driver, String name) {
        Path target = Path.of(System.getProperty("mx.it.output", "target"), "screenshots", name + ".png");
        try {
            Files.createDirectories(target.getParent());
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }
}
