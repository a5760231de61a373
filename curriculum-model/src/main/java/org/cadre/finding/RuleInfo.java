package org.cadre.finding;

/**
 * What the rule catalogue ({@code docs/rules.md}) says of a finding code: the code, its severity and its
 * meaning. Every {@link Rule} is one; so is each reason a command can be refused for.
 */
public interface RuleInfo {

    /** Stable, documented code such as {@code curriculum.outcome-not-taught}. */
    String code();

    Severity severity();

    /** What the code means, in one sentence of domain language. */
    String meaning();
}
