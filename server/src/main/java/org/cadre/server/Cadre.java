package org.cadre.server;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code cadre} command line. */
@Command(name = "cadre", mixinStandardHelpOptions = true, version = "cadre 0.1.0",
        description = "Training programmes for border and migration officials: curriculum, roster, reports.",
        subcommands = {ServeCommand.class, CheckCommand.class, ImportRosterCommand.class, BackupCommand.class, UsersCommand.class,
            ErasureCommands.Erase.class, ErasureCommands.ApplyRetention.class, EventCommands.Status.class,
            EventCommands.Certify.class, EventCommands.Close.class, FrameworkCommand.class})
public final class Cadre implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line with the given output streams; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Cadre());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // A date option refused in the API's words, never in Java's ("cannot convert ... to class java.time.LocalDate").
        cli.registerConverter(java.time.LocalDate.class, text -> org.cadre.documents.Dates.tryParse(text)
                .orElseThrow(() -> new CommandLine.TypeConversionException(org.cadre.documents.Dates.problem(text).orElseThrow())));
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
