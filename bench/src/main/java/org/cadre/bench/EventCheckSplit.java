package org.cadre.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cadre.finding.Rule;
import org.cadre.roster.EventCheck;
import org.cadre.roster.EventRoster;
import org.cadre.roster.EventRule;
import org.cadre.roster.fixtures.SyntheticRosters;

/**
 * The event check's growth from 1,000 to 10,000 participants split between the duplicate rule and the other
 * rules, each size checked back to back for a few seconds as JMH does (the small roster stays warm in the
 * processor's caches): a bounded harness beside {@link EventCheckBenchmark} and {@link EventCheckGrowth}.
 *
 * <p>Run: {@code java -Xmx4g -cp bench/target/benchmarks.jar org.cadre.bench.EventCheckSplit [rounds] [seconds]}
 * (default 3 rounds of 3 s per size and group, after one round of warm-up).
 */
public final class EventCheckSplit {

    private EventCheckSplit() {}

    private static final String USAGE = "usage: EventCheckSplit [rounds (default 3)] [seconds per size and group (default 3)]";

    public static void main(String[] args) {
        int rounds;
        double seconds;
        try {
            rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
            seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3;
        } catch (NumberFormatException e) {
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (rounds < 1 || !(seconds > 0)) {
            System.err.println(USAGE + "; rounds at least 1, seconds above 0");
            System.exit(2);
            return;
        }
        EventRoster[] rosters = {SyntheticRosters.event(7, 1_000, 40), SyntheticRosters.event(7, 10_000, 40)};
        List<EventRule> rest = new ArrayList<>(EventRule.all());
        rest.remove(EventRule.LIKELY_DUPLICATE);
        List<List<EventRule>> groups = List.of(EventRule.all(), rest, List.of(EventRule.LIKELY_DUPLICATE));
        String[] names = {"every rule", "all but duplicates", "duplicates alone"};
        for (int round = 0; round <= rounds; round++) {
            StringBuilder line = new StringBuilder(round == 0 ? "warm-up:" : "round " + round + ":");
            for (int g = 0; g < groups.size(); g++) {
                double small = perCheck(groups.get(g), rosters[0], seconds);
                double large = perCheck(groups.get(g), rosters[1], seconds);
                line.append(String.format(Locale.ROOT, "  %s %.2f / %.2f ms (x%.1f);", names[g], small, large, large / small));
            }
            System.out.println(line);
        }
    }

    /** Milliseconds per check of the rules over {@code seconds} of checks back to back. */
    private static double perCheck(List<EventRule> rules, EventRoster roster, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        int checks = 0;
        int findings = 0;
        while (System.nanoTime() < end) {
            findings += Rule.checkAll(rules, EventCheck.of(roster)).all().size();
            checks++;
        }
        if (findings < 0) {
            throw new AssertionError(); // keeps the checks' results in use
        }
        return (System.nanoTime() - start) / 1e6 / checks;
    }
}
