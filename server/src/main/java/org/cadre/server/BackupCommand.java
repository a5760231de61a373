package org.cadre.server;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cadre.server.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cadre backup FILE}: a consistent copy of the SQLite database, safe while the server runs. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Write a consistent copy of the embedded database to FILE (safe while the server runs).")
final class BackupCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private StoreOptions store = new StoreOptions();

    @Parameters(index = "0", paramLabel = "FILE", description = "The backup file to create; it must not exist.")
    private Path target;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // What cannot be done as asked is said as a bad argument is, exit code 2 (the newcomer's review: 1, as for a failure).
        if (store.jdbcUrl(System.getenv()).isPresent()) {
            err.println("cadre backup copies the embedded SQLite database; back PostgreSQL up with pg_dump.");
            return 2;
        }
        if (java.nio.file.Files.exists(target)) {
            err.println("FILE: " + target + " exists already; choose a new file (a backup never overwrites one).");
            return 2;
        }
        try (Database db = store.open(System.getenv())) {
            db.backupTo(target);
            out.println("Backed up " + db.description() + " to " + target.toAbsolutePath());
            return 0;
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("Backup failed: " + e.getMessage());
            return 1;
        }
    }
}
