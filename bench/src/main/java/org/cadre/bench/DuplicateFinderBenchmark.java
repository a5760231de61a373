package org.cadre.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cadre.roster.Person;
import org.cadre.roster.fixtures.SyntheticPeople;
import org.cadre.roster.names.DuplicateCandidate;
import org.cadre.roster.names.DuplicateFinder;
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
 * Duplicate candidates among synthetic people with Cyrillic and Latin variants (one in ten a second
 * record of another). The size is 100,000; 10,000 beside it shows how time grows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class DuplicateFinderBenchmark {

    @Param({"10000", "100000"})
    public int people;

    private List<Person> population;

    @Setup(Level.Trial)
    public void setUp() {
        population = SyntheticPeople.people(11, people);
    }

    @Benchmark
    public List<DuplicateCandidate> candidates() {
        return DuplicateFinder.candidates(population);
    }
}
