package org.cadre.reporting.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.StringReader;
import java.net.URL;
import java.time.LocalDate;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.cadre.reporting.ProgrammeReport;
import org.cadre.reporting.ProgrammeReports;
import org.cadre.reporting.demo.DemoResults;
import org.cadre.reporting.disclosure.Audience;
import org.cadre.reporting.disclosure.Disclosure;
import org.cadre.roster.demo.DemoRoster;
import org.junit.jupiter.api.Test;

class IatiRendererTest {

    /** The IATI 2.03 schema, carried as test data (src/test/resources/iati-2.03, with its origin and licence). */
    private static final URL SCHEMA = IatiRendererTest.class.getResource("/iati-2.03/iati-activities-schema.xsd");
    private static final IatiRenderer.Publisher IOM = new IatiRenderer.Publisher("XM-DAC-47066",
            "International Organization for Migration", "40");

    private static String render(Audience audience) {
        ProgrammeReport report = ProgrammeReports.of(DemoRoster.programme(), List.of(DemoRoster.almatyTot(), DemoRoster.dushanbeCascade()),
                DemoRoster.pool(), DemoResults.framework(), LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31),
                Disclosure.forAudience(audience));
        return IatiRenderer.activities(report, IOM, LocalDate.of(2025, 1, 15));
    }

    private static void validate(String xml) throws Exception {
        assertThat(SCHEMA).as("the IATI schema on the test class path").isNotNull();
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        // Only the files beside the schema: no schema or document may be fetched from anywhere else.
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, SCHEMA.getProtocol());
        Validator validator = factory.newSchema(SCHEMA).newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        validator.validate(new StreamSource(new StringReader(xml)));
    }

    /**
     * The file's time stamps are the moment it was made, to the second, not the day's midnight (the newcomer's review of
     * session 22); the rest of the file is the same as for that day.
     */
    @Test
    void the_time_stamps_are_the_moment_the_file_was_made() throws Exception {
        ProgrammeReport report = ProgrammeReports.of(DemoRoster.programme(), List.of(DemoRoster.almatyTot(), DemoRoster.dushanbeCascade()),
                DemoRoster.pool(), DemoResults.framework(), LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31),
                Disclosure.forAudience(Audience.DONOR));
        String atMoment = IatiRenderer.activities(report, IOM, "not recorded", java.time.Instant.parse("2025-01-15T09:30:12.345Z"));

        validate(atMoment);
        assertThat(atMoment).contains("generated-datetime=\"2025-01-15T09:30:12Z\"").contains("last-updated-datetime=\"2025-01-15T09:30:12Z\"");
        assertThat(atMoment.replace("09:30:12", "00:00:00")).isEqualTo(IatiRenderer.activities(report, IOM, LocalDate.of(2025, 1, 15)));
        // The day is UTC's: a moment just before midnight UTC is still that day.
        assertThat(IatiRenderer.activities(report, IOM, "not recorded", java.time.Instant.parse("2025-01-15T23:59:59Z")).replace("23:59:59", "00:00:00"))
                .isEqualTo(IatiRenderer.activities(report, IOM, LocalDate.of(2025, 1, 15)));
    }

    /**
     * The implementing organisation (role 4) is the one the rosters name, as the CSV's {@code #org +impl}; the publisher
     * stands there only when none is recorded or it is the same (a file whose publisher was not configured named no
     * implementer while its CSV named IOM: the newcomer's review of session 22).
     */
    @Test
    void the_implementing_organisation_is_the_one_the_rosters_name() throws Exception {
        ProgrammeReport report = ProgrammeReports.of(DemoRoster.programme(), List.of(DemoRoster.almatyTot(), DemoRoster.dushanbeCascade()),
                DemoRoster.pool(), DemoResults.framework(), LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31),
                Disclosure.forAudience(Audience.DONOR));
        String implementer = ProgrammeReports.implementer(List.of(DemoRoster.almatyTot(), DemoRoster.dushanbeCascade()));
        IatiRenderer.Publisher unconfigured = new IatiRenderer.Publisher("XX-CADRE", "Cadre (publisher not configured)", "40");
        java.time.Instant at = java.time.Instant.parse("2025-01-15T09:30:12Z");

        String xml = IatiRenderer.activities(report, unconfigured, implementer, at);
        validate(xml);
        assertThat(implementer).isEqualTo("International Organization for Migration");
        assertThat(xml).contains("<participating-org role=\"4\"><narrative>International Organization for Migration</narrative>")
                .doesNotContain("<participating-org role=\"4\" ref=\"XX-CADRE\"");
        assertThat(IatiRenderer.activities(report, IOM, implementer, at))
                .contains("<participating-org role=\"4\" ref=\"XM-DAC-47066\"><narrative>International Organization for Migration</narrative>");
        assertThat(IatiRenderer.activities(report, unconfigured, "not recorded", at))
                .contains("<participating-org role=\"4\" ref=\"XX-CADRE\"><narrative>Cadre (publisher not configured)</narrative>");
    }

    @Test
    void the_public_results_framework_is_valid_iati_2_03() {
        String xml = render(Audience.PUBLIC);

        assertThatCode(() -> validate(xml)).doesNotThrowAnyException();
    }

    @Test
    void the_internal_results_framework_is_valid_and_carries_sdgs_dimensions_and_denominators() throws Exception {
        String xml = render(Audience.INTERNAL);

        validate(xml);
        assertThat(xml).contains("<tag vocabulary=\"2\" code=\"11\"/>").contains("<tag vocabulary=\"2\" code=\"16\"/>")
                .contains("<tag vocabulary=\"2\" code=\"17\"/>")
                .contains("<actual value=\"42\">")
                .contains("<actual value=\"9\"><dimension name=\"sex\" value=\"female\"/></actual>")
                .contains("<actual value=\"18\"><dimension name=\"country\" value=\"KZ\"/></actual>")
                .contains("<actual value=\"21.4\"><comment><narrative>Numerator 9, denominator 42.</narrative></comment></actual>")
                .contains("<participating-org role=\"1\"><narrative>Immigration, Refugees and Citizenship Canada (IRCC)</narrative>");
    }

    @Test
    void the_schema_check_rejects_an_activity_without_a_title() {
        String broken = render(Audience.PUBLIC).replaceFirst("<title><narrative>[^<]*</narrative></title>", "");

        assertThatCode(() -> validate(broken)).isInstanceOf(org.xml.sax.SAXParseException.class);
    }

    @Test
    void a_withheld_figure_is_explained_not_written_as_zero() {
        String xml = render(Audience.PUBLIC);

        assertThat(xml).contains("<actual><dimension name=\"country\" value=\"UZ\"/><comment><narrative>Withheld");
        assertThat(xml).doesNotContain("value=\"0\"><dimension name=\"country\" value=\"UZ\"");
    }

    /** A withheld share still says the denominator the report publishes (its comment had dropped it). */
    @Test
    void a_withheld_share_keeps_its_published_denominator() {
        for (Audience audience : List.of(Audience.DONOR, Audience.PUBLIC)) {
            ProgrammeReport report = ProgrammeReports.of(DemoRoster.programme(), List.of(DemoRoster.almatyTot(), DemoRoster.dushanbeCascade()),
                    DemoRoster.pool(), DemoResults.framework(), LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31),
                    Disclosure.forAudience(audience));
            String xml = IatiRenderer.activities(report, IOM, LocalDate.of(2025, 1, 15));
            var withheld = report.indicators().stream().flatMap(i -> i.actual().stream())
                    .filter(s -> s.percent().isEmpty() && s.denominator().isPublished() && s.denominator().get() > 0).toList();
            if (audience == Audience.DONOR) {
                assertThat(withheld).as("the donor report withholds a share").isNotEmpty();
            }
            for (var s : withheld) {
                assertThat(xml).contains("<comment><narrative>Withheld to protect individuals (disclosure control). Denominator "
                        + s.denominator().get() + ".</narrative></comment>");
            }
        }
    }

    /**
     * The activity's dates are the programme's where its period is recorded, and a programme whose period is over is in
     * finalisation: a report of 2024 on a programme of 2022 to 2025 gave 2024-01-01 as the actual start and "in
     * implementation" (code 2) after the programme had ended (the newcomer's review of session 14).
     */
    @Test
    void the_activity_dates_and_status_are_the_programmes_where_its_period_is_recorded() throws Exception {
        var demo = DemoRoster.programme();
        var programme = new org.cadre.roster.Programme(demo.id(), demo.title(), demo.donor(), demo.countries(), demo.sdgs(),
                java.util.Optional.of(org.cadre.roster.DateRange.of(LocalDate.of(2022, 1, 1), LocalDate.of(2025, 12, 31))));
        ProgrammeReport report = ProgrammeReports.of(programme, List.of(DemoRoster.almatyTot(), DemoRoster.dushanbeCascade()),
                DemoRoster.pool(), DemoResults.framework(), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31),
                Disclosure.forAudience(Audience.DONOR));

        String ended = IatiRenderer.activities(report, IOM, LocalDate.of(2026, 12, 7));
        String running = IatiRenderer.activities(report, IOM, LocalDate.of(2025, 1, 15));

        validate(ended);
        assertThat(ended).contains("<activity-status code=\"3\"/>")
                .contains("<activity-date iso-date=\"2022-01-01\" type=\"1\"/>").contains("<activity-date iso-date=\"2022-01-01\" type=\"2\"/>")
                .contains("<activity-date iso-date=\"2025-12-31\" type=\"3\"/>").contains("<activity-date iso-date=\"2025-12-31\" type=\"4\"/>")
                .doesNotContain("iso-date=\"2024-01-01\" type=");
        assertThat(running).contains("<activity-status code=\"2\"/>").doesNotContain("type=\"4\"/>");
        // The baseline is the programme's starting point, not the report's year (the newcomer's review of session 16).
        assertThat(ended).contains("<baseline year=\"2022\"").doesNotContain("<baseline year=\"2024\"");
    }

    /** A share of no one (a period without the people it counts) has no value and says so; it is not called withheld. */
    @Test
    void a_share_of_no_one_is_no_value_not_a_withheld_one() throws Exception {
        ProgrammeReport report = ProgrammeReports.of(DemoRoster.programme(), List.of(DemoRoster.almatyTot(), DemoRoster.dushanbeCascade()),
                DemoRoster.pool(), DemoResults.framework(), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31),
                Disclosure.forAudience(Audience.INTERNAL));

        String xml = IatiRenderer.activities(report, IOM, LocalDate.of(2026, 12, 7));

        validate(xml);
        assertThat(xml).contains("<comment><narrative>No one to count in this period (denominator 0): no value.</narrative></comment>")
                .doesNotContain("Withheld");
    }

    /** A programme without a results framework has no indicator, and so no result: the schema wants one in each. */
    @Test
    void a_programme_without_a_framework_is_valid_without_a_result() throws Exception {
        ProgrammeReport report = ProgrammeReports.of(DemoRoster.programme(), List.of(DemoRoster.almatyTot(), DemoRoster.dushanbeCascade()),
                DemoRoster.pool(), org.cadre.reporting.ResultsFramework.of(), LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31),
                Disclosure.forAudience(Audience.INTERNAL));

        String xml = IatiRenderer.activities(report, IOM, LocalDate.of(2025, 1, 15));

        validate(xml);
        assertThat(xml).doesNotContain("<result");
    }

    @Test
    void a_stored_framework_writes_each_targets_period_and_a_custom_actual_only_where_entered() throws Exception {
        LocalDate from = LocalDate.of(2023, 1, 1);
        LocalDate to = LocalDate.of(2023, 12, 31);
        var framework = org.cadre.reporting.ResultsFramework.of(
                org.cadre.reporting.ResultsFramework.Indicator.standard("I1", "Officials trained",
                        org.cadre.reporting.ResultsFramework.Metric.OFFICIALS_TRAINED, java.math.BigDecimal.ZERO,
                        List.of(org.cadre.reporting.ResultsFramework.Target.of(LocalDate.of(2022, 7, 1), LocalDate.of(2024, 6, 30),
                                java.math.BigDecimal.valueOf(80)))),
                org.cadre.reporting.ResultsFramework.Indicator.custom("C1", "Procedures adopted",
                        org.cadre.reporting.ResultsFramework.Measure.COUNT, java.math.BigDecimal.ZERO,
                        List.of(org.cadre.reporting.ResultsFramework.Target.of(from, to, java.math.BigDecimal.valueOf(2))),
                        List.of(org.cadre.reporting.ResultsFramework.ReportedActual.of(from, to, java.math.BigDecimal.ONE).withNote("Order 12"))),
                org.cadre.reporting.ResultsFramework.Indicator.custom("C2", "Posts applying them",
                        org.cadre.reporting.ResultsFramework.Measure.PERCENTAGE, java.math.BigDecimal.ZERO, List.of(), List.of()));
        ProgrammeReport report = ProgrammeReports.of(DemoRoster.programme(), List.of(DemoRoster.almatyTot(), DemoRoster.dushanbeCascade()),
                DemoRoster.pool(), framework, from, to, Disclosure.forAudience(Audience.PUBLIC));

        String xml = IatiRenderer.activities(report, IOM, LocalDate.of(2025, 1, 15));

        validate(xml);
        assertThat(xml).contains("<activity-date iso-date=\"2023-01-01\" type=\"1\"/>").contains("<activity-date iso-date=\"2023-12-31\" type=\"3\"/>")
                .contains("<target value=\"80\"><comment><narrative>Target for 2022-07-01 to 2024-06-30.</narrative></comment></target>")
                .contains("<target value=\"2\"></target>")
                .contains("<actual value=\"1\"><comment><narrative>Entered by staff: Order 12</narrative></comment></actual>")
                .contains("<indicator measure=\"2\" ascending=\"1\" aggregation-status=\"0\"><title><narrative>Posts applying them</narrative>");
        String posts = xml.substring(xml.indexOf("Posts applying them"));
        assertThat(posts.substring(0, posts.indexOf("</indicator>"))).doesNotContain("<actual").doesNotContain("<target");
    }
}
