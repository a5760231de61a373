package org.cadre.reporting.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cadre.reporting.EventReport;
import org.cadre.reporting.EventReports;
import org.cadre.reporting.disclosure.Audience;
import org.cadre.reporting.disclosure.Disclosure;
import org.cadre.roster.demo.DemoRoster;
import org.junit.jupiter.api.Test;

class HtmlRendererTest {

    private static final EventReport INTERNAL = EventReports.of(DemoRoster.almatyTot(), Disclosure.forAudience(Audience.INTERNAL));
    private static final EventReport DONOR = EventReports.of(DemoRoster.almatyTot(), Disclosure.forAudience(Audience.DONOR));

    @Test
    void the_page_is_self_contained() {
        String html = HtmlRenderer.event(INTERNAL, Locale.ENGLISH);

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>").doesNotContainPattern("(?i)(src|href)\\s*=")
                .doesNotContain("<script").doesNotContain("@import").doesNotContain("url(");
    }

    @Test
    void every_chart_has_a_title_and_a_description() {
        String html = HtmlRenderer.event(INTERNAL, Locale.ENGLISH);
        Matcher svg = Pattern.compile("<svg[^>]*aria-labelledby=\"(chart\\d+)-title \\1-desc\"[^>]*><title id=\"\\1-title\">[^<]+</title><desc id=\"\\1-desc\">[^<]+</desc>")
                .matcher(html);

        int charts = 0;
        while (svg.find()) {
            charts++;
        }
        assertThat(charts).isEqualTo(3).isEqualTo(html.split("<svg", -1).length - 1);
        assertThat(html).contains("<desc id=\"chart1-desc\">Kazakhstan: Female 4, Male 14, Another 0, Not recorded 0;");
    }

    @Test
    void english_and_russian_pages_differ_in_words_and_number_format() {
        String en = HtmlRenderer.event(INTERNAL, Locale.ENGLISH);
        String ru = HtmlRenderer.event(INTERNAL, Locale.forLanguageTag("ru-RU"));

        assertThat(en).contains("<html lang=\"en\">").contains("Participants by country and sex").contains("23 October 2023")
                .contains("(92.3 %)");
        assertThat(ru).contains("<html lang=\"ru\">").contains("Участники по странам и полу").contains("23 октября 2023")
                .contains("(92,3 %)").contains("Казахстан");
    }

    private static org.cadre.reporting.ProgrammeReport programme(Audience audience) {
        return org.cadre.reporting.ProgrammeReports.of(DemoRoster.programme(),
                java.util.List.of(DemoRoster.almatyTot(), DemoRoster.dushanbeCascade()), DemoRoster.pool(),
                org.cadre.reporting.demo.DemoResults.framework(), java.time.LocalDate.of(2023, 1, 1),
                java.time.LocalDate.of(2024, 12, 31), Disclosure.forAudience(audience));
    }

    @Test
    void the_programme_page_draws_the_pool_funnel_and_the_cascade_reach() {
        String html = HtmlRenderer.programme(programme(Audience.INTERNAL), Locale.ENGLISH);

        assertThat(html.split("<svg", -1)).hasSize(4);
        assertThat(html).contains("<title id=\"chart2-title\">Trainer pool</title>")
                .contains("<desc id=\"chart2-desc\">Reached this level: Trainee: 28; Co-trainer: 28; "
                        + "Certified trainer: 6; Lead trainer: 4</desc>")
                .contains("<desc id=\"chart3-desc\">Graduates 26, Officers trained by graduates 16</desc>")
                .contains("<div class=\"figure\">42<small>Officials trained</small></div>")
                .contains("<td>I2 Share of women among the officials trained</td><td>10</td><td>25</td><td>9 / 42 (21.4 %)</td>")
                .doesNotContainPattern("(?i)(src|href)\\s*=");
    }

    @Test
    void the_public_programme_page_names_no_graduate() {
        String html = HtmlRenderer.programme(programme(Audience.PUBLIC), Locale.forLanguageTag("ru"));

        assertThat(html).contains("Каскадный охват").doesNotContain("graduate 1").doesNotContain("Farkhod").doesNotContain("Фарход");
    }

    @Test
    void both_languages_have_every_label() {
        assertThat(Labels.keys(true)).isEqualTo(Labels.keys(false));
    }

    @Test
    void the_donor_page_shows_markers_not_zeros_and_no_names() {
        String html = HtmlRenderer.event(DONOR, Locale.ENGLISH);

        assertThat(html).contains("<td class=\"suppressed\" title=\"withheld\">&lt;k</td>").contains("&lt;k: withheld")
                .doesNotContain("Farkhod").doesNotContain("Абдуллоев").doesNotContain("Bellini").doesNotContain("Two hours");
    }

    @Test
    void the_page_does_not_depend_on_the_default_locale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("ar-EG"));
            String underArabic = HtmlRenderer.event(INTERNAL, Locale.ENGLISH);
            Locale.setDefault(Locale.ENGLISH);
            assertThat(underArabic).isEqualTo(HtmlRenderer.event(INTERNAL, Locale.ENGLISH));
        } finally {
            Locale.setDefault(before);
        }
    }
}
