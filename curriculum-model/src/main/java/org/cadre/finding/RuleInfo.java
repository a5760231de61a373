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

    /** A finding under this code and severity. */
    default Finding finding(String subject, String message) {
        return new Finding(severity(), code(), subject, message);
    }

    /**
     * For enums of rules: each constant holds its {@link Spec}, and code, severity and meaning come from
     * it.
     */
    interface Specified extends RuleInfo {

        Spec spec();

        @Override
        default String code() {
            return spec().code();
        }

        @Override
        default Severity severity() {
            return spec().severity();
        }

        @Override
        default String meaning() {
            return spec().meaning();
        }
    }

    /** Code, severity and meaning, checked once. */
    record Spec(String code, Severity severity, String meaning) {
        public Spec {
            // A finding with this code must be constructible: the same checks apply.
            new Finding(severity, code, "rule", meaning);
        }
    }
}
