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

    /**
     * Checks the parts.
     *
     * @param major incompatible changes for people certified on earlier versions; not negative
     * @param minor changes to what is taught or assessed; not negative
     * @param patch anything else; not negative
     * @throws IllegalArgumentException if a part is negative
     */
    public SemanticVersion {
        Require.nonNegative(major, "SemanticVersion.major");
        Require.nonNegative(minor, "SemanticVersion.minor");
        Require.nonNegative(patch, "SemanticVersion.patch");
    }

    /**
     * The version {@code major.minor.patch}.
     *
     * @param major not negative
     * @param minor not negative
     * @param patch not negative
     * @return the version
     * @throws IllegalArgumentException if a part is negative
     */
    public static SemanticVersion of(int major, int minor, int patch) {
        return new SemanticVersion(major, minor, patch);
    }

    /**
     * Parses {@code 1.2.0}; rejects anything else (no leading zeros, no suffixes, at most nine digits a part).
     *
     * @param text the version as written
     * @return the version
     * @throws IllegalArgumentException if the text is missing or not of that form
     */
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
     *
     * @param previous the version this one follows
     * @return the highest part that changed
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

    /**
     * Whether this version is higher, comparing major, then minor, then patch.
     *
     * @param other the version to compare with
     * @return whether this one comes after it
     */
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
        /** The same version or a lower one. */
        NONE,
        /** Only the patch part went up. */
        PATCH,
        /** The minor part went up (the patch part may be anything). */
        MINOR,
        /** The major part went up. */
        MAJOR;

        /**
         * Whether this step is as big as another or bigger, as the version policy asks.
         *
         * @param other the step required
         * @return whether this step is enough
         */
        public boolean isAtLeast(Bump other) {
            return compareTo(other) >= 0;
        }

        /** {@return the step in lower case ({@code minor}), as messages name it} */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
