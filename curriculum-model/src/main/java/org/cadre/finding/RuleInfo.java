package org.cadre.finding;

/**
 * What the rule catalogue ({@code docs/rules.md}) says of a finding code: the code, its severity and its
 * meaning. Every {@link Rule} is one; so is each reason a command can be refused for.
 */
public interface RuleInfo {

    /** {@return the stable, documented code, such as {@code curriculum.outcome-not-taught}} */
    String code();

    /** {@return how much a finding under this code matters} */
    Severity severity();

    /** {@return what the code means, in one sentence of domain language} */
    String meaning();

    /**
     * A finding under this code and severity.
     *
     * @param subject what it is about
     * @param message for a person: what is wrong
     * @return the finding
     */
    default Finding finding(String subject, String message) {
        return new Finding(severity(), code(), subject, message);
    }

    /**
     * For enums of rules: each constant holds its {@link Spec}, and code, severity and meaning come from
     * it.
     */
    interface Specified extends RuleInfo {

        /** {@return the constant's code, severity and meaning} */
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
        /**
         * Checks that a finding with this code can be made, so a malformed code fails at class loading.
         *
         * @param code {@code area.rule-name}
         * @param severity how much it matters
         * @param meaning one sentence of domain language
         * @throws IllegalArgumentException if the code is malformed or the meaning blank
         */
        public Spec {
            // A finding with this code must be constructible: the same checks apply.
            new Finding(severity, code, "rule", meaning);
        }
    }
}
