/**
 * The one shape every rule check in Cadre returns: a {@link org.cadre.finding.Finding} (severity, stable
 * code, subject, message), collected in {@link org.cadre.finding.Findings}.
 *
 * <p>Rules are named objects ({@link org.cadre.finding.Rule}) listed in one place per module and
 * catalogued in {@code docs/rules.md}. A check runs every rule and returns every finding; it never stops
 * at the first. Business problems are values; only programmer errors (bad input at construction) throw.
 * Start with {@link org.cadre.finding.Findings}.
 */
package org.cadre.finding;
