package org.cadre.bench;

import java.util.concurrent.TimeUnit;
import org.cadre.curriculum.CourseFrame;
import org.cadre.curriculum.Curriculum;
import org.cadre.curriculum.CurriculumCheck;
import org.cadre.curriculum.CurriculumDiff;
import org.cadre.curriculum.fixtures.RandomCurricula;
import org.cadre.finding.Findings;
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
 * Checks a synthetic package of {@code modules} modules x 20 sessions x 10 outcomes per module (the
 * issue's size is 200 modules: 4,000 sessions, 2,000 outcomes, 2,001 assessment items), with the
 * feasibility and revision rules on. The sizes 50 to 800 show whether time grows linearly: time per
 * module should stay flat.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CurriculumCheckBenchmark {

    @Param({"50", "100", "200", "400", "800"})
    public int modules;

    private Curriculum previous;
    private Curriculum current;

    @Setup(Level.Trial)
    public void setUp() {
        previous = RandomCurricula.wellFormed(42, modules, 20, 10);
        current = previous.toBuilder().version("1.1.0").revises("1.0.0", "benchmark").build();
        Findings findings = CurriculumCheck.of(current).within(LARGE_ENOUGH).revising(previous).run();
        if (findings.hasErrors()) {
            throw new IllegalStateException("the synthetic package must check clean:\n" + findings);
        }
    }

    /** Every rule, with a course frame large enough to hold the package and the revision rules on. */
    @Benchmark
    public Findings checkEveryRule() {
        return CurriculumCheck.of(current).within(LARGE_ENOUGH).revising(previous).run();
    }

    private static final CourseFrame LARGE_ENOUGH = new CourseFrame(10_000, 600);

    /** The structural rules only. */
    @Benchmark
    public Findings checkStructure() {
        return CurriculumCheck.of(current).run();
    }

    @Benchmark
    public CurriculumDiff diff() {
        return CurriculumDiff.between(previous, current);
    }
}
