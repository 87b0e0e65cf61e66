package com.maintenanceaccess.it.workspace.pages;

import com.maintenanceaccess.it.support.Realm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * Workspace → Signoffs: the account's signature records with their filters, the CSV, and the
 * verifiable trail export with the browser's check of it.
 */
public final class SignoffsPage extends AccountConsole {

    public static final String PATH = "mx/signoffs";

    public SignoffsPage(ChromeDriver browser, Realm realm) {
        super(browser, realm);
    }

    /** Opens the page in the account (alias), signing in; waits until the list has answered. */
    public SignoffsPage open(String account, String username, String password) {
        super.open(PATH + "?account=" + account, username, password);
        awaitAnswer();
        return this;
    }

    /** The list answered: rows, the empty message or a refusal. */
    private void awaitAnswer() {
        until(driver -> !driver.findElements(testId("trail-head")).isEmpty() || showsRefusalNow());
    }

    /** Downloads of this browser go into {@code directory} (Chromium's DevTools download behaviour). */
    public SignoffsPage downloadsTo(Path directory) {
        browser.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", directory.toAbsolutePath().toString()));
        return this;
    }

    public boolean lists(String signatureId) {
        return !await("signoffs").findElements(testId("signoff-" + signatureId)).isEmpty();
    }

    public SignoffsPage awaitListed(String signatureId) {
        until(driver -> lists(signatureId));
        return this;
    }

    public SignoffsPage awaitNotListed(String signatureId) {
        until(driver -> !lists(signatureId));
        return this;
    }

    /** The cells of one record, by their test ids (outcome, reasons, signer, type, aircraft, work-order, declaration, proof). */
    public Map<String, String> row(String signatureId) {
        WebElement row = await("signoffs").findElement(testId("signoff-" + signatureId));
        Map<String, String> cells = new java.util.LinkedHashMap<>();
        for (String cell : List.of("outcome", "reasons", "signer", "type", "aircraft", "work-order", "declaration", "proof")) {
            row.findElements(testId("signoff-" + cell)).stream().findFirst().ifPresent(e -> cells.put(cell, e.getText()));
        }
        return cells;
    }

    public SignoffsPage aircraft(String registration) {
        WebElement field = await("signoffs-aircraft");
        field.clear();
        field.sendKeys(registration);
        return this;
    }

    public SignoffsPage outcome(String outcome) {
        new Select(await("signoffs-outcome")).selectByValue(outcome);
        return this;
    }

    /** The people the person filter offers (user ids; "" is everyone). */
    public List<String> personChoices() {
        return new Select(await("signoffs-person")).getOptions().stream().map(o -> o.getAttribute("value")).toList();
    }

    public SignoffsPage person(String userId) {
        until(driver -> personChoices().contains(userId));
        new Select(await("signoffs-person")).selectByValue(userId);
        return this;
    }

    public boolean showsNoRecords() {
        return !browser.findElements(testId("signoffs-empty")).isEmpty();
    }

    public String trailHead() {
        return await("trail-head").getText();
    }

    public String offlineCommand() {
        return await("trail-command").getText();
    }

    public void downloadCsv() {
        await("signoffs-csv").click();
    }

    /** Downloads the export; returns the browser's check of it once shown. */
    public String downloadExport() {
        await("trail-export").click();
        return awaitCheck();
    }

    /** Checks a saved file in the browser (the file input); returns what the check says. */
    public String checkFile(Path file) {
        await("trail-file").sendKeys(file.toAbsolutePath().toString());
        // The file's name shows with the check's result, once that result is the one of this file.
        until(driver -> driver.findElements(testId("trail-checked-file")).stream()
                .anyMatch(e -> e.getText().equals(file.getFileName().toString())));
        return awaitCheck();
    }

    /** Scrolls to the export and its check (for the documentation's screenshot of it). */
    public SignoffsPage showTrailExport() {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", await("trail-check"));
        return this;
    }

    private String awaitCheck() {
        return await("trail-check").getText();
    }

    /** Waits for a file of this name to be complete in the download directory; returns its text. */
    public static String awaitDownload(Path directory, String name) {
        Path file = directory.resolve(name);
        for (int i = 0; i < 200; i++) {
            if (Files.exists(file) && !Files.exists(directory.resolve(name + ".crdownload"))) {
                try {
                    return Files.readString(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        try (var listed = Files.list(directory)) {
            throw new AssertionError(name + " was not downloaded; the directory holds " + listed.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
