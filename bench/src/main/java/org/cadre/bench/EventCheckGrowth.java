package org.cadre.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cadre.roster.EventCheck;
import org.cadre.roster.EventRoster;
import org.cadre.roster.fixtures.SyntheticRosters;

/**
 * How the event check grows from 1,000 to 10,000 participants, both sizes measured in turn in one JVM: a
 * bounded harness beside {@link EventCheckBenchmark}, whose two sizes run one after the other about half a
 * minute apart, so that on a shared machine a change of speed between them moves the ratio by a third.
 * Here each round checks the 1,000-participant roster for about half a second and then the 10,000 one for
 * about as long, and the figures are the medians over the rounds: a slow spell slows both sizes of a
 * round. A third line checks ten different rosters of 1,000 in turn (about as many people in all as the
 * large one), to show how much of the growth is the small roster staying in the processor's caches between
 * its checks rather than work that grows faster than the roster.
 *
 * <p>Run: {@code java -Xmx4g -cp bench/target/benchmarks.jar org.cadre.bench.EventCheckGrowth [rounds]}
 * (default 20 rounds after 10 of warm-up).
 */
public final class EventCheckGrowth {

    private EventCheckGrowth() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, was " + rounds);
        }
        EventRoster small = SyntheticRosters.event(7, 1_000, 40);
        EventRoster large = SyntheticRosters.event(7, 10_000, 40);
        EventRoster[] ten = new EventRoster[10];
        for (int r = 0; r < ten.length; r++) {
            ten[r] = SyntheticRosters.event(100 + r, 1_000, 40);
        }
        List<double[]> measured = new ArrayList<>();
        for (int round = -10; round < rounds; round++) {
            double s = perCheck(new EventRoster[] {small}, 150);
            double l = perCheck(new EventRoster[] {large}, 15);
            double t = perCheck(ten, 150);
            if (round >= 0) {
                measured.add(new double[] {s, l, t});
                System.out.printf(Locale.ROOT, "round %2d: 1,000 %.2f ms, 10,000 %.2f ms (x%.1f); ten rosters of 1,000 in turn %.2f ms%n",
                        round + 1, s, l, l / s, t);
            }
        }
        double s = median(measured, 0);
        double l = median(measured, 1);
        double t = median(measured, 2);
        double[] ratios = measured.stream().mapToDouble(m -> m[1] / m[0]).sorted().toArray();
        System.out.printf(Locale.ROOT, "medians over %d rounds: 1,000 %.2f ms, 10,000 %.2f ms: x%.2f (rounds x%.1f to x%.1f, middle half x%.1f to x%.1f)%n",
                measured.size(), s, l, l / s, ratios[0], ratios[ratios.length - 1], ratios[ratios.length / 4],
                ratios[3 * ratios.length / 4]);
        System.out.printf(Locale.ROOT, "ten rosters of 1,000 in turn: %.2f ms a check; 10,000 against it: x%.2f%n", t, l / t);
    }

    /** Milliseconds per check over {@code checks} checks of the rosters in turn. */
    private static double perCheck(EventRoster[] rosters, int checks) {
        long start = System.nanoTime();
        int findings = 0;
        for (int c = 0; c < checks; c++) {
            findings += EventCheck.of(rosters[c % rosters.length]).run().all().size();
        }
        if (findings < 0) {
            throw new AssertionError(); // keeps the checks' results in use
        }
        return (System.nanoTime() - start) / 1e6 / checks;
    }

    private static double median(List<double[]> measured, int column) {
        double[] values = measured.stream().mapToDouble(m -> m[column]).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2] : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }
}
