package org.cadre.roster;

import java.util.Optional;
import org.cadre.curriculum.CurriculumDiff.Element;
import org.cadre.curriculum.SessionCode;
import org.cadre.kernel.Require;

/**
 * One participant's rating of a session (and, if given, of the trainer who delivered it), pointing at the
 * curriculum element it concerns, so reports can list what to revise in the next package version.
 *
 * @param author who gave it; empty when anonymous
 * @param trainer the trainer rated, if the feedback is about a trainer
 * @param rating 1 (poor) to 5 (excellent)
 * @param concerns the curriculum element the feedback is about: usually the session itself, or its
 *     module, an outcome or an assessment item
 */
public record Feedback(Optional<PersonId> author, SessionCode session, Optional<PersonId> trainer, int rating,
        Optional<String> comment, Concern concerns) {

    /** The lowest rating, poor. */
    public static final int MIN_RATING = 1;

    /** The highest rating, excellent. */
    public static final int MAX_RATING = 5;

    /**
     * Checks the feedback.
     *
     * @param author who gave it; empty when anonymous
     * @param session the agenda session rated
     * @param trainer the trainer rated, if any
     * @param rating 1 (poor) to 5 (excellent)
     * @param comment free text; stripped, and empty when blank
     * @param concerns the curriculum element it is about
     * @throws IllegalArgumentException if a value is missing or the rating outside 1 to 5
     */
    public Feedback {
        Require.present(author, "Feedback.author");
        Require.present(session, "Feedback.session");
        Require.present(trainer, "Feedback.trainer");
        Require.inRange(rating, MIN_RATING, MAX_RATING, "Feedback.rating");
        comment = Require.present(comment, "Feedback.comment").map(String::strip).filter(c -> !c.isEmpty());
        Require.present(concerns, "Feedback.concerns");
    }

    /**
     * Anonymous feedback on a session, concerning the session itself.
     *
     * @param session the session rated
     * @param rating 1 (poor) to 5 (excellent)
     * @param comment free text; null or blank for none
     * @return the feedback
     * @throws IllegalArgumentException if the rating is outside 1 to 5
     */
    public static Feedback onSession(SessionCode session, int rating, String comment) {
        return new Feedback(Optional.empty(), session, Optional.empty(), rating, Optional.ofNullable(comment),
                new Concern(Element.SESSION, session.value()));
    }

    /**
     * Feedback concerning an element the package version does not have ({@link RosterCommand#UNKNOWN_ELEMENT}: module
     * {@code m1} where the package has {@code M1}), one finding per such item, about {@code feedback/<index>}. The codes of
     * each kind are read from the package once.
     *
     * @param items the feedback sent, in order
     * @param curriculum the package version the event delivers
     * @return one finding per item concerning an unknown element; empty when all are known
     */
    public static com.google.common.collect.ImmutableList<org.cadre.finding.Finding> unknownConcerns(java.util.List<Feedback> items,
            org.cadre.curriculum.Curriculum curriculum) {
        java.util.Map<Element, java.util.Set<String>> codes = new java.util.EnumMap<>(Element.class);
        com.google.common.collect.ImmutableList.Builder<org.cadre.finding.Finding> out = com.google.common.collect.ImmutableList.builder();
        for (int i = 0; i < items.size(); i++) {
            Concern c = items.get(i).concerns();
            if (!codes.computeIfAbsent(c.element(), e -> e.codes(curriculum)).contains(c.code())) {
                out.add(RosterCommand.UNKNOWN_ELEMENT.finding("feedback/" + i, "names no " + c.element().label() + " of the package"));
            }
        }
        return out.build();
    }

    /**
     * Feedback on a session the package version does not have ({@link RosterCommand#UNKNOWN_SESSION}), one
     * finding per such item, about {@code feedback/<index>}.
      *
      * @param items the feedback sent, in order
      * @param curriculum the package version the event delivers
      * @return one finding per item naming an unknown session; empty when all are known
     */
    public static com.google.common.collect.ImmutableList<org.cadre.finding.Finding> unknownSessions(java.util.List<Feedback> items,
            org.cadre.curriculum.Curriculum curriculum) {
        com.google.common.collect.ImmutableList.Builder<org.cadre.finding.Finding> out = com.google.common.collect.ImmutableList.builder();
        for (int i = 0; i < items.size(); i++) {
            if (curriculum.session(items.get(i).session()).isEmpty()) {
                out.add(RosterCommand.UNKNOWN_SESSION.finding("feedback/" + i, "is not a session of the package"));
            }
        }
        return out.build();
    }

    /**
     * Feedback rating a trainer who does not deliver its session by the event's agenda ({@link
     * RosterCommand#TRAINER_NOT_DELIVERING}), one finding per such item, about {@code feedback/<index>}. A session whose
     * slots name no trainer takes any trainer, and a session the agenda lacks is left to {@link #unknownSessions}.
     *
     * @param items the feedback sent, in order
     * @param event the event, with its agenda
     * @return one finding per item rating a trainer the agenda does not give its session; empty when none does
     */
    public static com.google.common.collect.ImmutableList<org.cadre.finding.Finding> trainersNotDelivering(java.util.List<Feedback> items,
            Event event) {
        java.util.Map<SessionCode, java.util.Set<PersonId>> deliverers = new java.util.HashMap<>();
        event.agenda().forEach(slot -> deliverers.computeIfAbsent(slot.session(), s -> new java.util.HashSet<>()).addAll(slot.trainers()));
        com.google.common.collect.ImmutableList.Builder<org.cadre.finding.Finding> out = com.google.common.collect.ImmutableList.builder();
        for (int i = 0; i < items.size(); i++) {
            Feedback f = items.get(i);
            java.util.Set<PersonId> by = deliverers.getOrDefault(f.session(), java.util.Set.of());
            if (f.trainer().isPresent() && !by.isEmpty() && !by.contains(f.trainer().get())) {
                out.add(RosterCommand.TRAINER_NOT_DELIVERING.finding("feedback/" + i,
                        "does not deliver this session by the event's agenda (if they stood in, put the agenda right first)"));
            }
        }
        return out.build();
    }

    /** {@return whether nobody is named as its author} */
    public boolean isAnonymous() {
        return author.isEmpty();
    }

    /** A curriculum element by kind and code, such as session {@code M2.S4} or outcome {@code LO3}. */
    public record Concern(Element element, String code) {
        /**
         * Checks the concern.
         *
         * @param element what kind of curriculum element
         * @param code its code, such as {@code M2.S4}; not blank, stripped
         * @throws IllegalArgumentException if a value is missing or the code blank
         */
        public Concern {
            Require.present(element, "Feedback.Concern.element");
            code = Require.text(code, "Feedback.Concern.code");
        }
    }
}
