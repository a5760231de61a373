package org.cadre.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cadre.reporting.EventReports;
import org.cadre.reporting.ProgrammeReports;
import org.cadre.reporting.demo.DemoResults;
import org.cadre.reporting.disclosure.Audience;
import org.cadre.reporting.disclosure.Disclosure;
import org.cadre.roster.EventRoster;
import org.cadre.roster.demo.DemoRoster;
import org.cadre.roster.fixtures.SyntheticRosters;
import org.cadre.roster.pool.TrainerPool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the disclosure audit costs: the same report built for the internal audience (no suppression, no
 * audit: the raw limit) and for donors (rules, audit, complementary suppression), in the same run. Cases:
 * the demo ToT's event report; a 1,000-person event of 20 sessions; a programme report over 10 events
 * (audited together with the events' own donor reports, which it builds) and over 50 and 20,000 events
 * (above {@link ProgrammeReports#LINKED_EVENTS}: audited on its own figures).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-Xms6g"})
public class DisclosureAuditBenchmark {

    @Param({"demo-event", "event-1000", "programme-10", "programme-50", "programme-20000"})
    public String shape;

    @Param({"internal", "donor"})
    public String audience;

    private EventRoster event;
    private List<EventRoster> rosters;
    private TrainerPool pool;
    private Disclosure disclosure;

    @Setup(Level.Trial)
    public void setUp() {
        disclosure = Disclosure.forAudience(Audience.valueOf(audience.toUpperCase(java.util.Locale.ROOT)));
        pool = DemoRoster.pool();
        switch (shape) {
            case "demo-event" -> event = DemoRoster.almatyTot();
            case "event-1000" -> event = SyntheticRosters.event(1000, 1000, 20);
            default -> rosters = ProgrammeScale.build(Integer.parseInt(shape.substring("programme-".length())), 3);
        }
    }

    @Benchmark
    public Object report() {
        if (event != null) {
            return EventReports.of(event, disclosure);
        }
        return ProgrammeReports.of(DemoRoster.programme(), rosters, pool, DemoResults.framework(), LocalDate.of(2023, 1, 1),
                LocalDate.of(2024, 12, 31), disclosure);
    }
}
