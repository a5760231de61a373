package org.cadre.bench;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Two builds of the event check alternating in one JVM, each jar in a class loader of its own with its own
 * rosters: per round, each build checks the 1,000 and the 10,000 roster, then runs the duplicate search alone on
 * each, for a few seconds each; the builds take turns going first; medians over the rounds. For comparing a
 * change with the build before it on a shared machine whose speed drifts: both builds meet the same slow spells.
 *
 * <p>Run: {@code java -Xmx4g -cp bench/target/benchmarks.jar org.cadre.bench.CompareJars OLD.jar NEW.jar [rounds]
 * [seconds]}, the jars being each build's {@code bench/target/benchmarks.jar} (copied aside); default 10 rounds
 * of 2 s after 2 of warm-up.
 */
public final class CompareJars {

    private CompareJars() {}

    /** One build: its rosters and the methods called on them, by reflection. */
    private static final class Build {
        final String name;
        final Object[] rosters;
        final Method check;
        final Method run;
        final Method all;
        final Method top;
        final Method people;

        Build(String jar) throws ReflectiveOperationException, java.net.MalformedURLException {
            this.name = jar;
            ClassLoader loader = new URLClassLoader(new URL[] {Path.of(jar).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            Class<?> roster = loader.loadClass("org.cadre.roster.EventRoster");
            Method event = loader.loadClass("org.cadre.roster.fixtures.SyntheticRosters").getMethod("event", long.class, int.class, int.class);
            rosters = new Object[] {event.invoke(null, 7L, 1_000, 40), event.invoke(null, 7L, 10_000, 40)};
            check = loader.loadClass("org.cadre.roster.EventCheck").getMethod("of", roster);
            run = check.getReturnType().getMethod("run");
            all = run.getReturnType().getMethod("all");
            top = loader.loadClass("org.cadre.roster.names.DuplicateFinder").getMethod("top", Collection.class, int.class);
            people = roster.getMethod("people");
        }

        /** Milliseconds per whole check of roster {@code size} (0: 1,000, 1: 10,000) over {@code seconds}. */
        double check(int size, double seconds) throws ReflectiveOperationException {
            long end = System.nanoTime() + (long) (seconds * 1e9);
            long start = System.nanoTime();
            int checks = 0;
            int findings = 0;
            while (System.nanoTime() < end) {
                findings += ((List<?>) all.invoke(run.invoke(check.invoke(null, rosters[size])))).size();
                checks++;
            }
            return used(findings, (System.nanoTime() - start) / 1e6 / checks);
        }

        /** Milliseconds per duplicate search (the 200 most likely pairs, as the check keeps) of roster {@code size}. */
        double duplicates(int size, double seconds) throws ReflectiveOperationException {
            Collection<?> everyone = ((Map<?, ?>) people.invoke(rosters[size])).values();
            long end = System.nanoTime() + (long) (seconds * 1e9);
            long start = System.nanoTime();
            int searches = 0;
            int found = 0;
            while (System.nanoTime() < end) {
                found += top.invoke(null, everyone, 200).hashCode() & 1;
                searches++;
            }
            return used(found, (System.nanoTime() - start) / 1e6 / searches);
        }
    }

    /** The value, after using {@code result} so that the work producing it is not left out. */
    private static double used(int result, double value) {
        if (result < 0) {
            throw new AssertionError();
        }
        return value;
    }

    public static void main(String[] args) throws Exception {
        String usage = "usage: CompareJars OLD.jar NEW.jar [rounds (default 10)] [seconds per measurement (default 2)]";
        int rounds;
        double seconds;
        try {
            rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
            seconds = args.length > 3 ? Double.parseDouble(args[3]) : 2;
        } catch (NumberFormatException e) {
            rounds = 0;
            seconds = 0;
        }
        if (args.length < 2 || rounds < 1 || !(seconds > 0)) {
            System.err.println(usage);
            System.exit(2);
            return;
        }
        Build[] builds = {new Build(args[0]), new Build(args[1])};
        List<List<double[]>> measured = List.of(new ArrayList<>(), new ArrayList<>());
        for (int round = -2; round < rounds; round++) {
            for (int turn = 0; turn < 2; turn++) {
                int b = Math.floorMod(round + turn, 2);
                Build build = builds[b];
                double[] m = {build.check(0, seconds), build.check(1, seconds), build.duplicates(0, seconds), build.duplicates(1, seconds)};
                if (round >= 0) {
                    measured.get(b).add(m);
                    System.out.printf(Locale.ROOT, "round %d %s: check %.2f / %.2f ms (x%.1f), duplicates %.2f / %.2f ms (x%.1f)%n",
                            round + 1, build.name, m[0], m[1], m[1] / m[0], m[2], m[3], m[3] / m[2]);
                }
            }
        }
        for (int b = 0; b < 2; b++) {
            double[] median = new double[4];
            for (int c = 0; c < 4; c++) {
                median[c] = median(measured.get(b), c);
            }
            System.out.printf(Locale.ROOT, "%s, medians: check %.2f / %.2f ms (x%.2f), duplicates %.2f / %.2f ms (x%.2f)%n",
                    builds[b].name, median[0], median[1], median[1] / median[0], median[2], median[3], median[3] / median[2]);
        }
    }

    private static double median(List<double[]> measured, int column) {
        double[] values = measured.stream().mapToDouble(m -> m[column]).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2] : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }
}
