package org.cadre.reporting.render;

import com.google.common.escape.Escaper;
import com.google.common.html.HtmlEscapers;
import java.util.List;
import java.util.Locale;
import org.cadre.reporting.disclosure.Cell;

/**
 * A small renderer of horizontal bar charts as inline SVG: one bar per category, stacked by series,
 * with a title and a description as text alternatives. Suppressed values are not drawn; the bar's label
 * shows the suppression marker instead. Coordinates are written with a point as decimal separator
 * whatever the locale.
 */
final class SvgChart {

    static final String[] COLOURS = {"#1f5f8b", "#e07b39", "#6a9f58", "#8c6bb1", "#999999"};
    private static final Escaper ESCAPE = HtmlEscapers.htmlEscaper();

    /**
     * One bar: its label and one value per series.
     *
     * @param colourOffset added to the series index to pick the colour, so bars of one series can differ
     * @param total the bar's total as the report publishes it (a table's row total), or null: written at the bar's end
     *     when published, though some of its parts are withheld (the newcomer's review of session 17: a country's bar
     *     read "<k" beside its total of 18 in the table)
     */
    record Bar(String label, List<Cell> values, int colourOffset, Cell total) {

        /** A bar whose end shows the sum of its parts drawn, and the marker if any part is withheld. */
        Bar(String label, List<Cell> values, int colourOffset) {
            this(label, values, colourOffset, null);
        }
    }

    private SvgChart() {}

    /**
     * @param id unique within the page, for the title and description ids
     * @param series the names of the series, in stacking order
     * @param withheld the word a withheld part is shown by, in the page's language
     */
    static String bars(String id, String title, String description, List<String> series, List<Bar> bars, String withheld) {
        int labelWidth = 220;
        int plotWidth = 420;
        int barHeight = 22;
        int gap = 8;
        // A bar's withheld parts are drawn as an outline, not a colour (a grey fill read as the grey of rating 5: the
        // newcomer's review of session 22), and the legend names the outline whenever a chart draws one.
        boolean drawsWithheld = bars.stream().anyMatch(SvgChart::drawsWithheld);
        int legendHeight = series.size() > 1 || drawsWithheld ? 24 : 0;
        int height = legendHeight + bars.size() * (barHeight + gap) + gap;
        long max = 1;
        for (Bar bar : bars) {
            long sum = bar.values().stream().filter(Cell::isPublished).mapToLong(Cell::get).sum();
            max = Math.max(max, bar.total() != null && bar.total().isPublished() ? Math.max(sum, bar.total().get()) : sum);
        }
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" width=\"")
                .append(labelWidth + plotWidth + 60).append("\" height=\"").append(height)
                .append("\" aria-labelledby=\"").append(id).append("-title ").append(id).append("-desc\">")
                .append("<title id=\"").append(id).append("-title\">").append(ESCAPE.escape(title)).append("</title>")
                .append("<desc id=\"").append(id).append("-desc\">").append(ESCAPE.escape(description)).append("</desc>");
        int legendX = labelWidth;
        if (series.size() > 1) {
            for (int s = 0; s < series.size(); s++) {
                svg.append("<rect x=\"").append(legendX).append("\" y=\"6\" width=\"12\" height=\"12\" fill=\"")
                        .append(COLOURS[s % COLOURS.length]).append("\"/>")
                        .append("<text x=\"").append(legendX + 16).append("\" y=\"16\" font-size=\"12\">")
                        .append(ESCAPE.escape(series.get(s))).append("</text>");
                legendX += 24 + 8 * series.get(s).length();
            }
        }
        if (drawsWithheld) {
            svg.append("<rect class=\"withheld-key\" x=\"").append(legendX).append("\" y=\"6\" width=\"12\" height=\"12\" ")
                    .append(WITHHELD_STYLE).append("/>")
                    .append("<text x=\"").append(legendX + 16).append("\" y=\"16\" font-size=\"12\">")
                    .append(ESCAPE.escape(withheld)).append("</text>");
        }
        int y = legendHeight + gap;
        for (Bar bar : bars) {
            svg.append("<text x=\"").append(labelWidth - 6).append("\" y=\"").append(y + 15)
                    .append("\" font-size=\"12\" text-anchor=\"end\">").append(ESCAPE.escape(shorten(bar.label(), LABEL_CHARACTERS))).append("</text>");
            double x = labelWidth;
            boolean anySuppressed = false;
            long sum = 0;
            for (int s = 0; s < bar.values().size(); s++) {
                Cell v = bar.values().get(s);
                if (v.suppressed()) {
                    anySuppressed = true;
                    continue;
                }
                double w = plotWidth * (double) v.get() / max;
                if (w > 0) {
                    svg.append("<rect class=\"bar\" x=\"").append(fmt(x)).append("\" y=\"").append(y)
                            .append("\" width=\"").append(fmt(w)).append("\" height=\"").append(barHeight)
                            .append("\" fill=\"").append(COLOURS[(s + bar.colourOffset()) % COLOURS.length]).append("\"><title>")
                            .append(ESCAPE.escape(bar.label() + ", " + series.get(s) + ": " + v.get())).append("</title></rect>");
                }
                x += w;
                sum += v.get();
            }
            // The withheld parts of a bar whose total is published, as one outlined part: the rest of the total, which the table
            // beside gives as well (its total less its published cells). Without it a country whose split by sex is
            // withheld drew no bar at all beside its published total (the newcomer's review of session 22).
            if (drawsWithheld(bar)) {
                double w = plotWidth * (double) (bar.total().get() - sum) / max;
                svg.append("<rect class=\"bar withheld\" x=\"").append(fmt(x)).append("\" y=\"").append(y)
                        .append("\" width=\"").append(fmt(w)).append("\" height=\"").append(barHeight)
                        .append("\" ").append(WITHHELD_STYLE).append("><title>")
                        .append(ESCAPE.escape(bar.label() + ": " + bar.total().get() + "; " + withheld + ": " + String.join(", ",
                                withheldSeries(bar, series)))).append("</title></rect>");
                x += w;
            }
            svg.append("<text x=\"").append(fmt(x + 4)).append("\" y=\"").append(y + 15).append("\" font-size=\"12\">")
                    .append(bar.total() != null && bar.total().isPublished() ? Long.toString(bar.total().get())
                            : anySuppressed ? (sum > 0 ? sum + " + " : "") + ESCAPE.escape(withheld) : Long.toString(sum))
                    .append("</text>");
            y += barHeight + gap;
        }
        return svg.append("</svg>").toString();
    }

    /**
     * The most characters of a bar's label, which ends at x = 214: about 6.5 pixels a character at 12 pixels in DejaVu
     * Sans, so 31 fit (34 lost the session code's first letter on the left: "I2.S2 Smuggling ...").
     */
    static final int LABEL_CHARACTERS = 31;

    /** How a bar's withheld parts are drawn: an outline, dashed, with no fill, unlike every series' colour. */
    static final String WITHHELD_STYLE = "fill=\"#ffffff\" stroke=\"#555555\" stroke-dasharray=\"4 2\"";

    /** Whether the bar draws the withheld rest of a published total: some part withheld, and the published parts short of it. */
    private static boolean drawsWithheld(Bar bar) {
        if (bar.total() == null || !bar.total().isPublished() || bar.values().stream().noneMatch(Cell::suppressed)) {
            return false;
        }
        return bar.total().get() > bar.values().stream().filter(Cell::isPublished).mapToLong(Cell::get).sum();
    }

    /** The names of the series whose parts of the bar are withheld, in order. */
    private static List<String> withheldSeries(Bar bar, List<String> series) {
        List<String> names = new java.util.ArrayList<>();
        for (int s = 0; s < bar.values().size(); s++) {
            if (bar.values().get(s).suppressed()) {
                names.add(series.get(s));
            }
        }
        return names;
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
