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
        if (store.jdbcUrl(System.getenv()).isPresent()) {
            err.println("cadre backup copies the embedded SQLite database; back PostgreSQL up with pg_dump.");
            return 1;
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
