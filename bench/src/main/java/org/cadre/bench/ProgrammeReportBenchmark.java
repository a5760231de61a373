package org.cadre.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cadre.reporting.ProgrammeReport;
import org.cadre.reporting.ProgrammeReports;
import org.cadre.reporting.demo.DemoResults;
import org.cadre.reporting.disclosure.Audience;
import org.cadre.reporting.disclosure.Disclosure;
import org.cadre.roster.EventRoster;
import org.cadre.roster.demo.DemoRoster;
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
 * A programme report (donor audience, disclosure control on) over {@code events} events held in memory:
 * 20,000 events are 200,000 people and 5,040,000 attendance marks; 10,000 half of each, to show how time
 * grows. Prints the input's live heap once per trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g", "-Xms8g"})
public class ProgrammeReportBenchmark {

    @Param({"10000", "20000"})
    public int events;

    private List<EventRoster> rosters;
    private TrainerPool pool;

    @Setup(Level.Trial)
    public void setUp() {
        rosters = ProgrammeScale.build(events, 3);
        pool = DemoRoster.pool();
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long marks = rosters.stream().mapToLong(r -> r.attendance().size()).sum();
        System.out.printf("%n[input] %d events, %d people, %d attendance marks, live heap after GC %d MB%n", rosters.size(),
                events * 10, marks, (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
    }

    @Benchmark
    public ProgrammeReport donorReport() {
        return ProgrammeReports.of(DemoRoster.programme(), rosters, pool, DemoResults.framework(), LocalDate.of(2023, 1, 1),
                LocalDate.of(2024, 12, 31), Disclosure.forAudience(Audience.DONOR));
    }
}
