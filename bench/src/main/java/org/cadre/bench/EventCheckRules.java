package org.cadre.bench;

import java.util.List;
import java.util.Locale;
import org.cadre.finding.Rule;
import org.cadre.roster.EventCheck;
import org.cadre.roster.EventRoster;
import org.cadre.roster.EventRule;
import org.cadre.roster.fixtures.SyntheticRosters;

/**
 * Each event rule's time within whole checks, at 1,000 and 10,000 participants: every check runs every rule
 * in the usual order on one {@link EventCheck} (so what the rules share is worked out once, as in a real
 * check), and each rule's time is summed apart. A rule that grows faster here than when run alone
 * ({@link EventCheckSplit}) reads data the other rules have pushed out of the processor's caches. A bounded
 * harness beside {@link EventCheckBenchmark}; the clock read around each rule adds a little to every rule.
 *
 * <p>Run: {@code java -Xmx4g -cp bench/target/benchmarks.jar org.cadre.bench.EventCheckRules [seconds]}
 * (default 5 s per size, twice, after one round of warm-up). Prints the rules taking more than 0.01 ms at
 * 1,000 or 0.1 ms at 10,000, then the sum, each as "1,000 ms, 10,000 ms, growth".
 */
public final class EventCheckRules {

    private EventCheckRules() {}

    private static final String USAGE = "usage: EventCheckRules [seconds per size and round (default 5)]";

    public static void main(String[] args) {
        double seconds;
        try {
            seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        } catch (NumberFormatException e) {
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (!(seconds > 0)) {
            System.err.println(USAGE + "; seconds above 0");
            System.exit(2);
            return;
        }
        EventRoster[] rosters = {SyntheticRosters.event(7, 1_000, 40), SyntheticRosters.event(7, 10_000, 40)};
        List<EventRule> rules = EventRule.all();
        double[][] total = new double[2][rules.size()];
        int[] checks = new int[2];
        for (int round = 0; round < 3; round++) {
            for (int size = 0; size < 2; size++) {
                if (round == 0) {
                    run(rosters[size], rules, seconds, new double[rules.size()]); // warm-up, not counted
                } else {
                    checks[size] += run(rosters[size], rules, seconds, total[size]);
                }
            }
        }
        double small = 0;
        double large = 0;
        for (int k = 0; k < rules.size(); k++) {
            double s = total[0][k] / checks[0];
            double l = total[1][k] / checks[1];
            small += s;
            large += l;
            if (s > 0.01 || l > 0.1) {
                System.out.printf(Locale.ROOT, "%-28s %8.3f %8.3f  x%.1f%n", rules.get(k), s, l, l / s);
            }
        }
        System.out.printf(Locale.ROOT, "%-28s %8.3f %8.3f  x%.1f%n", "every rule", small, large, large / small);
    }

    /** Checks the roster over {@code seconds}, adding each rule's milliseconds to {@code into}; returns the checks made. */
    private static int run(EventRoster roster, List<EventRule> rules, double seconds, double[] into) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        int checks = 0;
        int findings = 0;
        while (System.nanoTime() < end) {
            EventCheck check = EventCheck.of(roster);
            for (int k = 0; k < rules.size(); k++) {
                long start = System.nanoTime();
                findings += Rule.checkAll(List.of(rules.get(k)), check).all().size();
                into[k] += (System.nanoTime() - start) / 1e6;
            }
            checks++;
        }
        if (findings < 0) {
            throw new AssertionError(); // keeps the checks' results in use
        }
        return checks;
    }
}
