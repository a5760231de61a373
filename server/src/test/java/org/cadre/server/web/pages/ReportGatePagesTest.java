package org.cadre.server.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.cadre.roster.demo.DemoRoster;
import org.cadre.server.app.HeldReport;
import org.cadre.server.app.ReportGate;
import org.cadre.server.app.Settings;
import org.junit.jupiter.api.Test;

/**
 * A programme's report page while every turn to compute a report is taken: the page itself computes none and is
 * shown; its frame, where the report is computed, says the server is busy and to try again (503, Retry-After), in the
 * reader's language, framed as the report would be, and shows the report once a turn is free.
 */
class ReportGatePagesTest {

    @Test
    void the_programme_report_page_says_busy_with_retry_after_while_every_turn_is_taken() throws Exception {
        ReportGate gate = new ReportGate(1, Duration.ofMillis(300));
        try (PageFixture server = new PageFixture(Settings.defaults().withReportGate(gate));
                HeldReport other = HeldReport.of(gate, "kz")) {
            PageClient c = new PageClient(server.base());
            assertThat(c.signIn("donor", PageFixture.PASSWORD).status()).isEqualTo(303);
            String page = "/programmes/" + DemoRoster.PROGRAMME.value() + "/reports?audience=donor";
            String frame = "/programmes/" + DemoRoster.PROGRAMME.value() + "/reports/file?audience=donor&format=html";

            // The page computes no report (the frame does, once per view): it is served while every turn is taken.
            PageClient.Page shown = c.get(page);
            assertThat(shown.status()).isEqualTo(200);
            assertThat(shown.body()).contains(frame.replace("&", "&amp;"));
            PageClient.Page busy = c.get(frame);
            assertThat(busy.status()).isEqualTo(503);
            assertThat(busy.header("Retry-After")).contains("5");
            assertThat(busy.body()).contains("<title>Busy").contains("Try again in a few seconds.");
            // Shown in the report page's frame, so it may be framed by Cadre's own pages, as the report itself is.
            assertThat(busy.header("X-Frame-Options")).contains("SAMEORIGIN");
            assertThat(busy.header("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'self'");
            c.post("/language", java.util.Map.of("lang", "ru", "back", "/"));
            PageClient.Page russian = c.get(frame);
            assertThat(russian.status()).isEqualTo(503);
            assertThat(russian.body()).contains("Сервер занят").contains("Повторите через несколько секунд.");

            other.release();
            assertThat(c.get(frame).status()).isEqualTo(200);
        }
    }
}
