package org.cadre.reporting;

import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import org.cadre.kernel.Require;

/**
 * A programme's results framework: indicators with baseline and target; the actuals are computed by
 * {@link ProgrammeReports} from the roster, never typed in.
 */
public record ResultsFramework(ImmutableList<Indicator> indicators) {

    public ResultsFramework {
        indicators = Require.list(indicators, "ResultsFramework.indicators");
    }

    public static ResultsFramework of(Indicator... indicators) {
        return new ResultsFramework(ImmutableList.copyOf(indicators));
    }

    /** One indicator: what it measures (a {@link Metric}), its baseline and its target. */
    public record Indicator(String id, String title, Metric metric, BigDecimal baseline, BigDecimal target) {
        public Indicator {
            Require.code(id, "Indicator.id");
            title = Require.text(title, "Indicator.title");
            Require.present(metric, "Indicator.metric");
            Require.present(baseline, "Indicator.baseline");
            Require.present(target, "Indicator.target");
        }
    }

    /** What an indicator's actual is computed from. */
    public enum Metric {
        /** Distinct officials present at the period's events (count). */
        OFFICIALS_TRAINED(false, "distinct participants present at any event of the period"),
        /** Women among the officials trained (percentage). */
        WOMEN_SHARE(true, "female officials trained / officials trained"),
        /** ToT participants certified (percentage). */
        TOT_CERTIFICATION_RATE(true, "ToT participants certified / ToT participants holding a seat"),
        /** Paired tests whose post-test reached the pass mark (percentage). */
        POST_TEST_PASS_RATE(true, "paired tests of participants holding a seat whose post-test reached the pass mark / those paired tests"),
        /** Certified and lead trainers in the pool at the period's end (count). */
        CERTIFIED_TRAINERS(false, "people at certified-trainer or lead-trainer level on the last day"),
        /** Officers trained in cascades by the programme's ToT graduates (count). */
        CASCADE_OFFICERS(false, "distinct participants present at the period's cascades, whatever the period of the ToT their trainers came from");

        private final boolean percentage;
        private final String definition;

        Metric(boolean percentage, String definition) {
            this.percentage = percentage;
            this.definition = definition;
        }

        public boolean isPercentage() {
            return percentage;
        }

        public String definition() {
            return definition;
        }
    }

}
