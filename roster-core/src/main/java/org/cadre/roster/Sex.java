package org.cadre.roster;

/** Sex as recorded on a nomination list; reports disaggregate by it. */
public enum Sex {
    FEMALE,
    MALE,
    ANOTHER,
    NOT_RECORDED
}
