package org.cadre.roster;

/** Sex as recorded on a nomination list; reports disaggregate by it. */
public enum Sex {
    /** Female. */
    FEMALE,
    /** Male. */
    MALE,
    /** Recorded, neither female nor male. */
    ANOTHER,
    /** The nomination list does not say; reports count it in a column of its own. */
    NOT_RECORDED
}
