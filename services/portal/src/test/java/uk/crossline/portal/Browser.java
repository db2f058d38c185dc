package uk.crossline.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.Assertions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven by Selenium, as a person at a browser: Debian's chromium and
 * chromedriver (installed by {@code .ci/run}), a fresh profile per browser, screenshots into {@code
 * target/screenshots} for a reviewer, and axe-core for the accessibility check.
 */
final class Browser implements AutoCloseable {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final String PASSWORD = "Crossline-Demo-1";

  /** The heading of the page the portal shows for a page the person's roles do not open. */
  static final String NO_ACCESS = "You do not have access to this page";

  private static final By PURPOSE_FORM = By.cssSelector("form[action='/purpose']");

  /** Never follows a redirect, so a test sees the portal's own status and headers. */
  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private final ChromeDriver driver;
  private final String base;
  private final Path profile;

  private Browser(ChromeDriver driver, String base, Path profile) {
    this.driver = driver;
    this.base = base;
    this.profile = profile;
  }

  /** A browser pointed at the portal at this address (e.g. http://127.0.0.1:18080). */
  static Browser open(String base) {
    try {
      Path profile = Files.createTempDirectory("crossline-chromium-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(executable("CROSSLINE_CHROMIUM", "/usr/bin/chromium"));
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--window-size=1280,1024",
          "--user-data-dir=" + profile);
      // The console log, for the content security policy's violations.
      options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(
                  Path.of(executable("CROSSLINE_CHROMEDRIVER", "/usr/bin/chromedriver")).toFile())
              .build();
      return new Browser(new ChromeDriver(service, options), base, profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String executable(String variable, String fallback) {
    return Optional.ofNullable(System.getenv(variable)).orElse(fallback);
  }

  WebDriver driver() {
    return driver;
  }

  /** Opens a page of the portal by its path, and returns once it has a heading. */
  Browser go(String path) {
    driver.get(base + path);
    find(By.tagName("h1"));
    return this;
  }

  /** Signs in at the identity provider's page as a demo user and lands back in the portal. */
  Browser signIn(String username) {
    go("/");
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(PASSWORD);
    driver.findElement(By.id("kc-login")).click();
    // Back at the page asked for (Spring Security's saved request adds "?continue").
    wait.until(d -> d.getCurrentUrl().startsWith(base + "/"));
    find(By.id("signed-in"));
    return this;
  }

  /**
   * The element once it is there; if it never comes, what the browser showed instead is saved
   * (target/screenshots/failed-*.png and .html) for whoever reads the failure.
   */
  WebElement find(By by) {
    try {
      return new WebDriverWait(driver, Duration.ofSeconds(15))
          .until(ExpectedConditions.presenceOfElementLocated(by));
    } catch (org.openqa.selenium.TimeoutException e) {
      String name = "failed-" + System.currentTimeMillis();
      screenshot(name);
      try {
        Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource());
      } catch (IOException ignored) {
        // The screenshot is the main evidence.
      }
      throw new org.openqa.selenium.TimeoutException(
          e.getMessage() + " (at " + driver.getCurrentUrl() + "; see " + name + ".png)", e);
    }
  }

  /**
   * Clicks what leads to another page (a link, a form's button) and returns once that page has
   * replaced this one, so what is found next is on it.
   */
  Browser clickThrough(By by) {
    WebElement page = driver.findElement(By.tagName("html"));
    find(by).click();
    // Chromium may answer "node does not belong to the document" while the old page goes: gone too.
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .ignoring(org.openqa.selenium.WebDriverException.class)
        .until(ExpectedConditions.stalenessOf(page));
    find(By.tagName("h1"));
    return this;
  }

  /**
   * Opens a page that consults the hub, giving this purpose first when the portal asks for one (it
   * asks once a session, before the first consultation).
   */
  Browser consult(String path, String purpose) {
    go(path);
    if (asksForAPurpose()) {
      givePurpose(purpose);
    }
    return this;
  }

  /** Whether the page shown now is the question "Why are you looking?". */
  boolean asksForAPurpose() {
    return has(PURPOSE_FORM);
  }

  /** On the purpose page: types the purpose and sends it. */
  Browser givePurpose(String purpose) {
    find(By.id("purpose")).sendKeys(purpose);
    return clickThrough(By.cssSelector("form[action='/purpose'] button"));
  }

  /** Replaces what the text field with this id holds. */
  Browser type(String id, String text) {
    WebElement input = find(By.id(id));
    input.clear();
    input.sendKeys(text);
    return this;
  }

  /** Selects the radio or checkbox of this name and value, if it is not already. */
  Browser choose(String name, String value) {
    WebElement input = find(By.cssSelector("input[name=" + name + "][value='" + value + "']"));
    if (!input.isSelected()) {
      input.click();
    }
    return this;
  }

  /** The text of the page's heading. */
  String heading() {
    return find(By.tagName("h1")).getText();
  }

  /**
   * Saves what the browser shows as target/screenshots/NAME.png and asserts axe-core finds no
   * serious or critical accessibility violation on the page.
   */
  void screenshotAndAssertAccessible(String name) {
    screenshot(name);
    Assertions.assertThat(seriousAccessibilityViolations()).as(name).isEmpty();
  }

  /** Whether the page shown now has an element of this kind, without waiting. */
  boolean has(By by) {
    return !driver.findElements(by).isEmpty();
  }

  List<WebElement> findAll(By by) {
    return driver.findElements(by);
  }

  /** The text of each element of this kind on the page shown now, in the page's order. */
  List<String> texts(By by) {
    return findAll(by).stream().map(WebElement::getText).toList();
  }

  String currentUrl() {
    return driver.getCurrentUrl();
  }

  /** Saves what the browser shows as target/screenshots/NAME.png. */
  void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The serious and critical accessibility violations axe-core finds on the page (WCAG 2.0, 2.1 and
   * 2.2, A and AA), each as "rule: help (n elements)".
   */
  @SuppressWarnings("unchecked")
  List<String> seriousAccessibilityViolations() {
    JavascriptExecutor js = driver;
    js.executeScript(axeSource());
    Object result =
        js.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values:"
                + " ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"
                + ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact,"
                + " help: v.help, nodes: v.nodes.length}))))"
                + ".catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e),"
                + " nodes: 0}]));");
    return ((List<Map<String, Object>>) result)
        .stream()
            .filter(v -> List.of("serious", "critical").contains(String.valueOf(v.get("impact"))))
            .map(v -> v.get("id") + ": " + v.get("help") + " (" + v.get("nodes") + " elements)")
            .toList();
  }

  /**
   * What Chromium's console said about the content security policy since the last call (a blocked
   * script, style, connection or form), each as the console wrote it.
   */
  List<String> contentSecurityPolicyViolations() {
    return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
        .map(org.openqa.selenium.logging.LogEntry::getMessage)
        .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
        .toList();
  }

  /** The portal's session cookie, to ask for a page as this browser outside it (its headers). */
  String sessionCookie() {
    var cookie = driver.manage().getCookieNamed("JSESSIONID");
    return cookie == null ? "" : "JSESSIONID=" + cookie.getValue();
  }

  /**
   * A page or download of the portal (a path, or a full address the page gave) fetched outside the
   * browser with its signed-in session, redirects not followed: its status, headers and body.
   */
  HttpResponse<String> fetch(String address) throws IOException, InterruptedException {
    URI uri = URI.create(address.startsWith("/") ? base + address : address);
    return HTTP.send(
        HttpRequest.newBuilder(uri).header("Cookie", sessionCookie()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String axeSource() {
    try (InputStream in = Browser.class.getResourceAsStream("/axe.min.js")) {
      if (in == null) {
        throw new IllegalStateException("axe.min.js is not on the test classpath (npm ci?)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // A temporary profile left behind is harmless.
    }
  }
}
