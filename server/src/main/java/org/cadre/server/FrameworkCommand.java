package org.cadre.server;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.cadre.reporting.ResultsFramework;
import org.cadre.reporting.render.JsonRenderer;
import org.cadre.server.app.Frameworks;
import org.cadre.server.app.Outcome;
import org.cadre.server.app.UseCases;
import org.cadre.server.app.UserAdministration;
import org.cadre.documents.Documents;
import org.cadre.documents.FrameworkDoc;
import org.cadre.server.values.Versioned;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cadre framework show|set}: a programme's results framework as the JSON document of
 * {@code GET/PUT /api/v1/programmes/{id}/framework}, read from and written to the store with the API's use
 * case ({@link Frameworks}); changes are audited as made by {@code command-line}.
 */
@Command(name = "framework", mixinStandardHelpOptions = true,
        description = {"Show or set a programme's results framework (indicators, targets per period, custom indicators' actuals).",
                "The document is the one the API reads and writes at /api/v1/programmes/{id}/framework.",
                "Exit code: 0 done, 1 refused (no such programme, or the document names invalid fields), 2 the file or database cannot be used."},
        subcommands = {FrameworkCommand.Show.class, FrameworkCommand.Set.class})
final class FrameworkCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** Opens the store, runs the use case and prints its outcome; exit 0 when done, 1 when refused, 2 when unusable. */
    static int run(CommandSpec spec, StoreOptions store, Function<Frameworks, Outcome<Versioned<ResultsFramework>>> action,
            java.util.function.BiConsumer<PrintWriter, Versioned<ResultsFramework>> print) {
        return UseCaseRun.run(spec, store, UseCases::frameworks, action, print);
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print the programme's results framework as JSON (an empty list of indicators when it has none).")
    static final class Show implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private StoreOptions store = new StoreOptions();

        @Option(names = "--programme", required = true, paramLabel = "ID", description = "The programme's id.")
        private String programme;

        @Override
        public Integer call() {
            return run(spec, store, f -> f.read(UsersCommand.OPERATOR, programme),
                    (out, v) -> out.println(JsonRenderer.render(FrameworkDoc.of(v.value()))));
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Replace the programme's whole results framework with the JSON document in the file.")
    static final class Set implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private StoreOptions store = new StoreOptions();

        @Option(names = "--programme", required = true, paramLabel = "ID", description = "The programme's id.")
        private String programme;

        @Option(names = "--file", required = true, paramLabel = "FILE", description = "The framework as JSON (as `cadre framework show` prints it).")
        private Path file;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            FrameworkDoc document;
            try {
                document = Documents.read(FileProblems.read(file), FrameworkDoc.class);
            } catch (FileProblems.Unreadable e) {
                err.println(e.getMessage());
                return 2;
            } catch (Documents.Unreadable e) {
                err.println(file + ": " + e.getMessage());
                e.fields().forEach(f -> err.println("  " + f));
                return 2;
            }
            // At the machine the database lives on, the operator replaces whatever is current, knowingly.
            return run(spec, store, f -> f.replace(UsersCommand.OPERATOR, programme, Optional.of(UserAdministration.ANY_VERSION), document),
                    (out, v) -> out.println("Stored the results framework of " + programme + ": " + v.value().indicators().size()
                            + " indicator(s), version " + v.version() + "."));
        }
    }
}
