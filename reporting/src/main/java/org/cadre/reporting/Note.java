package org.cadre.reporting;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.cadre.kernel.Require;
import org.cadre.reporting.disclosure.Cell;

/**
 * A report's footnote: which note it is and the figures it quotes. The JSON writes it as its English {@link #text()}, as it
 * always has; a renderer for another language writes its own words for the {@link Code} and fills in the same arguments, so a
 * report read in Russian explains its withheld cells in Russian.
 *
 * @param code which note
 * @param arguments the figures the note quotes, in the order of its template's {@code {0}}, {@code {1}}, ...
 */
public record Note(Code code, ImmutableList<String> arguments) {

    /** The notes reports carry, each with its English template. */
    public enum Code {
        /** What the suppression marker means: {0} the marker, {1} the threshold k. */
        WITHHELD("\"{0}\": a figure left out to protect individuals, because it counts fewer than {1} people or because such a "
                + "count could be worked out from it. Never a zero."),
        /** Why a mean is withheld: {0} the threshold k. */
        MEAN_WITHHELD("A mean shown as withheld beside its n is left out because, with the other figures, it would let a count "
                + "below {0} be worked out (for example, a post-test mean near the maximum bounds how many fell below the pass "
                + "mark; a mean by learning outcome, pre or post, can do the same); it is "
                + "not a low result."),
        /** An event report's rounding. */
        EVENT_ROUNDING("Percentages to one decimal and means to two (a mean score in per cent, as by learning outcome, is a mean), "
                + "rounded half up; every percentage shows its denominator."),
        /** Certification not assessed: the event records for no participant evidence its certification needs. */
        CERTIFICATION_NOT_ASSESSED("Certification was not assessed: the event records for no participant evidence the package's "
                + "certification requires (certification.notRecorded names it), so the certified share counts no one certified "
                + "for want of records, not failures."),
        /** Knowledge from paired tests only. */
        PAIRED_TESTS("Knowledge figures use paired pre- and post-tests only; unpaired tests are counted and left out."),
        /** A programme report over more events than are audited with it: {0} that number. */
        NOT_LINKED("This report was checked against its own figures; with more than {0} events in the period it was not "
                + "checked together with the events' own reports."),
        /** A programme without a results framework. */
        NO_FRAMEWORK("No results framework is recorded for this programme, so the report shows no indicators."),
        /** Custom indicators' actuals as entered. */
        CUSTOM_ACTUALS("Actuals of custom indicators are published as staff entered them for the period; they are not computed "
                + "from the data and not checked by disclosure control."),
        /** People counted once in a period. */
        COUNTED_ONCE("The officials trained count each person once in the period, however many events they attended; the "
                + "events, the regions and each graduate's officers count them at each."),
        /** A programme report's rounding. */
        PROGRAMME_ROUNDING("Percentages to one decimal and multipliers to two, rounded half up; every percentage shows its "
                + "denominator.");

        private final String english;

        Code(String english) {
            this.english = english;
        }

        /** The English template, with {@code {0}}, {@code {1}}, ... where the arguments go. */
        public String english() {
            return english;
        }

        /** How many arguments the template takes. */
        public int arity() {
            int n = 0;
            while (english.contains("{" + n + "}")) {
                n++;
            }
            return n;
        }
    }

    public Note {
        Require.present(code, "Note.code");
        arguments = Require.list(arguments, "Note.arguments");
        if (arguments.size() != code.arity()) {
            throw new IllegalArgumentException("Note." + code + " takes " + code.arity() + " arguments, not " + arguments.size());
        }
    }

    /** A note that quotes nothing, or the figures given. */
    public static Note of(Code code, Object... arguments) {
        return new Note(code, ImmutableList.copyOf(java.util.Arrays.stream(arguments).map(String::valueOf).iterator()));
    }

    /** What the suppression marker means under a threshold of {@code k}. */
    public static Note withheld(int k) {
        return of(Code.WITHHELD, Cell.MARKER, k);
    }

    /** The note in English, as the JSON carries it. */
    public String text() {
        return fill(code.english(), arguments);
    }

    /** A template with its {@code {0}}, {@code {1}}, ... replaced by the arguments, in any language. */
    public static String fill(String template, List<String> arguments) {
        String out = template;
        for (int i = 0; i < arguments.size(); i++) {
            out = out.replace("{" + i + "}", arguments.get(i));
        }
        return out;
    }

    @Override
    public String toString() {
        return text();
    }
}
