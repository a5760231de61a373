/**
 * Finding the same officer on several lists when names are written differently: "Абдуллоев Фарход",
 * "Farkhod Abdulloev" and "ABDULLOEV F." Names are transliterated to Latin (ICU4J), normalised so that
 * common romanisations agree, blocked on short keys (never all pairs) and scored with a tolerant
 * similarity. Candidates are reported with a score; nothing is ever merged automatically. Start with
 * {@link org.cadre.roster.names.DuplicateFinder}.
 */
package org.cadre.roster.names;
