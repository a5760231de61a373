package org.cadre.curriculum;

import org.cadre.curriculum.CurriculumDiff.Change;
import org.cadre.curriculum.CurriculumDiff.Element;
import org.cadre.curriculum.CurriculumDiff.Kind;
import org.cadre.curriculum.SemanticVersion.Bump;

/**
 * Cadre's policy for numbering package versions, from what a change means for people already trained
 * or certified on the earlier version:
 *
 * <ul>
 *   <li><b>major</b>: the certification criteria change, or a competence is removed. Certificates
 *       issued under the earlier version are no longer equivalent.
 *   <li><b>minor</b>: what is taught or assessed changes: a competence, outcome, module, session or
 *       assessment item is added or removed; an outcome's statement, level or domain changes; which
 *       outcomes an element covers, a module's prerequisites, an item's points or kind, a session's
 *       module, or the test's pass mark change.
 *   <li><b>patch</b>: anything else, such as titles, durations, delivery methods, materials, border
 *       settings, languages or owners.
 * </ul>
 *
 * A bigger step than required is always allowed.
 */
public final class VersionPolicy {

    private VersionPolicy() {}

    /**
     * The smallest version step a revision requires.
     *
     * @param diff what changed from the previous version
     * @return the largest step any change requires; {@link Bump#NONE} for an empty diff
     */
    public static Bump requiredBump(CurriculumDiff diff) {
        Bump required = Bump.NONE;
        for (Change change : diff.changes()) {
            Bump step = requiredBump(change);
            if (step.compareTo(required) > 0) {
                required = step;
            }
        }
        return required;
    }

    /**
     * The smallest version step one change requires, by the policy above.
     *
     * @param change one changed element
     * @return major, minor or patch
     */
    public static Bump requiredBump(Change change) {
        if (change.element() == Element.PACKAGE) {
            if (change.fields().stream().anyMatch(f -> f.field().startsWith("certification."))) {
                return Bump.MAJOR;
            }
            return change.touches("assessment.passMark") ? Bump.MINOR : Bump.PATCH;
        }
        if (change.element() == Element.COMPETENCE && change.kind() == Kind.REMOVED) {
            return Bump.MAJOR;
        }
        if (change.kind() != Kind.CHANGED || change.element() == Element.OUTCOME) {
            return Bump.MINOR;
        }
        boolean substance = change.touches("outcomes") || change.touches("prerequisites")
                || change.touches("kind") || change.touches("maxPoints") || change.touches("module");
        return substance ? Bump.MINOR : Bump.PATCH;
    }
}
