/**
 * Disclosure control: published aggregates must not single out an officer. A report is produced for an
 * {@link org.cadre.reporting.disclosure.Audience}; for donors and the public no published count lies
 * between 1 and k-1 (primary suppression) and no suppressed count can be worked out from the totals and
 * the other cells (secondary suppression). Start with {@link org.cadre.reporting.disclosure.Disclosure}.
 */
package org.cadre.reporting.disclosure;
