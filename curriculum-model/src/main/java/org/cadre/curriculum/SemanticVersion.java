package org.cadre.curriculum;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cadre.kernel.Require;

/**
 * The version of one Training Support Package, {@code MAJOR.MINOR.PATCH}. What each part means for a
 * curriculum is set by {@link VersionPolicy}.
 */
public record SemanticVersion(int major, int minor, int patch) implements Comparable<SemanticVersion> {

    private static final Pattern FORM = Pattern.compile("(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})");
    private static final Comparator<SemanticVersion> ORDER = Comparator.comparingInt(SemanticVersion::major)
            .thenComparingInt(SemanticVersion::minor)
            .thenComparingInt(SemanticVersion::patch);

    public SemanticVersion {
        Require.nonNegative(major, "SemanticVersion.major");
        Require.nonNegative(minor, "SemanticVersion.minor");
        Require.nonNegative(patch, "SemanticVersion.patch");
    }

    public static SemanticVersion of(int major, int minor, int patch) {
        return new SemanticVersion(major, minor, patch);
    }

    /** Parses {@code 1.2.0}; rejects anything else (no leading zeros, no suffixes). */
    public static SemanticVersion parse(String text) {
        Require.present(text, "version");
        Matcher m = FORM.matcher(text);
        Require.that(m.matches(), "version", "must look like MAJOR.MINOR.PATCH (for example 1.2.0), was '" + text + "'");
        return new SemanticVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
    }

    /**
     * Which part changed going from {@code previous} to this version: {@link Bump#NONE} when equal or
     * lower (see {@link #isAfter}).
     */
    public Bump bumpFrom(SemanticVersion previous) {
        if (!isAfter(previous)) {
            return Bump.NONE;
        }
        if (major != previous.major) {
            return Bump.MAJOR;
        }
        return minor != previous.minor ? Bump.MINOR : Bump.PATCH;
    }

    public boolean isAfter(SemanticVersion other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(SemanticVersion other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }

    /** A version step, from none to major, in increasing order. */
    public enum Bump {
        NONE, PATCH, MINOR, MAJOR;

        public boolean isAtLeast(Bump other) {
            return compareTo(other) >= 0;
        }

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
