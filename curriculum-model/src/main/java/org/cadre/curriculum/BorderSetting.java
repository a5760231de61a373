package org.cadre.curriculum;

/** Where on the border a module's content applies. */
public enum BorderSetting {
    /** Border crossing point at an airport. */
    AIR_BCP,
    /** Road or rail border crossing point. */
    LAND_BCP,
    /** Seaport or river-port border crossing point. */
    SEA_BCP,
    /** The land border between crossing points. */
    GREEN_BORDER,
    /** Sea, lake or river border between crossing points. */
    BLUE_BORDER,
    /** Inland: checks behind the border, investigations, training centres. */
    INLAND
}
