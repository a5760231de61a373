package org.cadre.server.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver ({@code apt-get install chromium chromium-driver};
 * {@code .ci/run} installs both), at a phone's or a laptop's size, with or without JavaScript. Every page it
 * checks is run through axe-core (vendored in the test resources) and measured for sideways scrolling.
 */
final class Browser implements AutoCloseable {

    static final Dimension PHONE = new Dimension(390, 844);
    static final Dimension LAPTOP = new Dimension(1366, 768);

    private static final String CHROMIUM = System.getenv().getOrDefault("CADRE_CHROMIUM", "/usr/bin/chromium");
    private static final String DRIVER = System.getenv().getOrDefault("CADRE_CHROMEDRIVER", "/usr/bin/chromedriver");
    private static final String AXE = axe();

    final WebDriver driver;
    private final String base;
    private final Path profile;

    Browser(String base, boolean javascript) {
        requireChromium();
        this.base = base;
        try {
            this.profile = Files.createTempDirectory("cadre-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // As the machine's probe starts it: no sandbox (tests run as root), and no calls to Google's services,
        // which this closed network refuses.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-features=Translate,MediaRouter,OptimizationHints", "--lang=en-GB", "--user-data-dir=" + profile,
                "--window-size=1366,768");
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(DRIVER).toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    /**
     * Skips the calling test, with a message, where Chromium or its driver is missing; with {@code CI=true} (as
     * {@code .ci/run} sets, after installing both) a missing one fails it instead, as the report's browser test does.
     */
    static void requireChromium() {
        boolean present = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(DRIVER));
        if (!"true".equals(System.getenv("CI"))) {
            org.assertj.core.api.Assumptions.assumeThat(present).as("Chromium or chromedriver is not installed at %s, %s; install Debian's "
                    + "chromium and chromium-driver packages to run the browser tests", CHROMIUM, DRIVER).isTrue();
        }
        assertThat(present).as("CI must have Chromium at %s and chromedriver at %s", CHROMIUM, DRIVER).isTrue();
    }

    /** Sets the viewport (not the window) to the size given. */
    void size(Dimension viewport) {
        driver.manage().window().setSize(viewport);
        long width = ((Number) js("return window.innerWidth")).longValue();
        long height = ((Number) js("return window.innerHeight")).longValue();
        if (width != viewport.width || height != viewport.height) {
            driver.manage().window().setSize(new Dimension((int) (2 * viewport.width - width), (int) (2 * viewport.height - height)));
        }
    }

    void open(String path) {
        driver.get(base + path);
    }

    String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    void signIn(String user, String password) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        click("form[action='/login'] button[type=submit]");
        waitFor(d -> !path().startsWith("/login"));
    }

    void signOut() {
        click("form[action='/logout'] button");
        waitFor(d -> path().startsWith("/login"));
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * Clicks what {@code css} finds. A click that sends a form may navigate so fast that chromedriver, looking at
     * the clicked node once more, finds the next page already there (seen in CI): the click was made, and the
     * caller's wait holds the test to what the click must bring.
     */
    void click(String css) {
        try {
            find(css).click();
        } catch (org.openqa.selenium.WebDriverException navigatedAway) {
            if (!replaced(navigatedAway)) {
                throw navigatedAway;
            }
        }
    }

    /** Clicks what {@code css} finds and waits for the next page to load (a form sent, a link followed). */
    void submit(String css) {
        WebElement page = find("html");
        click(css);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> gone(page));
        // The old page is gone; the next one is read only once it is whole (its elements belong to it then).
        new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> "complete".equals(js("return document.readyState")));
    }

    /**
     * Whether the element's page has been replaced. Selenium's {@code stalenessOf} knows only "stale element
     * reference"; Chromium 156 may answer an element of a page being replaced with "does not belong to the
     * document" instead (seen in CI: two browser tests failed at a form's submission), which means the same.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException stale) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (replaced(e)) {
                return true;
            }
            throw e;
        }
    }

    /** Chromium's other words for a stale element: its page was replaced while the driver read it. */
    private static boolean replaced(org.openqa.selenium.WebDriverException e) {
        return String.valueOf(e.getMessage()).contains("does not belong to the document");
    }

    /**
     * Waits until the condition holds. An element read while its page is being replaced (a form sent without
     * JavaScript reloads the page) counts as "not yet", in both of Chromium's words for it (seen in CI: "does not
     * belong to the document" from a button read as the attendance page reloaded).
     */
    void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    try {
                        return condition.apply(d);
                    } catch (org.openqa.selenium.WebDriverException e) {
                        if (replaced(e)) {
                            return false;
                        }
                        throw e;
                    }
                });
    }

    /** How far the page is wider than the viewport, in CSS pixels (0: it does not scroll sideways). */
    long sidewaysOverflow() {
        return ((Number) js("return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth"))
                .longValue();
    }

    /**
     * axe-core's serious and critical violations on the page (WCAG 2.1 A and AA rules and axe's best practices):
     * labels, landmarks, headings, names of controls, contrast, focusable elements and the like.
     */
    @SuppressWarnings("unchecked")
    List<String> accessibilityViolations() {
        js(AXE);
        Object result = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {iframes: false, resultTypes: ['violations']})
                  .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                      .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))
                  .catch(e => done(['axe failed: ' + e]));
                """);
        return (List<String>) result;
    }

    /** Checks the page as every page must be: no serious accessibility violation, no sideways scrolling. */
    void checkPage() {
        assertThat(accessibilityViolations()).as("accessibility of %s", path()).isEmpty();
        assertThat(sidewaysOverflow()).as("sideways scroll of %s at %s px", path(), js("return window.innerWidth")).isLessThanOrEqualTo(0);
    }

    /** Saves a screenshot of the whole viewport to {@code target/screenshots/<name>.png}. */
    void screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            js("window.scrollTo(0, 0)");
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String axe() {
        try (InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
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
            // a temporary profile left behind is harmless
        }
    }
}
