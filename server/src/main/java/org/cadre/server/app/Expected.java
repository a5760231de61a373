package org.cadre.server.app;

import java.util.Set;
import org.cadre.server.app.Outcome.Refusal;

/**
 * The version of a record a change starts from, as the user names it (HTTP's If-Match, a command's
 * option): none named, any (knowingly whatever is current), or the versions the user read. A change must
 * name one, so two people cannot overwrite each other's changes unknowingly.
 */
public record Expected(boolean named, boolean anyVersion, Set<Integer> versions) {

    public Expected {
        versions = Set.copyOf(versions);
    }

    /** The words of a change from a version since changed (the API says it in HTTP's words). */
    public static final String CHANGED = "The record has changed since the version you read.";

    /** No version named: a change is refused until one is. */
    public static Expected none() {
        return new Expected(false, false, Set.of());
    }

    /** Whatever is current, knowingly. */
    public static Expected any() {
        return new Expected(true, true, Set.of());
    }

    /** One of these versions (none of them may match: then the change is stale). */
    public static Expected oneOf(Set<Integer> versions) {
        return new Expected(true, false, versions);
    }

    /** The version the change starts from, or why it may not: none named, or not the current one. */
    public Outcome<Integer> against(int current) {
        if (!named) {
            return Outcome.refused(Refusal.VERSION_REQUIRED, "Name the version of the record as you read it.");
        }
        if (anyVersion || versions.contains(current)) {
            return Outcome.done(current);
        }
        return Outcome.refused(Refusal.STALE, CHANGED);
    }
}
