package org.cadre.reporting.demo;

import java.math.BigDecimal;
import org.cadre.reporting.ResultsFramework;
import org.cadre.reporting.ResultsFramework.Indicator;
import org.cadre.reporting.ResultsFramework.Metric;

/**
 * An illustrative results framework for the demo programme. The indicators are of the kind such
 * programmes report; baselines and targets are made up for the demo, not IOM's.
 */
public final class DemoResults {

    private DemoResults() {}

    public static ResultsFramework framework() {
        return ResultsFramework.of(
                new Indicator("I1", "Border officials trained on countering migrant smuggling", Metric.OFFICIALS_TRAINED,
                        BigDecimal.ZERO, BigDecimal.valueOf(100)),
                new Indicator("I2", "Share of women among the officials trained", Metric.WOMEN_SHARE,
                        BigDecimal.TEN, BigDecimal.valueOf(25)),
                new Indicator("I3", "ToT participants certified (admitted to the pool as co-trainers)", Metric.TOT_CERTIFICATION_RATE,
                        BigDecimal.ZERO, BigDecimal.valueOf(80)),
                new Indicator("I4", "Post-tests reaching the pass mark", Metric.POST_TEST_PASS_RATE,
                        BigDecimal.ZERO, BigDecimal.valueOf(75)),
                new Indicator("I5", "Certified trainers in the pool (national and international)", Metric.CERTIFIED_TRAINERS,
                        BigDecimal.ZERO, BigDecimal.TEN),
                new Indicator("I6", "Officers trained by the programme's own ToT graduates", Metric.CASCADE_OFFICERS,
                        BigDecimal.ZERO, BigDecimal.valueOf(200)));
    }
}
