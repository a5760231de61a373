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
        // An option refused is one line naming it, in the commands' words (an enum's values as written on the command line,
        // never Java's AUTO, ALWAYS), and a pointer to the help, not the whole usage after it (the newcomer's re-check of
        // session 13: the error was lost above 25 lines of usage).
        cli.setParameterExceptionHandler((refused, given) -> {
            CommandLine at = refused.getCommandLine();
            at.getErr().println(inOurWords(refused.getMessage()));
            at.getErr().println("See '" + at.getCommandSpec().qualifiedName() + " --help' for its options.");
            return at.getCommandSpec().exitCodeOnInvalidInput();
        });
        return cli.execute(args);
    }

    private static final java.util.regex.Pattern ENUM_VALUES = java.util.regex.Pattern.compile(
            "expected one of \\[([A-Z0-9_, ]+)\\]( \\(case-insensitive\\))?");

    /**
     * Picocli's refusal in the commands' words: an enum's values as the commands take them ({@code auto, always, never}), a
     * number too large for its option as a whole number, not Java's int.
     */
    static String inOurWords(String message) {
        String text = String.valueOf(message).replaceFirst(" is not an? (int|long)$", " is not a whole number this option takes");
        java.util.regex.Matcher m = ENUM_VALUES.matcher(text);
        return m.find() ? text.substring(0, m.start()) + "expected one of " + m.group(1).toLowerCase(java.util.Locale.ROOT)
                .replace('_', '-') + text.substring(m.end()) : text;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
