package org.cadre.curriculum;

/** How a session is taught. */
public enum DeliveryMethod {
    /** A trainer presents; participants listen and ask. */
    LECTURE,
    /** Participants exchange experience and views, guided by the trainer. */
    DISCUSSION,
    /** Participants work through a real or realistic case, such as a smuggling route. */
    CASE_STUDY,
    /** Participants act out a situation, such as an interception or an interview. */
    ROLE_PLAY,
    /** A scenario played through with equipment or a mock border crossing point. */
    SIMULATION,
    /** A visit to a border crossing point, a green-border post or a training centre. */
    FIELD_VISIT,
    /** Participants practise a task themselves, such as examining documents. */
    PRACTICAL_EXERCISE,
    /** Participants teach a short segment to their peers and are scored and given feedback (ToT). */
    MICRO_TEACHING,
    /** A test or assessed task, such as the pre- or post-test. */
    ASSESSMENT
}
