package org.cadre.bench;

import java.util.concurrent.TimeUnit;
import org.cadre.finding.Findings;
import org.cadre.roster.EventCheck;
import org.cadre.roster.EventRoster;
import org.cadre.roster.fixtures.SyntheticRosters;
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
 * Checks one event with {@code participants} enrolments (plus one trainer per 10) on a 40-session
 * package: every event rule, including duplicate detection among the people, over 40 attendance marks
 * and two tests per participant. The size is 1,000; 100 and 10,000 show how time grows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class EventCheckBenchmark {

    @Param({"100", "1000", "10000"})
    public int participants;

    private EventRoster roster;

    @Setup(Level.Trial)
    public void setUp() {
        roster = SyntheticRosters.event(7, participants, 40);
    }

    @Benchmark
    public Findings checkEveryRule() {
        return EventCheck.of(roster).run();
    }
}
