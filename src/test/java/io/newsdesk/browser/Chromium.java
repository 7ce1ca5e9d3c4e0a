package io.newsdesk.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven by Debian's chromedriver, found in {@code /usr/bin} or where the system
 * properties {@code newsdesk.browser} and {@code newsdesk.chromedriver} say ({@code .ci/run} installs both). Without
 * them a browser test fails with a message naming the packages: one that skipped itself silently would pass while
 * testing nothing. Screenshots go to {@link #SHOTS}.
 */
final class Chromium {

    static final Path SHOTS = Path.of("target", "browser");

    private Chromium() {}

    /** A new headless browser, 1280×1400, English; with {@code consoleLog}, its console is kept for the test. */
    static ChromeDriver start(boolean consoleLog) throws IOException {
        String chromium = System.getProperty("newsdesk.browser", "/usr/bin/chromium");
        String driver = System.getProperty("newsdesk.chromedriver", "/usr/bin/chromedriver");
        assertTrue(
                Files.isExecutable(Path.of(chromium)) && Files.isExecutable(Path.of(driver)),
                "the browser test needs Chromium and its driver: apt-get install -y chromium chromium-driver (or"
                        + " -Dnewsdesk.browser=... -Dnewsdesk.chromedriver=...)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--window-size=1280,1400",
                "--lang=en-US");
        if (consoleLog) {
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(driver).toFile())
                .build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SHOTS);
        return browser;
    }
}
