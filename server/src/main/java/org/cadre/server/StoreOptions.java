package org.cadre.server;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.cadre.server.store.Database;
import picocli.CommandLine.Option;

/**
 * Where the data lives, for every command that opens the store: an embedded SQLite file in the data
 * folder by default, or a PostgreSQL database by JDBC URL. Flags win over the environment.
 */
final class StoreOptions {

    /** The SQLite file's name inside the data folder. */
    static final String FILE_NAME = "cadre.db";

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data folder for the embedded SQLite database (default: ./data, or CADRE_DATA).")
    Path data;

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "Use PostgreSQL at this JDBC URL instead of the SQLite file (or CADRE_JDBC_URL), "
                    + "for example jdbc:postgresql://db.example:5432/cadre?user=cadre&password=...")
    String jdbcUrl;

    /** The JDBC URL to use, if PostgreSQL is configured. */
    Optional<String> jdbcUrl(Map<String, String> env) {
        return Optional.ofNullable(jdbcUrl).or(() -> Optional.ofNullable(env.get("CADRE_JDBC_URL"))).filter(u -> !u.isBlank());
    }

    Path sqliteFile(Map<String, String> env) {
        Path dir = data != null ? data : Optional.ofNullable(env.get("CADRE_DATA")).filter(d -> !d.isBlank()).map(Path::of)
                .orElse(Path.of("data"));
        return dir.resolve(FILE_NAME);
    }

    /**
     * Why the configured database cannot be opened for reading what it holds: the SQLite file does not
     * exist (opening would create an empty one). Empty when it exists, or when PostgreSQL is configured.
     */
    Optional<String> absent(Map<String, String> env) {
        return jdbcUrl(env).isEmpty() && !java.nio.file.Files.exists(sqliteFile(env))
                ? Optional.of("No database at " + sqliteFile(env) + " (give --data or --jdbc-url).")
                : Optional.empty();
    }

    /**
     * Why the embedded database cannot be written where it is configured (the data folder cannot be
     * created or written), naming the path and the setting; empty when it can, or with PostgreSQL.
     */
    Optional<String> unwritable(Map<String, String> env) {
        if (jdbcUrl(env).isPresent()) {
            return Optional.empty();
        }
        Path dir = sqliteFile(env).toAbsolutePath().getParent();
        String setting = data != null ? "--data" : env.get("CADRE_DATA") != null ? "CADRE_DATA" : "the data folder (--data)";
        try {
            java.nio.file.Files.createDirectories(dir);
        } catch (java.io.IOException | SecurityException e) {
            return Optional.of(setting + ": cannot create the folder " + dir + (e instanceof java.io.IOException io
                    ? " (" + FileProblems.why(io) + ")" : ""));
        }
        Path file = sqliteFile(env);
        if (!java.nio.file.Files.isWritable(dir) || java.nio.file.Files.exists(file) && !java.nio.file.Files.isWritable(file)) {
            return Optional.of(setting + ": cannot write to " + (java.nio.file.Files.exists(file) ? file : dir) + " (permission denied)");
        }
        return Optional.empty();
    }

    /** Opens (and migrates) the configured database. */
    Database open(Map<String, String> env) {
        return jdbcUrl(env).map(Database::postgres).orElseGet(() -> Database.sqlite(sqliteFile(env)));
    }
}
