package org.cadre.reporting.render;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.cadre.kernel.Require;
import org.cadre.reporting.EventReports;
import org.cadre.reporting.ProgrammeReport;
import org.cadre.reporting.ProgrammeReport.IndicatorResult;
import org.cadre.reporting.disclosure.Cell;
import org.cadre.reporting.disclosure.Share;
import org.cadre.reporting.disclosure.Table;

/**
 * A programme report's results framework as an IATI 2.03 activity: one output {@code result} whose
 * indicators carry baseline, the period's target (with a comment when it is another period's or the whole
 * programme's) and actual (counts as unit measures, shares as percentages; a custom indicator's as staff
 * entered it, and none when they entered none), with the officials trained disaggregated by {@code sex} and {@code country} dimensions,
 * and the programme's SDGs as {@code tag} elements (vocabulary 2, SDG goals). Withheld figures are left
 * out of {@code value} and explained in a comment, never written as 0.
 */
public final class IatiRenderer {

    /**
     * Who publishes the activity.
     *
     * @param ref the organisation identifier, such as {@code XM-DAC-47066}
     * @param type IATI organisation type code, such as {@code 40} (multilateral)
     */
    public record Publisher(String ref, String name, String type) {
        public Publisher {
            Require.text(ref, "Publisher.ref");
            Require.text(name, "Publisher.name");
            Require.text(type, "Publisher.type");
        }
    }

    private IatiRenderer() {}

    /**
     * The activity as of a day, its time stamps written as that day's midnight (UTC): for an embedder that has only the
     * day. A server that knows the moment passes it ({@link #activities(ProgrammeReport, Publisher, String, Instant)}).
     */
    public static String activities(ProgrammeReport report, Publisher publisher, LocalDate generatedOn) {
        return activities(report, publisher, NOT_RECORDED, generatedOn, generatedOn.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /**
     * The activity as generated at a moment: {@code generated-datetime} and {@code last-updated-datetime} are that moment
     * to the second (they read midnight of every day: the newcomer's review of session 22), and its status and actual dates
     * are judged by its day in UTC.
     *
     * @param implementer the implementing organisation (role 4), as the CSV's {@code #org +impl} column names it
     *     ({@code ProgrammeReports.implementer}); "not recorded" names the publisher there instead. (The publisher
     *     stood there always, so a file whose publisher was not configured named no implementer while its CSV named
     *     IOM: the newcomer's review of session 22.)
     */
    public static String activities(ProgrammeReport report, Publisher publisher, String implementer, Instant generatedAt) {
        return activities(report, publisher, implementer, LocalDate.ofInstant(generatedAt, ZoneOffset.UTC), generatedAt);
    }

    /** What {@code ProgrammeReports.implementer} answers when no implementing organisation is on the rosters. */
    private static final String NOT_RECORDED = "not recorded";

    private static String activities(ProgrammeReport report, Publisher publisher, String implementer, LocalDate generatedOn,
            Instant generatedAt) {
        Require.text(implementer, "implementer");
        String stamp = DateTimeFormatter.ISO_INSTANT.format(generatedAt.truncatedTo(ChronoUnit.SECONDS));
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("iati-activities");
            x.writeAttribute("version", "2.03");
            x.writeAttribute("generated-datetime", stamp);
            x.writeStartElement("iati-activity");
            x.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", "en");
            x.writeAttribute("last-updated-datetime", stamp);
            text(x, "iati-identifier", publisher.ref() + "-" + report.programme().id());
            x.writeStartElement("reporting-org");
            x.writeAttribute("ref", publisher.ref());
            x.writeAttribute("type", publisher.type());
            narrative(x, publisher.name());
            x.writeEndElement();
            narrativeElement(x, "title", report.programme().title());
            x.writeStartElement("description");
            x.writeAttribute("type", "1");
            narrative(x, report.programme().title() + ". Donor: " + report.programme().donor() + ".");
            x.writeEndElement();
            participatingOrg(x, "1", report.programme().donor(), null);
            if (implementer.equals(NOT_RECORDED) || implementer.equals(publisher.name())) {
                participatingOrg(x, "4", publisher.name(), publisher.ref());
            } else {
                participatingOrg(x, "4", implementer, null);
            }
            // The activity's dates are the programme's period where it is recorded (the report's period is each result's
            // own), else the report's: a report of 2024 on a programme of 2022 to 2025 gave 2024-01-01 as its actual start,
            // and a programme that had ended read "in implementation" (the newcomer's review of session 14).
            boolean recorded = report.programme().start().isPresent();
            LocalDate start = report.programme().start().orElse(report.from());
            LocalDate end = report.programme().end().orElse(report.to());
            x.writeEmptyElement("activity-status");
            // 1 pipeline (not begun), 2 implementation, 3 finalisation (its period over; whether its books are closed,
            // code 4, is not recorded here).
            x.writeAttribute("code", start.isAfter(generatedOn) ? "1" : recorded && end.isBefore(generatedOn) ? "3" : "2");
            activityDate(x, start, "1");
            if (!start.isAfter(generatedOn)) {
                activityDate(x, start, "2");
            }
            activityDate(x, end, "3");
            if (recorded && end.isBefore(generatedOn)) {
                activityDate(x, end, "4");
            }
            for (String country : report.programme().countries()) {
                x.writeEmptyElement("recipient-country");
                x.writeAttribute("code", country);
            }
            for (int goal : report.programme().sdgs()) {
                x.writeEmptyElement("tag");
                x.writeAttribute("vocabulary", "2");
                x.writeAttribute("code", Integer.toString(goal));
            }
            // A result holds at least one indicator in the schema: a programme with no results framework has none, and
            // its file was invalid (the re-check of session 14).
            if (!report.indicators().isEmpty()) {
                result(x, report);
            }
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("IATI XML could not be written", e);
        }
        return XmlText.clean(out.toString());
    }

    private static void activityDate(XMLStreamWriter x, LocalDate day, String type) throws XMLStreamException {
        x.writeEmptyElement("activity-date");
        x.writeAttribute("iso-date", day.toString());
        x.writeAttribute("type", type);
    }

    private static void result(XMLStreamWriter x, ProgrammeReport report) throws XMLStreamException {
        x.writeStartElement("result");
        x.writeAttribute("type", "1");
        x.writeAttribute("aggregation-status", "1");
        narrativeElement(x, "title", "Border officials trained and national trainer pools formed");
        for (IndicatorResult i : report.indicators()) {
            boolean percentage = "percentage".equals(i.measure());
            x.writeStartElement("indicator");
            x.writeAttribute("measure", percentage ? "2" : "1");
            x.writeAttribute("ascending", "1");
            x.writeAttribute("aggregation-status", percentage ? "0" : "1");
            narrativeElement(x, "title", i.title());
            x.writeStartElement("description");
            narrative(x, i.computedAs().map(definition -> "Computed as " + definition + ".")
                    .orElse("Entered by staff for each period, as reported to them."));
            x.writeEndElement();
            x.writeEmptyElement("baseline");
            // The baseline is where the programme started from: the year its recorded period begins, else the report's first
            // (a report of 2024 on a programme of 2022 to 2025 gave 2024: the newcomer's review of session 16).
            x.writeAttribute("year", Integer.toString(report.programme().start().orElse(report.from()).getYear()));
            x.writeAttribute("value", plain(i.baseline()));
            x.writeStartElement("period");
            x.writeEmptyElement("period-start");
            x.writeAttribute("iso-date", report.from().toString());
            x.writeEmptyElement("period-end");
            x.writeAttribute("iso-date", report.to().toString());
            if (i.target().isPresent()) {
                x.writeStartElement("target");
                x.writeAttribute("value", plain(i.target().get()));
                if (i.targetPeriod().isEmpty()) {
                    narrativeElement(x, "comment", "Target for the whole programme.");
                } else if (!i.targetPeriod().get().first().equals(report.from()) || !i.targetPeriod().get().last().equals(report.to())) {
                    narrativeElement(x, "comment", "Target for " + i.targetPeriod().get().first() + " to " + i.targetPeriod().get().last() + ".");
                }
                x.writeEndElement();
            }
            if (i.isCustom()) {
                // As entered, and only when entered: no actual is not an actual of 0.
                if (i.reported().isPresent()) {
                    x.writeStartElement("actual");
                    x.writeAttribute("value", plain(i.reported().get()));
                    narrativeElement(x, "comment", "Entered by staff" + i.note().map(n -> ": " + n).orElse("."));
                    x.writeEndElement();
                }
            } else if (percentage) {
                Share share = i.actual().orElseThrow();
                if (share.denominator().isPublished() && share.denominator().get() == 0) {
                    // A share of no one is no value, not a withheld one (the newcomer's review of session 17).
                    x.writeStartElement("actual");
                    narrativeElement(x, "comment", "No one to count in this period (denominator 0): no value.");
                    x.writeEndElement();
                } else {
                    // Withheld, the denominator the report publishes is still said (the newcomer's review of session 19).
                    actual(x, share.percent().map(IatiRenderer::plain),
                            Optional.of("Numerator " + share.numerator().text() + ", denominator " + share.denominator().text() + "."),
                            share.denominator().isPublished() ? " Denominator " + share.denominator().get() + "." : "");
                }
            } else {
                Cell count = i.count().orElseThrow();
                actual(x, count.isPublished() ? Optional.of(Long.toString(count.get())) : Optional.empty(), Optional.empty(), "");
                if (i.id().equals(firstOfficialsIndicator(report))) {
                    dimensions(x, report.officialsBySexAndCountry());
                }
            }
            x.writeEndElement();
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    private static String firstOfficialsIndicator(ProgrammeReport report) {
        return report.indicators().stream().filter(i -> i.computedAs().filter(c -> c.startsWith("distinct participants present at any event")).isPresent())
                .map(IndicatorResult::id).findFirst().orElse("");
    }

    /** One actual per sex and one per country, from the table's totals. */
    private static void dimensions(XMLStreamWriter x, Table t) throws XMLStreamException {
        List<String> sexes = EventReports.SEX_COLUMNS;
        for (int c = 0; c < sexes.size(); c++) {
            actualWithDimension(x, t.columnTotals().get(c), "sex", sexes.get(c));
        }
        for (int r = 0; r < t.rows().size(); r++) {
            actualWithDimension(x, t.rowTotals().get(r), "country", t.rows().get(r));
        }
    }

    private static void actualWithDimension(XMLStreamWriter x, Cell cell, String name, String value) throws XMLStreamException {
        x.writeStartElement("actual");
        if (cell.isPublished()) {
            x.writeAttribute("value", Long.toString(cell.get()));
        }
        x.writeEmptyElement("dimension");
        x.writeAttribute("name", name);
        x.writeAttribute("value", value);
        if (cell.suppressed()) {
            withheldComment(x);
        }
        x.writeEndElement();
    }

    /**
     * An actual: its value and comment, or without a value, the comment that it is withheld followed by {@code published}
     * (what the report still publishes of it, such as a share's denominator).
     */
    private static void actual(XMLStreamWriter x, Optional<String> value, Optional<String> comment, String published)
            throws XMLStreamException {
        x.writeStartElement("actual");
        if (value.isPresent()) {
            x.writeAttribute("value", value.get());
            if (comment.isPresent()) {
                narrativeElement(x, "comment", comment.get());
            }
        } else {
            narrativeElement(x, "comment", WITHHELD + published);
        }
        x.writeEndElement();
    }

    private static final String WITHHELD = "Withheld to protect individuals (disclosure control).";

    private static void withheldComment(XMLStreamWriter x) throws XMLStreamException {
        narrativeElement(x, "comment", WITHHELD);
    }

    private static void participatingOrg(XMLStreamWriter x, String role, String name, String ref) throws XMLStreamException {
        x.writeStartElement("participating-org");
        x.writeAttribute("role", role);
        if (ref != null) {
            x.writeAttribute("ref", ref);
        }
        narrative(x, name);
        x.writeEndElement();
    }

    private static void narrativeElement(XMLStreamWriter x, String element, String text) throws XMLStreamException {
        x.writeStartElement(element);
        narrative(x, text);
        x.writeEndElement();
    }

    private static void narrative(XMLStreamWriter x, String text) throws XMLStreamException {
        text(x, "narrative", text);
    }

    private static void text(XMLStreamWriter x, String element, String text) throws XMLStreamException {
        x.writeStartElement(element);
        x.writeCharacters(text);
        x.writeEndElement();
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
