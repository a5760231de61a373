package org.cadre.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.cadre.roster.demo.DemoRoster;
import org.cadre.server.store.AuditLog;
import org.cadre.server.store.Database;
import org.cadre.server.store.Organisations;
import org.junit.jupiter.api.Test;

class BackupCommandTest {

    @Test
    void backup_copies_the_data_folders_database_to_a_file_that_restores() throws Exception {
        Path data = Files.createTempDirectory("cadre-data");
        try (Database db = Database.sqlite(data.resolve(StoreOptions.FILE_NAME))) {
            DemoRoster.organisations().forEach(o -> new Organisations(db, new AuditLog(Clock.systemUTC())).add(o, "admin"));
        }
        Path backup = data.resolveSibling(data.getFileName() + "-backup.db");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = Cadre.run(new PrintWriter(out), new PrintWriter(err), "backup", "--data", data.toString(), backup.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Backed up SQLite file").contains(backup.toAbsolutePath().toString());
        try (Database restored = Database.restore(backup, Files.createTempDirectory("cadre-restore").resolve("cadre.db"))) {
            assertThat(new Organisations(restored, new AuditLog(Clock.systemUTC())).all()).hasSize(DemoRoster.organisations().size());
        }
    }

    @Test
    void backup_refuses_an_existing_target_without_touching_it() throws Exception {
        Path data = Files.createTempDirectory("cadre-data");
        Path existing = Files.writeString(data.resolveSibling(data.getFileName() + "-exists.db"), "keep me");
        StringWriter err = new StringWriter();

        int exit = Cadre.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "backup", "--data", data.toString(), existing.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("FILE: ").contains("exists already; choose a new file");
        assertThat(Files.readString(existing)).isEqualTo("keep me");
    }

    /** A mistyped data folder is said, not backed up as an empty database made there (the newcomer's review of session 17). */
    @Test
    void backup_of_a_data_folder_without_a_database_is_refused_naming_it_and_makes_nothing() throws Exception {
        Path missing = Files.createTempDirectory("cadre-parent").resolve("no-such-data");
        Path target = missing.resolveSibling("backup.db");
        StringWriter err = new StringWriter();

        int exit = Cadre.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "backup", "--data", missing.toString(), target.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--data / CADRE_DATA: there is no database at " + missing.resolve("cadre.db").toAbsolutePath());
        assertThat(missing).doesNotExist();
        assertThat(target).doesNotExist();

        StringWriter nowhere = new StringWriter();
        Path elsewhere = missing.resolve("deeper").resolve("backup.db");
        assertThat(Cadre.run(new PrintWriter(new StringWriter()), new PrintWriter(nowhere), "backup", "--data", missing.toString(),
                elsewhere.toString())).isEqualTo(2);
        assertThat(nowhere.toString()).contains("FILE: the folder " + elsewhere.getParent().toAbsolutePath() + " does not exist");
    }
}
