package org.cadre.server;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.cadre.curriculum.Curriculum;
import org.cadre.curriculum.CurriculumCheck;
import org.cadre.curriculum.CurriculumDiff;
import org.cadre.curriculum.demo.DemoCurricula;
import org.cadre.finding.Findings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cadre check --demo}: the rule checks of the demo package, exit code 1 when any is an error. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Run the rule checks of a Training Support Package and print every finding.")
final class CheckCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--demo", required = true,
            description = "Check the demo package (Almaty ToT, version 1.0.0 and its revision 1.1.0).")
    private boolean demo;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Curriculum v1 = DemoCurricula.almatyTot();
        Curriculum v2 = DemoCurricula.revisedAfterAlmaty();
        Findings first = CurriculumCheck.of(v1).within(DemoCurricula.FIVE_DAY_TOT).run();
        Findings second = CurriculumCheck.of(v2).within(DemoCurricula.FIVE_DAY_TOT).revising(v1).run();
        print(out, v1, first);
        print(out, v2, second);
        out.println("Changes " + v1.version() + " -> " + v2.version() + " ("
                + v2.revision().map(r -> r.reason()).orElse("no reason recorded") + "):");
        CurriculumDiff.between(v1, v2).lines().forEach(line -> out.println("  " + line));
        return first.hasErrors() || second.hasErrors() ? 1 : 0;
    }

    private static void print(PrintWriter out, Curriculum c, Findings findings) {
        out.println(c.title() + " " + c.version() + ": " + c.modules().size() + " modules, "
                + c.sessions().count() + " sessions, " + c.outcomes().size() + " outcomes, "
                + c.minutes() / 60.0 + " contact hours");
        out.println(findings.isEmpty() ? "  no findings" : "  " + findings.toString().replace("\n", "\n  "));
    }
}
