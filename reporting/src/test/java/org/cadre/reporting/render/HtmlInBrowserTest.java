package org.cadre.reporting.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.cadre.reporting.EventReports;
import org.cadre.reporting.disclosure.Audience;
import org.cadre.reporting.disclosure.Disclosure;
import org.cadre.roster.demo.DemoRoster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo report rendered by a real browser: Debian's headless Chromium loads the page from a file,
 * prints the DOM it built and takes a screenshot. Outside CI the test is skipped, with a message, when no
 * Chromium is installed; with {@code CI=true} a missing Chromium fails it ({@code .ci/run} installs it).
 */
class HtmlInBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static Path page;
    private static Path dir;

    @BeforeAll
    static void renderPage() throws IOException {
        boolean ci = "true".equals(System.getenv("CI"));
        if (!ci) {
            assumeThat(Files.isExecutable(CHROMIUM)).as("Chromium is not installed at " + CHROMIUM
                    + "; install Debian's chromium package to run the browser test").isTrue();
        }
        assertThat(Files.isExecutable(CHROMIUM)).as("CI must have Chromium at %s", CHROMIUM).isTrue();
        dir = Files.createDirectories(Path.of("target", "browser"));
        page = dir.resolve("demo-report.html");
        Files.writeString(page, HtmlRenderer.event(EventReports.of(DemoRoster.almatyTot(),
                Disclosure.forAudience(Audience.INTERNAL)), Locale.ENGLISH), StandardCharsets.UTF_8);
    }

    private static String chromium(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + Files.createTempDirectory(dir, "profile").toAbsolutePath()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(dir.resolve("chromium.log").toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("Chromium finished within 60 s").isTrue();
        return out;
    }

    @Test
    void the_browser_builds_the_charts_and_tables() throws Exception {
        String dom = chromium("--dump-dom", page.toUri().toString());

        assertThat(dom.split("<svg", -1)).hasSize(4);
        assertThat(dom.split("<table", -1).length - 1).isGreaterThanOrEqualTo(8);
        assertThat(dom).contains("rect class=\"bar\"").contains("Participants by country and sex");
    }

    @Test
    void the_browser_builds_the_programme_page_with_funnel_and_reach_charts() throws Exception {
        Path programme = dir.resolve("demo-programme.html");
        Files.writeString(programme, HtmlRenderer.programme(org.cadre.reporting.ProgrammeReports.of(DemoRoster.programme(),
                List.of(DemoRoster.almatyTot(), DemoRoster.dushanbeCascade()), DemoRoster.pool(),
                org.cadre.reporting.demo.DemoResults.framework(), java.time.LocalDate.of(2023, 1, 1),
                java.time.LocalDate.of(2024, 12, 31), Disclosure.forAudience(Audience.DONOR)), Locale.ENGLISH), StandardCharsets.UTF_8);

        String dom = chromium("--dump-dom", programme.toUri().toString());

        assertThat(dom.split("<svg", -1)).hasSize(4);
        assertThat(dom).contains("Trainer pool").contains("Cascade reach").contains("data-table=\"indicators\"");
    }

    @Test
    void the_screenshot_shows_a_page_with_content_and_colour() throws Exception {
        Path shot = dir.resolve("demo-report.png").toAbsolutePath();
        Files.deleteIfExists(shot);

        chromium("--screenshot=" + shot, "--window-size=1100,2400", page.toUri().toString());

        BufferedImage image = ImageIO.read(shot.toFile());
        assertThat(image.getWidth()).isEqualTo(1100);
        long ink = 0;
        long blue = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                if (rgb != 0xFFFFFF) {
                    ink++;
                }
                if (rgb == 0x1F5F8B) {
                    blue++;
                }
            }
        }
        long sampled = (long) (image.getWidth() / 2) * (image.getHeight() / 2);
        assertThat((double) ink / sampled).as("share of the page that is not blank").isGreaterThan(0.03);
        assertThat(blue).as("pixels of the charts' first colour").isGreaterThan(200);
    }
}
