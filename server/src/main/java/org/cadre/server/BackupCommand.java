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
        java.nio.file.Path folder = target.toAbsolutePath().getParent();
        if (folder != null && !java.nio.file.Files.isDirectory(folder)) {
            err.println("FILE: the folder " + folder + " does not exist; make it first, or choose a file in another folder.");
            return 2;
        }
        java.nio.file.Path source = store.sqliteFile(System.getenv());
        if (!java.nio.file.Files.isRegularFile(source)) {
            // Opening it would make an empty database there, and back that up as if all were well (the newcomer's review:
            // a mistyped --data gave an empty backup and exit code 0).
            err.println("--data / CADRE_DATA: there is no database at " + source.toAbsolutePath() + "; give the data folder the server uses.");
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
