package dev.tributary.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's chromium, headless, driven through chromium-driver: fresh profile, no network of its
 * own (no updates, sync or background requests), so it only ever talks to the service on loopback.
 * Without a browser installed the tests are skipped with a notice on the console, unless
 * {@code -Dbrowser.required=true} (CI) makes that a failure.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
  static final Path DRIVER = Path.of(System.getProperty("browser.driver", "/usr/bin/chromedriver"));
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  /** A width in CSS pixels and whether the page is laid out as on a phone (viewport meta honoured). */
  record Viewport(String name, int width, int height, boolean mobile) {}

  static final Viewport DESKTOP = new Viewport("desktop", 1280, 900, false);
  static final Viewport PHONE = new Viewport("phone", 390, 844, true);

  final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** Starts the browser, or skips the calling test (saying so) when none is installed. */
  static Browser start() {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    if (!installed) {
      String why = "no browser installed (" + CHROMIUM + ", " + DRIVER + "): apt-get install chromium chromium-driver";
      if (Boolean.getBoolean("browser.required")) {
        throw new IllegalStateException("browser tests required but " + why);
      }
      System.out.println("BROWSER TESTS SKIPPED: " + why);
      Assumptions.abort("BROWSER TESTS SKIPPED: " + why);
    }
    Path profile;
    try {
      profile = Files.createTempDirectory("tributary-chromium");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile, "--window-size=" + DESKTOP.width() + "," + DESKTOP.height());
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return new Browser(driver, profile);
  }

  void open(String url) {
    driver.get(url);
  }

  /** Lays the page out at the viewport (as a phone would, with {@code mobile}) and saves a full-page PNG. */
  Path screenshot(String name, Viewport v) {
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
        "width", v.width(), "height", v.height(), "deviceScaleFactor", 1, "mobile", v.mobile()));
    Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight");
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
        "width", v.width(), "height", Math.max(v.height(), Math.min(height.intValue(), 6000)),
        "deviceScaleFactor", 1, "mobile", v.mobile()));
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + "-" + v.name() + ".png");
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
  }

  /** Both widths; the page is wider than the phone only if something overflows. */
  List<Path> screenshots(String name) {
    return List.of(screenshot(name, DESKTOP), screenshot(name, PHONE));
  }

  /** Page width at the phone viewport minus the viewport: above zero means sideways scrolling. */
  long phoneOverflow() {
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
        "width", PHONE.width(), "height", PHONE.height(), "deviceScaleFactor", 1, "mobile", true));
    try {
      return (Long) driver.executeScript(
          "return Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth)");
    } finally {
      driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
  }

  /** Console messages at SEVERE (errors, CSP violations, failed loads) since the last call. */
  List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage).toList();
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a leftover temp profile is harmless
      }
    }
  }
}
