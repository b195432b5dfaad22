package org.chatroom.server.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium through its chromedriver (.ci/run installs both), never a downloaded
 * browser: the paths are given, so Selenium Manager has nothing to fetch.
 */
final class Browser implements AutoCloseable {
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    /**
     * The main states' screenshots: into target/ on every run, so builds leave the source tree
     * alone; {@code -Dweb.screenshots=docs} writes them to docs/images/ for the README.
     */
    static final Path SCREENSHOTS = "docs".equals(System.getProperty("web.screenshots"))
            ? Path.of("../../docs/images") : Path.of("target/screenshots");
    static final Path FAILURES = Path.of("target/browser-failures");

    final ChromeDriver driver;

    Browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,800", "--force-device-scale-factor=1", "--lang=en-GB",
                "--disable-search-engine-choice-screen", "--no-first-run");
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL")); // the page's console
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(5));
    }

    static final Duration WAIT = Duration.ofSeconds(20);

    /** Opens the web client of {@code server} with a fresh localStorage (nothing remembered). */
    void open(int httpPort, String query) {
        size(1280, 800);
        driver.get("http://127.0.0.1:" + httpPort + "/" + query);
        driver.executeScript("localStorage.clear()");
    }

    /** The element once it is shown. */
    WebElement find(String css) {
        return await().atMost(WAIT).ignoreExceptions().until(() -> driver.findElement(By.cssSelector(css)),
                WebElement::isDisplayed);
    }

    List<String> texts(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    void awaitText(String css, String text) {
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> assertThat(texts(css)).anyMatch(t -> t.contains(text)));
    }

    /** Types a line in the composer and sends it with Enter. */
    void type(String text) {
        WebElement input = find("#input");
        input.sendKeys(text);
        input.sendKeys(Keys.ENTER);
    }

    static boolean available() {
        return Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
    }

    void size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Saves what the browser shows as {@code dir/name.png}. */
    void screenshot(Path dir, String name) {
        try {
            Files.createDirectories(dir);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            System.err.println("browser test: could not save screenshot " + name + ": " + e);
        }
    }

    /** What the page wrote to its console (errors included) since the last call, for a failure's report. */
    String console() {
        try {
            StringBuilder sb = new StringBuilder();
            driver.manage().logs().get("browser").forEach(e -> sb.append(e.getLevel()).append(' ').append(e.getMessage()).append('\n'));
            return sb.toString();
        } catch (RuntimeException e) {
            return "(no console log: " + e + ")";
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
