package org.cadre.curriculum;

/** How a session is taught. */
public enum DeliveryMethod {
    LECTURE,
    DISCUSSION,
    CASE_STUDY,
    ROLE_PLAY,
    SIMULATION,
    FIELD_VISIT,
    PRACTICAL_EXERCISE,
    MICRO_TEACHING,
    ASSESSMENT
}
