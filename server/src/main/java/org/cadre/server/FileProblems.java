package org.cadre.server;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Why a file could not be read, in words a person at a terminal understands (never a Java class name). */
final class FileProblems {

    private FileProblems() {}

    /** Thrown by {@link #read}: the line to print, {@code file: cannot be read: why.} */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    /**
     * The file's bytes; or why not, as a line naming the file. A folder is said to be one ({@code cadre check docs/}
     * read "the file system refused it").
     */
    static byte[] read(java.nio.file.Path file) throws Unreadable {
        if (java.nio.file.Files.isDirectory(file)) {
            throw new Unreadable(file + ": cannot be read: it is a folder; name a file in it.");
        }
        try {
            return java.nio.file.Files.readAllBytes(file);
        } catch (IOException e) {
            throw new Unreadable(file + ": cannot be read: " + why(e) + ".");
        }
    }

    static String why(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "there is no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException || e instanceof java.nio.file.FileAlreadyExistsException) {
            return "a part of the path is a file, not a folder";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            String reason = f.getReason().toLowerCase(java.util.Locale.ROOT);
            return reason.equals("not a directory") ? "a part of the path is a file, not a folder" : reason;
        }
        return "the file system refused it";
    }
}
