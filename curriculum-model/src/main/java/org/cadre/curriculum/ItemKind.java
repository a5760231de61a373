package org.cadre.curriculum;

/** What an assessment item is. */
public enum ItemKind {
    /** A question asked in the same form before the course (pre-test) and after it (post-test). */
    TEST_QUESTION,
    /** A practical task such as micro-teaching, scored against a rubric. */
    PRACTICAL_TASK
}
